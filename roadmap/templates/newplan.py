"""The text of a new plan: a template's YAML with ``project``, ``options`` and ``bodies``
written for one town, and writing it to a file.

``roadmap new`` copies the template text and replaces only these three sections; every
other line, comments included, stays as the template author wrote it, so the plan a
project manager receives explains itself. The comments written with the new sections come
from the catalog (``plan-file.*``), in the plan's language.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path

from roadmap.output import OutputError, atomic_write_text
from roadmap.plan.model import Text
from roadmap.plan.yamlio import compose, load_plain
from roadmap.templates.laender import LandProfile, fill, land_profile, role_of
from roadmap.templates.library import (DEFAULT_STATE, DEFAULT_TEMPLATE, DEFAULT_TOWN, TemplateError,
                                       TemplateInfo, apply_options, check_state, default_start,
                                       is_date_option, load_template, parse_start)
from roadmap.templates.sessions import default_sessions
from roadmap.text import t
from roadmap.text.messages import Message as M


@dataclass(frozen=True)
class IcsBody:
    """A body whose sessions come from an iCalendar file (``sessions_ics`` + ``match``);
    ``name``/``short``: the body's name as the town's calendar has it (default: the Land's)."""

    path: str
    match: str
    name: Text | None = None
    short: str | None = None


def plan_text(template_id: str = DEFAULT_TEMPLATE, *, town: str = DEFAULT_TOWN,
              state: str = DEFAULT_STATE, start: dt.date | None = None,
              options: dict[str, str] | None = None, language: str = "de",
              file_name: str = "plan.yaml", ics: dict[str, IcsBody] | None = None,
              status_date: dt.date | None = None) -> str:
    """The YAML of a new plan from a template: the template's text with ``project``,
    ``options``, ``bodies`` and ``budget`` written for this town, and every ``${key}`` of
    the template replaced by the word of the town's Land (:mod:`~roadmap.templates.laender`).

    The council bodies (``fachausschuss``, ``stadtentwicklung``, ``hauptausschuss``, ``rat``;
    older templates ``digital``, ``hfa``) get the Land's names, short names and lead times.
    Without ``ics`` they get :func:`~roadmap.templates.sessions.default_sessions` in the
    Land's rhythm (sample dates, said so in a comment); with ``ics`` each listed body reads
    its sessions from an .ics file. The ``budget`` section holds the Land's defaults.
    """
    info = load_template(template_id)
    state = check_state(state)
    profile = land_profile(state)
    start = start or default_start()
    chosen = apply_options(info, options or {})
    language = language if language in ("de", "en") else "de"
    data = load_plain(info.text)
    header, sections = _sections(info.text)
    title_de = str(data["project"]["name"]).replace(DEFAULT_TOWN, town)

    replaced = {
        "project": _project_section(title_de, town, state, start, language, status_date,
                                    bool(data["project"].get("level"))),
        "options": _options_section(info, chosen, language),
        "bodies": _bodies_section(data.get("bodies") or {}, profile, start, language, ics),
        "budget": _budget_section(profile, language),
    }
    if "budget" not in dict(sections):  # a template without one: after the bodies
        at = next((i + 1 for i, (key, _) in enumerate(sections) if key == "bodies"), len(sections))
        sections.insert(at, ("budget", "\n\n"))
    title = f"„{_comment(title_de)}“" if language == "de" else f'"{_comment(title_de)}"'
    out = [t("plan-file.header", language, title=title, template=_comment(template_id), file=_comment(file_name)),
           "\n"]
    for key, text in sections:
        if key in replaced:
            # keep the blank line that separated the template's section from the next
            text = replaced[key] + ("\n" if text.endswith("\n\n") else "")
        out.append(text)
    return fill("".join(out).rstrip("\n") + "\n", profile)


def default_plan_text(today: dt.date | None = None) -> str:
    """The built-in default roadmap: the kickoff template with its default options for
    "Musterstadt" in NW, starting on the first Monday of the month after ``today``."""
    return plan_text(DEFAULT_TEMPLATE, start=default_start(today))


def write_plan(path, text: str, force: bool = False) -> None:
    """Write ``text`` to ``path`` atomically; never replace an existing file without ``force``."""
    path = Path(path)
    if path.exists() and not force:
        raise TemplateError(M("template.exists", path=path))
    if not path.parent.is_dir():
        raise TemplateError(M("template.no-folder", folder=path.parent))
    try:
        atomic_write_text(path, text)
    except OutputError as error:
        raise TemplateError(error.args[0]) from None


# ---- the sections ---------------------------------------------------------------------------


#: Characters a YAML file may not hold as they are (outside YAML's printable set), or that
#: YAML reads as a line break (NEL, LINE and PARAGRAPH SEPARATOR) and would fold away.
_NOT_PRINTABLE = re.compile("[^\x09\x0a\x0d\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
                            "|[\x85\u2028\u2029]")


def _q(value) -> str:
    """A YAML double-quoted string (JSON strings are valid YAML), so no text is misread:
    line breaks, control characters, NEL and the Unicode line separators as escapes; a lone
    surrogate (an undecodable command-line byte) becomes U+FFFD, which a file can hold."""
    text = re.sub("[\ud800-\udfff]", "\ufffd", str(value))
    quoted = json.dumps(text, ensure_ascii=False)
    return _NOT_PRINTABLE.sub(lambda match: f"\\u{ord(match.group()):04x}", quoted)


def _comment(value) -> str:
    """Text for a comment line: line breaks and other control characters as escapes, so
    it cannot end the comment and start a YAML key (``roadmap new --town $'X\\nroadmap: 2'``)."""
    return _q(value)[1:-1]


def _text(value: Text) -> str:
    return "{de: " + _q(value.de) + ", en: " + _q(value.en) + "}"


def _sections(text: str) -> tuple[str, list[tuple[str, str]]]:
    """Split a template into its header comment and ``(key, text)`` per top-level key.

    A key's text starts with the comment lines directly above it, so replacing a section
    replaces its explanation too.
    """
    lines = text.splitlines(keepends=True)
    root = compose(text)
    starts = []
    for key_node, _ in root.value:
        line = key_node.start_mark.line
        while line > 0 and lines[line - 1].lstrip().startswith("#"):
            line -= 1
        starts.append((key_node.value, line))
    header = "".join(lines[:starts[0][1]]) if starts else text
    sections = []
    for i, (key, line) in enumerate(starts):
        end = starts[i + 1][1] if i + 1 < len(starts) else len(lines)
        sections.append((key, "".join(lines[line:end])))
    return header, sections


def _project_section(name, town, state, start, language, status_date, level=False) -> str:
    lines = [t("plan-file.project", language), "project:\n",
             f"  name: {_q(name)}\n", f"  municipality: {_q(town)}\n",
             f"  state: {state}\n", f"  start: {start.isoformat()}\n",
             f"  language: {language}\n"]
    if level:
        lines.append(f"  level: true  # {t('plan-file.level', language)}\n")
    if status_date:
        lines.append(f"  status_date: {status_date.isoformat()}  # {t('plan-file.status-date', language)}\n")
    return "".join(lines)


def _options_section(info: TemplateInfo, chosen: dict[str, str], language: str) -> str:
    width = max(len(f"{key}: {value}") for key, value in chosen.items())
    lines = [t("plan-file.options", language), "options:\n"]
    for spec in info.options:
        value = chosen[spec.key]
        pair = f"{spec.key}: {value}".ljust(width)
        if is_date_option(spec):
            lines.append(f"  {pair}  # {_comment(spec.name.get(language))} ({t('plan-file.option-date', language)})\n")
            continue
        label = dict(spec.choices)[value].get(language)
        lines.append(f"  {pair}  # {label} ({' | '.join(v for v, _ in spec.choices)})\n")
    return "".join(lines)


def _bodies_section(bodies: dict, profile: LandProfile, start: dt.date, language: str,
                    ics: dict[str, IcsBody] | None) -> str:
    council = [body_id for body_id in bodies if role_of(body_id)]
    generated = default_sessions(profile.code, start, bodies=council) if not ics else {}
    chain = " -> ".join(profile.bodies[role].short for role in ("fachausschuss", "hauptausschuss", "rat"))
    comment = (t("plan-file.bodies-ics", language) if ics else
               t("plan-file.land-bodies", language, land=profile.name.get(language), code=profile.code,
                 start=start, chain=chain, weeks=profile.rhythm.cycle_days // 7,
                 council=profile.bodies["rat"].name.de))
    lines = [comment, "bodies:\n"]
    for body_id, spec in bodies.items():
        lines.append(f"  {body_id}:\n")
        role = role_of(body_id)
        if role:
            land = profile.bodies[role]
            name, short, lead_time = land.name, land.short, land.lead_time
            if ics and body_id in ics:
                name, short = ics[body_id].name or name, ics[body_id].short or short
        else:
            name = spec.get("name", body_id)
            name = Text(name.get("de", ""), name.get("en", "")) if isinstance(name, dict) else Text(name, name)
            short, lead_time = spec.get("short"), spec.get("lead_time", "3w")
        lines.append(f"    name: {_text(name)}\n")
        if short:
            lines.append(f"    short: {_q(short)}\n")
        lines.append(f"    lead_time: {lead_time}\n")
        if ics and body_id in ics:
            lines.append(f"    sessions_ics: {_q(ics[body_id].path)}\n")
            lines.append(f"    match: {_q(ics[body_id].match)}\n")
        else:
            dates = generated.get(body_id) or [parse_start(d) for d in spec.get("sessions") or []]
            lines.append(_sessions_line(dates))
    return "".join(lines)


def _budget_section(profile: LandProfile, language: str) -> str:
    """The Land's budget calendar defaults (contract section 11)."""
    return (t("plan-file.land-budget", language, land=profile.name.get(language)) + "budget:\n"
            f"  bid_deadline: \"{profile.budget['bid_deadline']}\"\n"
            f"  in_force: \"{profile.budget['in_force']}\"\n")


def _sessions_line(dates) -> str:
    """``sessions: [...]`` with one line per year, so a year's dates are easy to find."""
    years: dict[int, list[str]] = {}
    for day in dates:
        years.setdefault(day.year, []).append(day.isoformat())
    rows = [", ".join(row) for row in years.values()]
    return "    sessions: [" + (",\n               ".join(rows)) + "]\n"

"""What ``roadmap new`` does besides asking: check the values given as options before the
first question, offer an option's choices as a numbered list (or ask for a date), find
the council bodies in a calendar export (``--ics``), write the plan, and say what was
written.

The questions themselves (prompts, defaults, asking again) belong to the command line
(:mod:`roadmap.cli`); every function here raises :class:`TemplateError` with a catalog
message, which the command line shows as it is.
"""
from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path

from roadmap.engine.result import count_text
from roadmap.plan.loader import active_packages, parse_plan
from roadmap.plan.model import OptionSpec, Plan, Text
from roadmap.plan.yamlio import load_plain
from roadmap.templates.laender import land_profile, role_of
from roadmap.templates.library import (DEFAULT_STATE, DEFAULT_TOWN, TemplateError, TemplateInfo,
                                       apply_options, check_state, default_start, is_date_option,
                                       load_template, option_date, parse_option_args, parse_start)
from roadmap.templates.newplan import IcsBody, plan_text, write_plan
from roadmap.text import t
from roadmap.text.messages import Message as M


@dataclass
class NewPlanRequest:
    """What ``roadmap new`` knows before its first question: the template, the options
    given (checked; answers are added to it), and town, Land and start if given."""

    info: TemplateInfo
    options: dict[str, str]
    town: str | None
    state: str | None
    start: dt.date | None
    ics: str | None = None  # the RIS calendar export (roadmap new --ics)
    matches: dict = field(default_factory=dict)  # body id -> SUMMARY text (--match)

    def unanswered(self) -> list[OptionSpec]:
        """The template's options not given yet, in the template's order."""
        return [spec for spec in self.info.options if spec.key not in self.options]


def check_request(path, template_id: str, option_pairs, *, town: str | None, state: str | None,
                  start: str | None, force: bool, ics: str | None = None,
                  match_pairs=()) -> NewPlanRequest:
    """Check everything given before asking for the rest, so a typo in an option does not
    cost the user a round of questions."""
    if Path(path).exists() and not force:
        raise TemplateError(M("template.exists", path=path))
    info = load_template(template_id)
    given = parse_option_args(option_pairs)
    given.update({key: value for key, value in apply_options(info, given).items() if key in given})
    matches = _matches(info, ics, match_pairs)
    return NewPlanRequest(info, given, town, check_state(state) if state else None,
                          parse_start(start) if start else None, ics, matches)


def _matches(info: TemplateInfo, ics: str | None, pairs) -> dict[str, str]:
    """``--match body=text`` pairs, checked against the template's bodies and ``--ics``."""
    if ics is not None and not Path(ics).is_file():
        raise TemplateError(M("template.ics-missing", path=ics))
    if pairs and ics is None:
        raise TemplateError(M("template.match-without-ics"))
    bodies = list(load_plain(info.text).get("bodies") or {})
    matches = {}
    for pair in pairs or ():
        body, sep, text = str(pair).partition("=")
        body, text = body.strip(), text.strip().strip('"')
        if not sep or not body or not text:
            raise TemplateError(M("template.match-pair", pair=pair))
        if body not in bodies and role_of(body) not in {role_of(b) for b in bodies} - {None}:
            raise TemplateError(M("template.match-body", body=body, known=", ".join(bodies)))
        matches[body] = text
    return matches


def ics_bodies(request: NewPlanRequest, plan_path, state: str) -> dict[str, IcsBody] | None:
    """The bodies that read their sessions from ``--ics``: every council body of the template
    (matched by ``--match`` or by its name in the Land profile) and the others named in
    ``--match``. The file is written relative to the plan's folder."""
    if request.ics is None:
        return None
    profile = land_profile(state)
    path = os.path.relpath(Path(request.ics).resolve(), Path(plan_path).resolve().parent)
    found = {}
    for body_id in load_plain(request.info.text).get("bodies") or {}:
        role = role_of(body_id)
        given = request.matches.get(body_id) or next(
            (text for key, text in request.matches.items() if role and role_of(key) == role), None)
        if given:
            english = profile.bodies[role].name.en if role else given
            found[body_id] = IcsBody(path, given, Text(given, english))
        elif role:
            found[body_id] = IcsBody(path, profile.bodies[role].name.de)
    return found


def choice_lines(spec: OptionSpec, language: str) -> list[str]:
    """An option as a numbered list: its name, then ``  1) label [value]`` per choice; a
    date option as its name and what to write (a date or ``none``)."""
    lines = [f"{spec.name.get(language)}:"]
    if is_date_option(spec):
        return lines + [f"  {t('new.date-option', language)}"]
    lines += [f"  {number}) {label.get(language)} [{value}]"
              for number, (value, label) in enumerate(spec.choices, 1)]
    return lines


def default_choice(spec: OptionSpec) -> str:
    """The number of the template's default in :func:`choice_lines` (a date option: its
    default date or ``none``)."""
    if is_date_option(spec):
        return spec.default or "none"
    return str([value for value, _ in spec.choices].index(spec.default) + 1)


def choice_value(spec: OptionSpec, answer) -> str:
    """The value an answer picks: its number in the list, or the value itself; for a date
    option the date as YYYY-MM-DD (TT.MM.JJJJ accepted) or ``none``."""
    if is_date_option(spec):
        return option_date(spec.key, answer)
    values = [value for value, _ in spec.choices]
    text = str(answer).strip()
    if text in values:
        return text
    if text.isdigit() and 1 <= int(text) <= len(values):
        return values[int(text) - 1]
    raise TemplateError(M("new.bad-number", n=len(values)))


def create_plan(path, request: NewPlanRequest, *, language: str, force: bool) -> Plan:
    """Write the new plan to ``path`` (comments and outputs in ``language``) and return it
    as read back; what the request leaves open gets the library's default. A
    :class:`~roadmap.plan.diagnostics.PlanError` here is a template bug, not the user's."""
    state = request.state or DEFAULT_STATE
    text = plan_text(request.info.id, town=request.town or DEFAULT_TOWN,
                     state=state, start=request.start or default_start(),
                     options=request.options, language=language, file_name=path,
                     ics=ics_bodies(request, path, state))
    written = parse_plan(text, path, Path(path).parent)
    write_plan(path, text, force=force)
    return written


def written_line(path, plan: Plan, language: str) -> str:
    """``Plan geschrieben: plan.yaml (45 Einträge: 33 Arbeitspakete, ..., Start 11.01.2027).``"""
    counts = {"task": 0, "milestone": 0, "decision": 0}
    for package in active_packages(plan):  # as Schedule.counts() will count them
        zero = package.duration is None or package.duration.days == 0
        counts["decision" if package.kind == "decision" else
               "milestone" if package.kind == "milestone" or zero else "task"] += 1
    return t("new.written", language, file=path, counts=count_text(counts, language),
             start=plan.project.start)

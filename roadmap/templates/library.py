"""The template library: list templates, apply options, and write a new plan from one.

A template is a complete plan (``roadmap/templates/*.yaml``, shipped as ``roadmap.templates``)
with a ``template:`` header that names its options. ``roadmap new`` copies the template
text and replaces only three sections, ``project``, ``options`` and ``bodies``; every
other line, comments included, stays as the template author wrote it, so the plan a
project manager receives explains itself.

Council bodies get a *default council calendar* (:func:`default_sessions`): NRW-like
Sitzungsfolgen (Fachausschuss -> Haupt- und Finanzausschuss -> Rat) about every two
months, outside school holidays and on working days. These dates are placeholders; the
written plan says so and asks for the town's real calendar (``sessions_ics``).
"""
from __future__ import annotations

import datetime as dt
import functools
import importlib.resources
import json
import re
from dataclasses import dataclass
from pathlib import Path

import holidays

from roadmap.engine.calendar import school_holidays
from roadmap.plan.diagnostics import PlanError
from roadmap.text import format_date
from roadmap.plan.loader import STATES, parse_plan
from roadmap.text.messages import Message as M
from roadmap.plan.model import OptionSpec, Text
from roadmap.output import OutputError, atomic_write_text
from roadmap.plan.yamlio import compose, load_plain

DEFAULT_TEMPLATE = "kickoff"
DEFAULT_TOWN = "Musterstadt"
DEFAULT_STATE = "NW"
DEFAULT_YEARS = 3

#: The default Sitzungsfolge: Fachausschuss on a Tuesday, the Haupt- und Finanzausschuss a
#: week later, the Rat two weeks after that (Iserlohn 2026: HPA exactly 2 weeks before the
#: Rat, Fachausschuss -> Rat about 4 weeks; DOMAIN.md section 1). A new chain about every
#: two months gives 5-7 Sitzungsfolgen a year, as in NRW councils.
CHAIN_OFFSETS = {"digital": 0, "hfa": 7, "rat": 21}
CYCLE_DAYS = 56
MIN_GAP_DAYS = 42  # two chains at least six weeks apart
SESSION_WEEKDAY = 1  # Tuesday: few public holidays fall on it (Thursdays lose Himmelfahrt, Fronleichnam)


class TemplateError(ValueError):
    """A template, option or value that cannot be used; the message (a catalog message,
    German by default) says what to do."""


# ---- the default council calendar -------------------------------------------------


def _avoid_windows(state: str, first: dt.date, last: dt.date) -> list[tuple[dt.date, dt.date]]:
    """School-holiday windows (councils do not meet then) from the ``holidays`` package.

    The KMK data in ``holidays`` ends a few years ahead. For a year without summer or
    Christmas holidays in the data we keep the usual council breaks free instead (July and
    August; 23 December to 6 January); the warning of ``roadmap new`` asks for the real
    calendar anyway.
    """
    known = school_holidays(state, first.year, last.year)
    windows = [(w.start, w.end) for w in known]
    summer = {w.start.year for w in known if w.name.startswith("Sommer")}
    christmas = {w.start.year for w in known if w.name.startswith("Weihnacht")}
    for year in range(first.year - 1, last.year + 1):
        if year not in summer:
            windows.append((dt.date(year, 7, 1), dt.date(year, 8, 31)))
        if year not in christmas:
            windows.append((dt.date(year, 12, 23), dt.date(year + 1, 1, 6)))
    return sorted(windows)


def default_sessions(state: str = DEFAULT_STATE, start: dt.date | None = None,
                     years: int = DEFAULT_YEARS,
                     weekday: int = SESSION_WEEKDAY) -> dict[str, list[dt.date]]:
    """Placeholder session dates for the bodies ``digital``, ``hfa`` and ``rat``.

    Chains start on the first ``weekday`` (Monday = 0; default Tuesday) on or after
    ``start`` and repeat about every eight weeks for ``years`` years. A chain that would
    touch a school holiday or a non-working day (weekend, public holiday of ``state``)
    moves by whole weeks, so the Beratungsfolge keeps its order and spacing.
    """
    state = state.upper()
    if state not in STATES:
        raise TemplateError(M("template.state", state=state, states=", ".join(STATES)))
    start = start or dt.date.today()
    end = dt.date(start.year + years, start.month, min(start.day, 28))
    public = holidays.Germany(subdiv=state, years=range(start.year, end.year + 2),
                              categories=("public",))
    windows = _avoid_windows(state, start, dt.date(end.year + 1, 12, 31))

    def free(day: dt.date) -> bool:
        return (day.weekday() < 5 and day not in public
                and not any(lo <= day <= hi for lo, hi in windows))

    sessions: dict[str, list[dt.date]] = {body: [] for body in CHAIN_OFFSETS}
    target = start + dt.timedelta(days=(weekday - start.weekday()) % 7)
    earliest = target
    while target < end:
        # Try the target week, then a week earlier or later, two weeks, ...: a chain
        # blocked by the Easter holidays moves to just before them if that still leaves
        # six weeks since the last chain, instead of always waiting until after them.
        for shift in _shifts():
            first = target + dt.timedelta(days=shift)
            if first < earliest:
                continue
            chain = {body: first + dt.timedelta(days=offset) for body, offset in CHAIN_OFFSETS.items()}
            if all(free(day) for day in chain.values()):
                break
        for body, day in chain.items():
            sessions[body].append(day)
        earliest = first + dt.timedelta(days=MIN_GAP_DAYS)
        target = first + dt.timedelta(days=CYCLE_DAYS)
    return sessions


def _shifts():
    """0, -7, +7, -14, +14, ... days (bounded: a year of weeks is always enough)."""
    yield 0
    for weeks in range(1, 53):
        yield -7 * weeks
        yield 7 * weeks


# ---- the template library -----------------------------------------------------------


@dataclass(frozen=True)
class TemplateInfo:
    """A template as ``roadmap templates`` lists it."""

    id: str
    text: str  # the YAML as the author wrote it
    name: Text
    description: Text
    options: tuple[OptionSpec, ...]

    def option(self, key: str) -> OptionSpec:
        for spec in self.options:
            if spec.key == key:
                return spec
        raise TemplateError(M("template.no-option", id=self.id, key=key,
                              known=", ".join(spec.key for spec in self.options)))


def template_ids() -> list[str]:
    """The ids of the built-in templates (file names without ``.yaml``), sorted."""
    folder = importlib.resources.files("roadmap.templates")
    return sorted(entry.name[:-5] for entry in folder.iterdir() if entry.name.endswith(".yaml"))


@functools.lru_cache(maxsize=None)
def load_template(template_id: str = DEFAULT_TEMPLATE) -> TemplateInfo:
    """Read and validate a built-in template; a broken template is a :class:`TemplateError`.

    Cached: the templates are package data, and `roadmap new` or a test of every option
    combination would otherwise parse and check the same file again and again."""
    if template_id not in template_ids():
        raise TemplateError(M("template.unknown", id=template_id, known=", ".join(template_ids())))
    resource = importlib.resources.files("roadmap.templates") / f"{template_id}.yaml"
    text = resource.read_text(encoding="utf-8")
    try:
        plan = parse_plan(text, f"{template_id}.yaml")
    except PlanError as error:
        raise TemplateError(M("template.broken", id=template_id, error=error)) from None
    return TemplateInfo(template_id, text, plan.template.get("name", Text()),
                        plan.template.get("description", Text()), plan.option_specs)


def list_templates() -> list[TemplateInfo]:
    return [load_template(template_id) for template_id in template_ids()]


def parse_option_args(pairs) -> dict[str, str]:
    """``["funding=own_budget", ...]`` as a dict; a pair without ``=`` is an error."""
    options = {}
    for pair in pairs or ():
        key, sep, value = str(pair).partition("=")
        if not sep or not key.strip() or not value.strip():
            raise TemplateError(M("template.pair", pair=pair))
        options[key.strip()] = value.strip()
    return options


def apply_options(info: TemplateInfo, given: dict[str, str]) -> dict[str, str]:
    """Every option of the template with a valid value: ``given`` over the defaults."""
    chosen = {spec.key: spec.default for spec in info.options}
    for key, value in given.items():
        spec = info.option(key)
        values = [v for v, _ in spec.choices]
        if value not in values:
            raise TemplateError(M("template.choice", value=value, key=key, choices=", ".join(values)))
        chosen[key] = value
    return chosen


def parse_start(value) -> dt.date:
    """A start date written as YYYY-MM-DD or TT.MM.JJJJ."""
    if isinstance(value, dt.date):
        return value
    for fmt in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            return dt.datetime.strptime(str(value).strip(), fmt).date()
        except ValueError:
            pass
    raise TemplateError(M("template.date", value=value))


def check_state(value: str) -> str:
    state = str(value).strip().upper()
    if state not in STATES:
        raise TemplateError(M("template.state", state=value, states=", ".join(STATES)))
    return state


def default_start(today: dt.date | None = None) -> dt.date:
    """The first Monday of the month after ``today``: a calm date to start a plan from."""
    today = today or dt.date.today()
    first = dt.date(today.year + today.month // 12, today.month % 12 + 1, 1)
    return first + dt.timedelta(days=-first.weekday() % 7)


# ---- writing a plan -------------------------------------------------------------------

_HEADER = {
    "de": """\
# Fahrplan {title} – erstellt mit `roadmap new` aus der Vorlage „{template}“.
#
# So bearbeiten Sie diese Datei:
# - Texte dürfen Sie frei ändern; die Einrückung (Leerzeichen am Zeilenanfang) bleibt.
# - Daten schreiben Sie als JJJJ-MM-TT (2027-03-01) oder TT.MM.JJJJ (01.03.2027).
# - Dauern: 10d = 10 Arbeitstage, 3w = 3 Wochen, 2mo = 2 Monate zu je 20 Arbeitstagen,
#   13ew = 13 Kalenderwochen (z. B. für Fristen, die auch über Feiertage laufen).
# - `after` nennt die Vorgänger: `kosten` = beginnt nach dem Ende von kosten,
#   `antrag SS+6w` = frühestens 6 Wochen nach dem Beginn von antrag.
# - Beschlüsse (`kind: decision`) liegen immer auf einer Sitzung ihres Gremiums (`body`),
#   nach der Beratungsfolge (`via`); die Sitzungstermine stehen unter `bodies`.
# - `source` nennt die Erfahrung der Pionierkommunen, aus der ein Arbeitspaket stammt.
# - Prüfen: roadmap check {file}    Termine: roadmap schedule {file}
#   Excel-Plan und Gantt-Diagramm: roadmap build {file}
""",
    "en": """\
# Roadmap {title} – created by `roadmap new` from the template "{template}".
#
# How to edit this file:
# - Change any text freely; keep the indentation (spaces at the start of a line).
# - Write dates as YYYY-MM-DD (2027-03-01) or DD.MM.YYYY (01.03.2027).
# - Durations: 10d = 10 working days, 3w = 3 weeks, 2mo = 2 months of 20 working days,
#   13ew = 13 calendar weeks (for periods that run through holidays).
# - `after` names the predecessors: `kosten` = starts after kosten finishes,
#   `antrag SS+6w` = at the earliest 6 weeks after antrag starts.
# - Decisions (`kind: decision`) always fall on a session of their body (`body`), after
#   the consultation sequence (`via`); the session dates are under `bodies`.
# - `source` names the pioneer towns' lesson a work package comes from.
# - Check: roadmap check {file}    Dates: roadmap schedule {file}
#   Excel plan and Gantt chart: roadmap build {file}
""",
}

_PROJECT_COMMENT = {
    "de": "# Projekt: Name, Kommune, Bundesland (Kürzel für Feiertage und Schulferien, z. B. NW),\n"
          "# Starttermin und Sprache der Ausgaben (de oder en).\n",
    "en": "# Project: name, municipality, German Land (code for public and school holidays, e.g. NW),\n"
          "# start date and language of the outputs (de or en).\n",
}
_STATUS_COMMENT = {
    "de": "Stand der Beispielausgaben; ohne diese Zeile gilt das heutige Datum",
    "en": "status date of the sample outputs; without this line today counts",
}
_OPTIONS_COMMENT = {
    "de": "# Gewählte Optionen. Ändern Sie einen Wert, werden die passenden Arbeitspakete\n"
          "# (`when`) ein- oder ausgeblendet; die möglichen Werte stehen jeweils dahinter.\n",
    "en": "# Chosen options. Change a value and the matching work packages (`when`) are\n"
          "# switched on or off; the possible values follow each line.\n",
}
_BODIES_COMMENT = {
    "de": """\
# Gremien und ihre Sitzungstermine. lead_time = interne Vorlagenfrist vor der ersten Beratung.
# ACHTUNG: Die Termine sind BEISPIELTERMINE, erzeugt für {state} ab {start}: eine
# Sitzungsfolge Fachausschuss -> HFA -> Rat etwa alle zwei Monate, nicht in den Schulferien.
# Ersetzen Sie sie durch den echten Sitzungskalender Ihrer Stadt, am besten durch den
# iCalendar-Export des Ratsinformationssystems, z. B.:
#     sessions_ics: sitzungskalender.ics
#     match: "Rat der Stadt"
""",
    "en": """\
# Council bodies and their session dates. lead_time = internal deadline before the first session.
# NOTE: these are SAMPLE DATES generated for {state} from {start}: one sequence of
# committee -> HFA -> council about every two months, none in the school holidays.
# Replace them with your town's real council calendar, best with the iCalendar export of
# the council information system, e.g.:
#     sessions_ics: council-calendar.ics
#     match: "Rat der Stadt"
""",
}
_ICS_COMMENT = {
    "de": "# Gremien und ihre Sitzungstermine aus dem iCalendar-Export des Ratsinformationssystems;\n"
          "# `match` wählt die Sitzungen eines Gremiums. lead_time = interne Vorlagenfrist.\n",
    "en": "# Council bodies and their sessions from the council information system's iCalendar\n"
          "# export; `match` picks one body's sessions. lead_time = internal paper deadline.\n",
}

SESSIONS_WARNING = {
    "de": "Warnung: Die Sitzungstermine in {file} sind Beispieltermine. Ersetzen Sie sie durch "
          "den echten Sitzungskalender Ihrer Stadt (unter 'bodies': 'sessions' oder "
          "'sessions_ics' mit dem iCalendar-Export des Ratsinformationssystems).",
    "en": "Warning: the session dates in {file} are samples. Replace them with your town's real "
          "council calendar (under 'bodies': 'sessions', or 'sessions_ics' with the iCalendar "
          "export of the council information system).",
}


def _q(value) -> str:
    """A YAML double-quoted string (JSON strings are valid YAML), so no text is misread."""
    return json.dumps(str(value), ensure_ascii=False)


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


@dataclass(frozen=True)
class IcsBody:
    """A body whose sessions come from an iCalendar file (``sessions_ics`` + ``match``)."""

    path: str
    match: str


def plan_text(template_id: str = DEFAULT_TEMPLATE, *, town: str = DEFAULT_TOWN,
              state: str = DEFAULT_STATE, start: dt.date | None = None,
              options: dict[str, str] | None = None, language: str = "de",
              file_name: str = "plan.yaml", ics: dict[str, IcsBody] | None = None,
              status_date: dt.date | None = None) -> str:
    """The YAML of a new plan from a template: the template's text with ``project``,
    ``options`` and ``bodies`` written for this town.

    Without ``ics`` the bodies get :func:`default_sessions` (sample dates, said so in a
    comment); with ``ics`` each listed body reads its sessions from an .ics file.
    """
    info = load_template(template_id)
    state = check_state(state)
    start = start or default_start()
    chosen = apply_options(info, options or {})
    language = language if language in ("de", "en") else "de"
    data = load_plain(info.text)
    header, sections = _sections(info.text)
    title_de = str(data["project"]["name"]).replace(DEFAULT_TOWN, town)

    replaced = {
        "project": _project_section(title_de, town, state, start, language, status_date),
        "options": _options_section(info, chosen, language),
        "bodies": _bodies_section(data.get("bodies") or {}, state, start, language, ics),
    }
    out = [_HEADER[language].format(title=f"„{title_de}“" if language == "de" else f'"{title_de}"',
                                    template=template_id, file=file_name), "\n"]
    for key, text in sections:
        if key in replaced:
            # keep the blank line that separated the template's section from the next
            text = replaced[key] + ("\n" if text.endswith("\n\n") else "")
        out.append(text)
    return "".join(out).rstrip("\n") + "\n"


def _project_section(name, town, state, start, language, status_date) -> str:
    lines = [_PROJECT_COMMENT[language], "project:\n",
             f"  name: {_q(name)}\n", f"  municipality: {_q(town)}\n",
             f"  state: {state}\n", f"  start: {start.isoformat()}\n",
             f"  language: {language}\n"]
    if status_date:
        lines.append(f"  status_date: {status_date.isoformat()}  # {_STATUS_COMMENT[language]}\n")
    return "".join(lines)


def _options_section(info: TemplateInfo, chosen: dict[str, str], language: str) -> str:
    width = max(len(f"{key}: {value}") for key, value in chosen.items())
    lines = [_OPTIONS_COMMENT[language], "options:\n"]
    for spec in info.options:
        value = chosen[spec.key]
        label = dict(spec.choices)[value].get(language)
        pair = f"{spec.key}: {value}".ljust(width)
        lines.append(f"  {pair}  # {label} ({' | '.join(v for v, _ in spec.choices)})\n")
    return "".join(lines)


def _bodies_section(bodies: dict, state: str, start: dt.date, language: str,
                    ics: dict[str, IcsBody] | None) -> str:
    generated = default_sessions(state, start) if not ics else {}
    comment = (_ICS_COMMENT[language] if ics else
               _BODIES_COMMENT[language].format(state=state, start=format_date(start, language)))
    lines = [comment, "bodies:\n"]
    for body_id, spec in bodies.items():
        lines.append(f"  {body_id}:\n")
        name = spec.get("name", body_id)
        name = Text(name.get("de", ""), name.get("en", "")) if isinstance(name, dict) else Text(name, name)
        lines.append(f"    name: {_text(name)}\n")
        if spec.get("short"):
            lines.append(f"    short: {_q(spec['short'])}\n")
        lines.append(f"    lead_time: {spec.get('lead_time', '3w')}\n")
        if ics and body_id in ics:
            lines.append(f"    sessions_ics: {_q(ics[body_id].path)}\n")
            lines.append(f"    match: {_q(ics[body_id].match)}\n")
        else:
            dates = generated.get(body_id) or [parse_start(d) for d in spec.get("sessions") or []]
            lines.append(_sessions_line(dates))
    return "".join(lines)


def _sessions_line(dates) -> str:
    """``sessions: [...]`` with one line per year, so a year's dates are easy to find."""
    years: dict[int, list[str]] = {}
    for day in dates:
        years.setdefault(day.year, []).append(day.isoformat())
    rows = [", ".join(row) for row in years.values()]
    return "    sessions: [" + (",\n               ".join(rows)) + "]\n"


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


# ---- docs/templates.md ----------------------------------------------------------------

DOCS_PATH = Path("docs") / "templates.md"


def _cell(text) -> str:
    """Text for a Markdown table cell: pipes escaped, no line breaks."""
    return str(text).replace("|", "\\|").replace("\n", " ")


def _package_comments(text: str) -> dict[str, str]:
    """The comment lines directly above each ``- id: ...`` of a template (the facts behind
    its duration), section rulers (``# ----``) left out."""
    lines, found = text.splitlines(), {}
    for number, line in enumerate(lines):
        match = re.match(r"^\s*- id: ([a-z0-9_-]+)", line)
        if not match:
            continue
        above = []
        for previous in reversed(lines[:number]):
            stripped = previous.strip()
            if not stripped.startswith("#") or stripped.startswith("# ----"):
                break
            above.insert(0, stripped.lstrip("# "))
        found[match.group(1)] = " ".join(above)
    return found


def templates_markdown() -> str:
    """docs/templates.md: every template's options and packages, generated from the YAML."""
    from roadmap.engine.result import format_link

    out = ["# Vorlagen (templates)\n",
           "Diese Datei wird erzeugt: `python -m roadmap.templates.library` (prüfen mit `--check`).",
           "Nicht von Hand ändern; die Quelle ist `templates/<id>.yaml`.\n"]
    for info in list_templates():
        plan = parse_plan(info.text, f"{info.id}.yaml")
        phases = {phase.id: phase.name.get("de") for phase in plan.phases}
        out += [f"## {info.id}: {info.name.get('de')}\n", info.description.get("de") + "\n",
                "### Optionen\n", "| Option | Wahlmöglichkeiten | Standard |", "|---|---|---|"]
        for spec in info.options:
            choices = "; ".join(f"`{value}` {label.get('de')}" for value, label in spec.choices)
            out.append(f"| `{spec.key}` {_cell(spec.name.get('de'))} | {_cell(choices)} | `{spec.default}` |")
        out += ["", "### Gremien\n", "| Gremium | Vorlauf | Sitzungen in der Vorlage |", "|---|---|---|"]
        for body in plan.bodies.values():
            out.append(f"| `{body.id}` {_cell(body.name.get('de'))} | {body.lead_time} | {len(body.sessions)} |")
        notes = _package_comments(info.text)
        out += ["", "### Arbeitspakete\n",
                "Quelle: die Lektion aus den Seeds; Grundlage der Dauer: Kommentar in der Vorlage "
                "(Abschnitte von DOMAIN.md, [E] = Schätzung).\n",
                "| ID | Arbeitspaket | Phase | Art | Dauer | Vorgänger | Nur wenn (`when`) | Quelle "
                "| Grundlage der Dauer |",
                "|---|---|---|---|---|---|---|---|---|"]
        kinds = {"task": "Arbeitspaket", "milestone": "Meilenstein", "decision": "Beschluss"}
        for p in plan.packages:
            duration = str(p.duration) if p.kind == "task" and p.duration else "–"
            if p.kind == "decision":
                duration = "Sitzung: " + " → ".join(list(p.via) + [p.body or ""])
            after = ", ".join(format_link(link) for link in p.after) or "–"
            when = "; ".join(f"{key} = {' / '.join(values)}" for key, values in p.when) or "immer"
            extra = " (meidet Schulferien)" if p.avoid else ""
            out.append(f"| `{p.id}` | {_cell(p.name.get('de'))}{extra} | {_cell(phases.get(p.phase, p.phase))} "
                       f"| {kinds[p.kind]} | {_cell(duration)} | {_cell(after)} | {_cell(when)} "
                       f"| {_cell(p.source)} | {_cell(notes.get(p.id, '')) or '–'} |")
        out.append("")
    return "\n".join(out)


def main(argv=None) -> int:
    """``python -m roadmap.templates.library [--check] [PATH]``: write or check docs/templates.md."""
    import argparse

    parser = argparse.ArgumentParser(prog="python -m roadmap.templates.library", description=main.__doc__)
    parser.add_argument("path", nargs="?", default=str(DOCS_PATH))
    parser.add_argument("--check", action="store_true", help="exit 1 if PATH is out of date")
    args = parser.parse_args(argv)
    text = templates_markdown()
    path = Path(args.path)
    if args.check:
        current = path.read_text(encoding="utf-8") if path.exists() else ""
        if current != text:
            print(f"{path} is out of date; run: python -m roadmap.templates.library")
            return 1
        return 0
    write_plan(path, text, force=True)
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

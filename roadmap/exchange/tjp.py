"""TaskJuggler export: the schedule as a ``.tjp`` project that tj3 schedules to the same dates.

What maps exactly (the subset tests/test_tj3_golden.py pins against tj3):

- working days: ``length Nd`` with ``dailyworkinghours 8`` and working hours 9:00-17:00 on
  the plan's working weekdays; public holidays and closures as ``leaves holiday``;
- milestones: ``milestone``; FS links: ``depends``; SS links: ``depends X { onstart }``;
  positive working lags: ``gaplength Nd``, positive elapsed lags from a finish:
  ``gapduration Nd`` (real hours, as in the contract);
- a package without predecessors: ``start`` on its computed start.

Where tj3 means something else, the package gets a fixed ``start`` on its computed date
(or instant) and a comment says why; the links that tj3 can check stay as ``depends``:

- decisions: a milestone fixed at 17:00 of the session day (tj3 knows no council sessions);
- ``avoid`` (school holidays) and ``not_before``: tj3's ``start`` is hard, not "no earlier
  than"; a package roadmap's levelling moved (driver reason ``capacity``; roles and needs
  are not exported);
- elapsed durations: tj3 counts ``duration`` in 24-hour steps from the instant a task may
  start (often 17:00 of the day before), the contract whole calendar days from the
  opening;
- FF and SF links and negative lags: tj3 has no forward FF/SF and no leads; these links
  are left out;
- elapsed lags from a start (SS) or from a milestone at a day's opening, and milestones at
  an opening after a link: tj3 names that instant by 17:00 of the day before.

The project runs in UTC, so tj3 never adds or loses an hour at a clock change; every day
has 24 hours, as in the contract. Deadlines (``maxend`` would be an error in tj3, the
contract only warns), school holidays, owners, bodies and sessions are not exported.

Plan text is never interpreted by tj3: names are double-quoted with ``\\"`` for a quote, a
word joiner (U+2060, invisible) after ``$`` where tj3 would see a macro ``${...}`` or an
environment variable ``$(...)``, and after a final backslash.
"""
from __future__ import annotations

import datetime as dt
import re

from roadmap.engine.calendar import public_holidays
from roadmap.engine.result import Schedule, ScheduledPackage
from roadmap.exchange import ExportOptions, Rendered
from roadmap.text import Message, t

WORD_JOINER = "\u2060"
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f\ufffe\uffff]")
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DAY_START, DAY_END = "9:00", "17:00"


def quote(text) -> str:
    """A tj3 double-quoted string that reads back as ``text`` and expands nothing."""
    value = _CONTROL.sub(" ", str(text)).replace("\r", "")
    value = value.replace("${", "$" + WORD_JOINER + "{").replace("$(", "$" + WORD_JOINER + "(")
    value = value.replace('"', '\\"')
    if value.endswith("\\"):
        value += WORD_JOINER
    return f'"{value}"'


def _comment(text: str) -> str:
    """A ``#`` comment on one line; ``${`` and ``$(`` disarmed as in :func:`quote`."""
    text = _CONTROL.sub(" ", re.sub(r"[\r\n\x85\u2028\u2029]+", " ", text))
    return "# " + text.replace("${", "$" + WORD_JOINER + "{").replace("$(", "$" + WORD_JOINER + "(")


class _Ids:
    """tj3 ids (``[A-Za-z_][A-Za-z0-9_]*``) for our ids (``[a-z0-9_-]+``), unique."""

    def __init__(self):
        self.used: set[str] = set()

    def make(self, wanted: str) -> str:
        base = re.sub(r"[^A-Za-z0-9_]", "_", wanted) or "x"
        if not re.match(r"[A-Za-z_]", base):
            base = f"p_{base}"
        candidate, k = base, 2
        while candidate in self.used:
            candidate = f"{base}_{k}"
            k += 1
        self.used.add(candidate)
        return candidate


def _instant(day: dt.date, closing: bool) -> str:
    return f"{day.isoformat()}-17:00" if closing else day.isoformat()


def _pin_reason(p: ScheduledPackage, schedule: Schedule) -> str | None:
    """Why a package needs a fixed ``start`` in tj3 (a catalog key), or None."""
    if p.kind == "decision":
        return "tjp.pin.decision"
    if p.occurrences and p.exported_span:
        return "tjp.pin.recurring"
    if p.avoid:
        return "tjp.pin.avoid"
    if p.not_before:
        return "tjp.pin.not-before"
    if p.driver_reason == "capacity":
        return "tjp.pin.capacity"
    if p.driver_reason == "budget":
        return "tjp.pin.budget"
    if p.duration is not None and p.duration.elapsed and not p.is_milestone and not p.exported_span:
        return "tjp.pin.elapsed"
    preds = [link.pred for link in p.predecessors]
    if len(set(preds)) < len(preds):  # two links to one package (after `when` bridging): tj3 takes one
        return "tjp.pin.duplicate"
    for link in p.predecessors:
        if link.type in ("FF", "SF") or link.lag.days < 0:
            return "tjp.pin.link"
        if link.lag.elapsed and link.lag.days:
            pred = schedule.package(link.pred)
            from_start = link.type == "SS" and not pred.is_milestone
            if from_start or (pred.is_milestone and not pred.at_closing):
                return "tjp.pin.elapsed-lag"
    if p.is_milestone and not p.at_closing and p.predecessors:
        return "tjp.pin.opening"
    if p.is_milestone and any(_elapsed_finish(schedule.package(link.pred)) and link.type == "FS"
                              for link in p.predecessors):
        return "tjp.pin.after-elapsed"
    return None


def _elapsed_finish(p: ScheduledPackage) -> bool:
    return p.duration is not None and p.duration.elapsed and not p.is_milestone and not p.exported_span


def _left_out(link, p: ScheduledPackage, schedule: Schedule) -> bool:
    """A link tj3 cannot express, or (a milestone after a duration in calendar days) would
    date at 0:00 of the next day and then refuse the milestone's fixed instant."""
    if link.type in ("FF", "SF") or link.lag.days < 0:
        return True
    return p.is_milestone and link.type == "FS" and _elapsed_finish(schedule.package(link.pred))


def _depends(p: ScheduledPackage, schedule: Schedule, paths: dict[str, str]) -> list[str]:
    """The ``depends`` entries tj3 reads as the contract does (others are left out)."""
    entries, seen = [], set()
    for link in p.predecessors:
        if link.pred not in paths or _left_out(link, p, schedule) or link.pred in seen:
            continue
        seen.add(link.pred)
        pred = schedule.package(link.pred)
        options = []
        if link.type == "SS" and not pred.is_milestone:  # a milestone's start is its finish
            options.append("onstart")
        if link.lag.days:
            options.append(f"{'gapduration' if link.lag.elapsed else 'gaplength'} {link.lag.days}d")
        entries.append(paths[link.pred] + (" { " + " ".join(options) + " }" if options else ""))
    return entries


def tjp_text(schedule: Schedule, language: str | None = None) -> str:
    """The schedule as a TaskJuggler 3 project (``.tjp`` text).

    Parameters
    ----------
    schedule : Schedule
        A computed schedule; names are used as they are (the plan's language).
    language : str, optional
        Language of the comments and the report: ``de`` (default: the schedule's) or ``en``.
    """
    language = language or schedule.language
    project = schedule.project
    first = schedule.start - dt.timedelta(days=7)
    last = dt.date(schedule.finish.year + 2, 12, 31)
    lines = [_comment(t("tjp.header", language, name=project.name)),
             _comment(t("tjp.header.run", language)),
             _comment(t("tjp.header.pins", language)), ""]
    lines.append(f"project roadmap {quote(project.name)} {first.isoformat()} - {last.isoformat()} {{")
    lines.append('  timezone "UTC"')
    lines.append('  timeformat "%d.%m.%Y"' if language == "de" else '  timeformat "%Y-%m-%d"')
    lines.append("  dailyworkinghours 8")
    working = [d for d in range(7) if d not in schedule.weekend]
    off = [d for d in range(7) if d in schedule.weekend]
    lines.append(f"  workinghours {', '.join(WEEKDAYS[d] for d in working)} {DAY_START} - {DAY_END}")
    if off:
        lines.append(f"  workinghours {', '.join(WEEKDAYS[d] for d in off)} off")
    if project.status_date and first <= project.status_date <= last:
        lines.append(f"  now {project.status_date.isoformat()}")
    lines.append("}")
    lines.append("")

    lines.append(_comment(t("tjp.holidays", language, state=project.state)))
    for holiday in public_holidays(project.state, first.year, last.year):
        if first <= holiday.date <= last:
            lines.append(f"leaves holiday {quote(holiday.name)} {holiday.date.isoformat()}")
    if schedule.closures:
        lines.append(_comment(t("tjp.closures", language)))
        for closure in schedule.closures:
            end = closure.end + dt.timedelta(days=1)  # tj3 intervals end before this day
            name = closure.name or t("tjp.closure", language)
            lines.append(f"leaves holiday {quote(name)} {closure.start.isoformat()} - {end.isoformat()}")
    lines.append("")

    ids = _Ids()
    paths: dict[str, str] = {}
    groups = []
    for phase_id, members in schedule.phase_groups():
        container = ids.make(phase_id) if phase_id is not None else None
        groups.append((phase_id, container, members))
    for phase_id, container, members in groups:
        for p in members:
            own = ids.make(p.id)
            paths[p.id] = f"{container}.{own}" if container else own

    for phase_id, container, members in groups:
        indent = ""
        if container:
            lines.append(f"task {container} {quote(schedule.phase_name(phase_id))} {{")
            indent = "  "
        for p in members:
            lines.extend(indent + line for line in _task(p, schedule, paths, language))
        if container:
            lines.append("}")
        lines.append("")

    lines += [f"taskreport \"{t('tjp.report.file', language)}\" {{",
              "  formats html",
              f"  headline {quote(project.name)}",
              "  columns bsi, name, start, end, duration, chart",
              "}"]
    return "\n".join(lines) + "\n"


def _task(p: ScheduledPackage, schedule: Schedule, paths: dict[str, str], language: str) -> list[str]:
    own = paths[p.id].rsplit(".", 1)[-1]
    body = []
    reason = _pin_reason(p, schedule)
    depends = _depends(p, schedule, paths)
    dropped = [link.pred for link in p.predecessors if _left_out(link, p, schedule)]
    if reason:
        body.append("  " + _comment(t(reason, language)))
    if dropped:
        body.append("  " + _comment(t("tjp.dropped", language, ids=", ".join(dropped))))
    if depends:
        body.append(f"  depends {', '.join(depends)}")
    if reason or not depends:
        body.append(f"  start {_instant(p.start, p.is_milestone and p.at_closing and not p.exported_span)}")
    if p.exported_span:  # a recurring package, a notice period: the working days it spans
        body.append(f"  length {p.span_days}d")
    elif p.is_milestone:
        body.append("  milestone")
    elif p.duration is not None and p.duration.elapsed:
        body.append(f"  duration {p.duration.days}d")
    else:
        body.append(f"  length {p.duration_days}d")
    return [f"task {own} {quote(p.name)} {{"] + body + ["}"]


def render_tjp(schedule: Schedule, options: ExportOptions) -> Rendered:
    """``roadmap export --format tjp``."""
    data = tjp_text(schedule, options.language).encode("utf-8")
    return Rendered(data, Message("tjp.summary", count=len(schedule.packages)))

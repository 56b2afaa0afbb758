"""The default council calendar: placeholder session dates for a new plan.

Council bodies of a new plan get NRW-like Sitzungsfolgen (Fachausschuss -> Haupt- und
Finanzausschuss -> Rat) about every two months, outside school holidays and on working
days. These dates are placeholders; the written plan says so and asks for the town's
real calendar (``sessions_ics``).
"""
from __future__ import annotations

import datetime as dt

import holidays

from roadmap.engine.calendar import school_holidays
from roadmap.plan.loader import STATES
from roadmap.templates.library import DEFAULT_STATE, TemplateError
from roadmap.text.messages import Message as M

DEFAULT_YEARS = 3

#: The default Sitzungsfolge: Fachausschuss on a Tuesday, the Haupt- und Finanzausschuss a
#: week later, the Rat two weeks after that (Iserlohn 2026: HPA exactly 2 weeks before the
#: Rat, Fachausschuss -> Rat about 4 weeks; DOMAIN.md section 1). A new chain about every
#: two months gives 5-7 Sitzungsfolgen a year, as in NRW councils.
CHAIN_OFFSETS = {"digital": 0, "hfa": 7, "rat": 21}
CYCLE_DAYS = 56
MIN_GAP_DAYS = 42  # two chains at least six weeks apart
SESSION_WEEKDAY = 1  # Tuesday: few public holidays fall on it (Thursdays lose Himmelfahrt, Fronleichnam)


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

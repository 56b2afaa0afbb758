"""The default council calendar: placeholder session dates for a new plan.

Council bodies of a new plan get Sitzungsfolgen in the Land's typical rhythm (its profile,
:mod:`~roadmap.templates.laender`): NW a chain Fachausschuss -> Haupt- und Finanzausschuss
-> Rat about every eight weeks, BY a monthly Stadtrat, ... always outside school holidays
and on working days. These dates are placeholders; the written plan says so and asks for
the town's real calendar (``sessions_ics``).
"""
from __future__ import annotations

import datetime as dt

import holidays

from roadmap.engine.calendar import school_holidays
from roadmap.plan.loader import STATES
from roadmap.templates.laender import ROLES, Rhythm, land_profile, role_of
from roadmap.templates.library import DEFAULT_STATE, TemplateError
from roadmap.text.messages import Message as M

DEFAULT_YEARS = 3

#: The NW Sitzungsfolge (the NW profile holds the same numbers): Fachausschuss on a
#: Tuesday, the Haupt- und Finanzausschuss a week later, the Rat two weeks after that
#: (Iserlohn 2026: HPA exactly 2 weeks before the Rat, Fachausschuss -> Rat about 4 weeks;
#: DOMAIN.md section 1). A new chain about every two months gives 5-7 Sitzungsfolgen a year.
CHAIN_OFFSETS = {"fachausschuss": 0, "hauptausschuss": 7, "rat": 21}
CYCLE_DAYS = 56
MIN_GAP_DAYS = 42  # two chains at least six weeks apart
SESSION_WEEKDAY = 1  # Tuesday: few public holidays fall on it (Thursdays lose Himmelfahrt, Fronleichnam)
#: A second committee consulted in the same Sitzungsfolge (``stadtentwicklung``) meets on
#: the first free of these days after the Fachausschuss (Wednesday, Thursday, ...).
PARALLEL_SHIFTS = (1, 2, 3, -1, -2)


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


def default_body_ids() -> tuple[str, ...]:
    """The council bodies of the default template, in its order (``fachausschuss``,
    ``hauptausschuss``, ``rat``; older templates: ``digital``, ``hfa``, ``rat``)."""
    from roadmap.plan.yamlio import load_plain
    from roadmap.templates.library import load_template

    bodies = load_plain(load_template().text).get("bodies") or {}
    ids = tuple(body_id for body_id in bodies if role_of(body_id))
    return ids or tuple(CHAIN_OFFSETS)


def default_sessions(state: str = DEFAULT_STATE, start: dt.date | None = None,
                     years: int = DEFAULT_YEARS, weekday: int = SESSION_WEEKDAY,
                     bodies=None, rhythm: Rhythm | None = None) -> dict[str, list[dt.date]]:
    """Placeholder session dates per body id (``bodies``: the ids to date, each playing a
    role of :data:`~roadmap.templates.laender.ROLES`; default: the default template's).

    Chains start on the first ``weekday`` (Monday = 0; default Tuesday) on or after
    ``start`` and repeat in the Land's rhythm (NW about every eight weeks) for ``years``
    years. A chain that would touch a school holiday or a non-working day (weekend, public
    holiday of ``state``) moves by whole weeks, so the Beratungsfolge keeps its order and
    spacing. A parallel committee (``stadtentwicklung``) meets in the same week.
    ``rhythm`` replaces the Land's (a town's own habit, e.g. a monthly assembly).
    """
    state = str(state).upper()
    if state not in STATES:
        raise TemplateError(M("template.state", state=state, states=", ".join(STATES)))
    rhythm = rhythm or land_profile(state).rhythm
    body_ids = tuple(bodies) if bodies is not None else default_body_ids()
    start = start or dt.date.today()
    end = dt.date(start.year + years, start.month, min(start.day, 28))
    public = holidays.Germany(subdiv=state, years=range(start.year, end.year + 2),
                              categories=("public",))
    windows = _avoid_windows(state, start, dt.date(end.year + 1, 12, 31))

    def free(day: dt.date) -> bool:
        return (day.weekday() < 5 and day not in public
                and not any(lo <= day <= hi for lo, hi in windows))

    by_role: dict[str, list[dt.date]] = {role: [] for role in ROLES}
    target = start + dt.timedelta(days=(weekday - start.weekday()) % 7)
    earliest = target
    while target < end:
        # Try the target week, then a week earlier or later, two weeks, ...: a chain
        # blocked by the Easter holidays moves to just before them if that still leaves
        # the minimum gap since the last chain, instead of always waiting until after them.
        for shift in _shifts():
            first = target + dt.timedelta(days=shift)
            if first < earliest:
                continue
            chain = {role: first + dt.timedelta(days=offset) for role, offset in rhythm.offsets.items()}
            if all(free(day) for day in chain.values()):
                break
        for role, day in chain.items():
            by_role[role].append(day)
        by_role["stadtentwicklung"].append(_parallel_day(chain, free))
        earliest = first + dt.timedelta(days=rhythm.min_gap_days)
        target = first + dt.timedelta(days=rhythm.cycle_days)
    return {body_id: list(by_role[role_of(body_id) or "fachausschuss"]) for body_id in body_ids}


def _parallel_day(chain: dict[str, dt.date], free) -> dt.date:
    """The day of the second committee: in the Fachausschuss's week, before the main committee."""
    first = chain["fachausschuss"]
    for shift in PARALLEL_SHIFTS:
        day = first + dt.timedelta(days=shift)
        if free(day) and day < chain["hauptausschuss"]:
            return day
    return first


def _shifts():
    """0, -7, +7, -14, +14, ... days (bounded: a year of weeks is always enough)."""
    yield 0
    for weeks in range(1, 53):
        yield -7 * weeks
        yield 7 * weeks

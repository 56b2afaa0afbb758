"""Reading the keys of municipal procedures (contract section 11, "Kommunale Abläufe").

``repeat`` (recurring packages), groups in ``via`` (parallel consultation), ``funds`` and the
top-level ``budget`` section (the budget calendar), ``ends_at`` (notice periods),
``calendar: yearly_closures`` and dates taken from a template option of ``type: date``.
"""
from __future__ import annotations

import datetime as dt
import re

from roadmap.plan.fields import FieldReader, brief, plain, suggest
from roadmap.plan.model import Budget, Repeat, YearlyClosure
from roadmap.plan.yamlio import LineList
from roadmap.text.messages import Message as M

REPEAT_KEYS = ["every", "sessions", "until", "count"]
BUDGET_KEYS = ["bid_deadline", "in_force", "years"]
ENDS_AT = ("month_end", "quarter_end")
FUNDS = ("budget",)
MAX_OCCURRENCES = 1000  # count: more is a typo, not a plan
_MONTH_DAY = re.compile(r"\s*(\d{1,2})-(\d{1,2})\s*\Z")
_NO_DATE = ("none", "")


class MunicipalSections(FieldReader):
    """The readers of section 11's keys; :class:`PackageSections` calls them per package."""

    def month_day(self, value, line: int, what) -> tuple[int, int] | None:
        """``"12-24"`` as (12, 24); a bad one is a ``bad-month-day``."""
        match = _MONTH_DAY.match(plain(value)) if isinstance(value, str) else None
        if match:
            month, day = int(match[1]), int(match[2])
            try:
                dt.date(2028, month, day)  # a leap year: 02-29 is a day
                return month, day
            except ValueError:
                pass
        self.c.error(line, "bad-month-day", M("bad-month-day", what=what, value=brief(value)))
        return None

    # ---- calendar: yearly_closures -----------------------------------------------------
    def read_yearly_closures(self, raw, line: int) -> tuple[YearlyClosure, ...]:
        if raw is None:
            return ()
        if not isinstance(raw, list):
            self.c.error(line, "bad-type", M("bad-type.yearly-closures"))
            return ()
        found = []
        for i, item in enumerate(raw):
            item_line = raw.line_of(i) if isinstance(raw, LineList) else line
            item = self.mapping(item, item_line, M("what.yearly-closure"))
            if item is None:
                continue
            self.known_keys(item, ["from", "to", "name"], M("what.yearly-closure"))
            if "from" not in item:
                self.c.error(item_line, "missing-key", M("missing-key.closure"))
                continue
            start = self.month_day(item["from"], item.line_of("from"), M("what.yearly-closure"))
            end = self.month_day(item.get("to", item["from"]), item.line_of("to"), M("what.yearly-closure"))
            if start and end:
                found.append(YearlyClosure(start, end, self.scalar(item.get("name"), item.line_of("name"),
                                                                   M("what.yearly-closure"))))
        return tuple(found)

    # ---- budget ------------------------------------------------------------------------
    def read_budget(self, data, line: int) -> Budget | None:
        if data is None:
            return None
        data = self.mapping(data, line, "'budget'")
        if data is None:
            return None
        self.known_keys(data, BUDGET_KEYS, "'budget'")
        values = {}
        for key in ("bid_deadline", "in_force"):
            if key not in data:
                self.c.error(data.line or line, "missing-key", M("missing-key.budget", key=key))
                continue
            values[key] = self.month_day(data[key], data.line_of(key), f"'budget: {key}'")
        years = []
        raw = data.get("years")
        if raw is not None:
            raw = self.mapping(raw, data.line_of("years"), "'budget: years'") or {}
            for year, spec in raw.items():
                year_line = raw.line_of(year)
                if isinstance(year, bool) or not isinstance(year, int) or not 1990 <= year <= 2199:
                    self.c.error(year_line, "bad-type", M("bad-type.budget-year", year=brief(year)))
                    continue
                spec = self.mapping(spec, year_line, M("what.budget-year", year=year))
                if spec is None:
                    continue
                self.known_keys(spec, ["in_force"], M("what.budget-year", year=year))
                if spec.get("in_force") is not None:
                    day = self.date(spec["in_force"], spec.line_of("in_force"), M("what.budget-year", year=year))
                    if day:
                        years.append((year, day))
        return Budget(values.get("bid_deadline") or (6, 30), values.get("in_force") or (1, 1),
                      tuple(years), line)

    # ---- per package ---------------------------------------------------------------------
    def read_repeat(self, item, what, kind: str, bodies) -> Repeat | None:
        raw = item.get("repeat")
        if raw is None:
            return None
        line = item.line_of("repeat")
        raw = self.mapping(raw, line, M("what.field", what=what, field="'repeat'"))
        if raw is None:
            return None
        self.known_keys(raw, REPEAT_KEYS, M("what.field", what=what, field="'repeat'"))
        if kind == "decision":
            self.c.error(line, "bad-repeat", M("bad-repeat.decision", what=what))
            return None
        every = sessions = until = until_date = count = None
        if ("every" in raw) == ("sessions" in raw):
            self.c.error(line, "bad-repeat", M("bad-repeat.how", what=what))
            return None
        if "every" in raw:
            every = self.duration(raw["every"], raw.line_of("every"), M("what.field", what=what, field="'repeat: every'"))
            if every is not None and every.days <= 0:
                self.c.error(raw.line_of("every"), "bad-repeat", M("bad-repeat.every", what=what))
                every = None
            if every is None:
                return None
        else:
            sessions = plain(raw["sessions"])
            if sessions not in bodies:
                self.c.error(raw.line_of("sessions"), "unknown-body",
                             M("unknown-body.repeat", what=what, body=brief(sessions), suggest=suggest(sessions, bodies)))
                return None
        if ("until" in raw) == ("count" in raw):
            self.c.error(line, "bad-repeat", M("bad-repeat.end", what=what))
            return None
        if "count" in raw:
            count = raw["count"]
            if isinstance(count, bool) or not isinstance(count, int) or not 1 <= count <= MAX_OCCURRENCES:
                self.c.error(raw.line_of("count"), "bad-repeat",
                             M("bad-repeat.count", what=what, value=brief(count), max=MAX_OCCURRENCES))
                return None
        elif isinstance(raw["until"], dt.date) or re.match(r"\s*\d", plain(raw["until"])):
            until_date = self.date(raw["until"], raw.line_of("until"), M("what.field", what=what, field="'repeat: until'"))
            if until_date is None:
                return None
        else:
            until = plain(raw["until"])
        return Repeat(every, sessions, until, until_date, count, raw.line_of("until" if until else "repeat"))

    def read_via(self, item, what) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]:
        """``via`` as the flat list of bodies and as stages (an inner list: one stage)."""
        raw = item.get("via") or []
        raw = raw if isinstance(raw, list) else [raw]
        stages, good = [], True
        for entry in raw:
            group = entry if isinstance(entry, list) else [entry]
            if not group or not all(isinstance(v, str) and v for v in group):
                good = False
                continue
            stages.append(tuple(dict.fromkeys(plain(v) for v in group)))  # a body once per group
        if not good:
            self.c.error(item.line_of("via"), "bad-type", M("bad-type.via", what=what))
        flat = tuple(body for stage in stages for body in stage)
        grouped = any(len(stage) > 1 for stage in stages)
        return flat, (tuple(stages) if grouped else ())

    def read_funds_ends(self, item, what, kind: str, budget) -> tuple[str | None, str | None]:
        funds = ends_at = None
        if item.get("funds") is not None:
            funds = plain(item["funds"])
            if funds not in FUNDS:
                self.c.error(item.line_of("funds"), "bad-funds", M("bad-funds", what=what, value=brief(funds)))
                funds = None
            elif budget is None:
                self.c.error(item.line_of("funds"), "budget-missing", M("budget-missing", what=what))
        if item.get("ends_at") is not None:
            ends_at = plain(item["ends_at"])
            if ends_at not in ENDS_AT:
                self.c.error(item.line_of("ends_at"), "bad-ends-at",
                             M("bad-ends-at", what=what, value=brief(ends_at), suggest=suggest(ends_at, ENDS_AT)))
                ends_at = None
            elif kind != "task":
                self.c.error(item.line_of("ends_at"), "bad-ends-at", M("bad-ends-at.task", what=what))
                ends_at = None
        return funds, ends_at

    def option_or_date(self, item, key: str, what, options, specs) -> dt.date | None:
        """``deadline``/``not_before``: a date, or the name of a date option (None: ``none``)."""
        value = item[key]
        kinds = {spec.key: spec.kind for spec in specs}
        name = plain(value) if isinstance(value, str) else None
        if name is not None and kinds.get(name.strip()) == "date":
            chosen = options.get(name.strip(), "none")
            if chosen.strip().lower() in _NO_DATE:
                return None
            return self.date(chosen, item.line_of(key), M("what.option-date", what=what, field=key, key=name.strip()))
        return self.date(value, item.line_of(key), M("what.field", what=what, field=key))

    def check_recurring(self, packages) -> None:
        """A recurring package is no predecessor, and ``until`` names a package."""
        by_id = {p.id: p for p in packages}
        for package in packages:
            for link in package.after:
                pred = by_id.get(link.pred)
                if pred is not None and pred.repeat is not None:
                    self.c.error(link.line, "recurring-predecessor",
                                 M("recurring-predecessor", id=package.id, pred=pred.id))
            repeat = package.repeat
            if repeat is not None and repeat.until is not None and repeat.until not in by_id:
                self.c.error(repeat.line, "unknown-package",
                             M("unknown-package.until", id=package.id, until=brief(repeat.until),
                               suggest=suggest(repeat.until, by_id)))


def option_value_is_date(value: str) -> bool:
    """Whether a date option's value is a date (ISO or TT.MM.JJJJ) or ``none``."""
    if value.strip().lower() in _NO_DATE:
        return True
    for fmt in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            dt.datetime.strptime(value.strip(), fmt)
            return True
        except ValueError:
            pass
    return False

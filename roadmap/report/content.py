"""What the Sachstandsbericht says: the sections, filled from a schedule and its baseline.

A Verwaltung attaches this report to a Mitteilungsvorlage, so it answers the council's
questions in order: where do we stand (status date, % done), what was finished since
the council saw the plan (the baseline), what is running, what is late and why, which
decisions moved to another session, which decisions come next (with the date the Vorlage
must be ready), and where there is little room left (near-critical packages).

"Why late" is read off the schedule: the driving predecessor
(:meth:`~roadmap.engine.result.Schedule.driving_chain`) and, down that chain, the first
package that slipped against the baseline (the cause); for a decision, the session it
no longer reaches.
"""
from __future__ import annotations

import datetime as dt

from roadmap.engine.result import Schedule, ScheduledPackage
from roadmap.report.document import Report, Section
from roadmap.text import format_date, t, word

NEXT_DECISIONS = 3
#: Relative column widths by column kind: names and reasons wide, dates and numbers narrow.
WEIGHTS = {"task": 3.2, "decision": 3.2, "reason": 4.0, "sessions": 3.6, "change": 1.6, "dates": 2.6,
           "note": 1.6, "progress": 1.5, "slip": 1.6, "float": 1.2}


def _days(n: int, language: str) -> str:
    """``+5 AT``, ``−3 AT``, ``±0 AT`` (working days)."""
    sign = "+" if n > 0 else "−" if n < 0 else "±"
    return t("report.days", language, sign=sign, n=abs(n))


def _percent(value: float, language: str) -> str:
    return t("report.percent", language, value=f"{value:.0f}")


class _Writer:
    """The sections of one report; ``L`` is its language."""

    def __init__(self, schedule: Schedule):
        self.s = schedule
        self.L = schedule.language
        self.base = schedule.baseline

    def d(self, day: dt.date | None) -> str:
        return format_date(day, self.L) if day else "–"

    def slip(self, p: ScheduledPackage) -> int:
        return self.base.slip(p.id) if self.base is not None else 0

    def baseline_finish(self, p: ScheduledPackage) -> str:
        found = self.base.get(p.id) if self.base is not None else None
        return self.d(found.baseline_finish) if found else t("report.new", self.L)

    def session(self, body: str, day: dt.date) -> str:
        known = self.s.bodies.get(body)
        return f"{known.label(self.L) if known else body} {self.d(day)}"

    # ---- facts and sections -------------------------------------------------------------

    def facts(self) -> list[tuple[str, str]]:
        s, L = self.s, self.L
        states = {"finished": 0, "running": 0, "not_started": 0}
        for p in s.packages:
            states[p.status] = states.get(p.status, 0) + 1
        late = sum(s.is_late(p) for p in s.packages)
        found = [(t("report.fact.status", L), self.d(s.status_date)),
                 (t("report.fact.done", L), t("report.done", L, percent=_percent(s.percent_complete(), L))),
                 (t("report.fact.entries", L), s.count_text(L)),
                 (t("report.fact.states", L), t("report.states", L, late=late, **states))]
        finish = self.d(s.finish)
        if self.base is not None:
            old = max(e.finish for e in self.base.baseline.entries) if self.base.baseline.entries else s.finish
            finish = t("report.finish-vs", L, finish=finish, baseline=self.d(old),
                       delta=_days(s.working_days_between(old, s.finish), L))
            found.append((t("report.fact.baseline", L),
                          t("report.baseline-file", L, file=self.base.baseline.path.rsplit("/", 1)[-1] or "–",
                            status=self.d(self.base.baseline.status_date))))
        found.insert(2, (t("report.fact.finish", L), finish))
        return found

    def finished(self) -> Section:
        L = self.L
        since = self.base.baseline.status_date if self.base is not None else None
        rows = [(p.name, self.d(p.actual_finish), self.baseline_finish(p), _days(self.slip(p), L))
                for p in self._by_date(p for p in self.s.packages if p.status == "finished"
                                       and (since is None or p.actual_finish is None or p.actual_finish > since))]
        return Section(t("report.section.finished", L), self._heads("task", "actual_finish", "baseline_finish", "slip"),
                       rows, t("report.none.finished", L), key="finished")

    def running(self) -> Section:
        L = self.L
        rows = [(p.name, self.d(p.actual_start), _percent(p.progress, L), self.d(p.finish),
                 self.baseline_finish(p), _days(self.slip(p), L))
                for p in self._by_date(p for p in self.s.packages if p.status == "running")]
        return Section(t("report.section.running", L),
                       self._heads("task", "actual_start", "progress", "expected_finish", "baseline_finish", "slip"),
                       rows, t("report.none.running", L), key="running")

    def late(self) -> Section:
        L = self.L
        late = [p for p in self.s.packages if self.s.is_late(p)]
        rows = [(p.name, self.baseline_finish(p), self.d(p.finish), _days(self.slip(p), L), self.reason(p))
                for p in self._by_date(late)]
        intro = "" if self.base is not None else t("report.no-baseline", L)
        return Section(t("report.section.late", L),
                       self._heads("task", "baseline_finish", "expected_finish", "slip", "reason"),
                       rows, t("report.none.late", L), intro, key="late")

    def moved(self) -> Section:
        L = self.L
        rows = []
        for m in (self.base.moved if self.base is not None else ()):
            old, new = m.old_sessions[-1:] or [("", m.old_date)], m.new_sessions[-1:] or [("", m.new_date)]
            p = self.s.package(m.id)
            rows.append((m.name, self.session(*old[0]), self.session(*new[0]),
                         m.beratungsfolge(self.s, old=False, language=L), self.reason(p, with_session=False)))
        intro = "" if self.base is not None else t("report.no-baseline", L)
        return Section(t("report.section.moved", L),
                       self._heads("decision", "old_session", "new_session", "sessions", "reason"),
                       rows, t("report.none.moved", L), intro, key="moved")

    def next_decisions(self) -> Section:
        L = self.L
        open_ = [p for p in self.s.decisions() if p.status != "finished"]
        rows = []
        for p in self._by_date(open_)[:NEXT_DECISIONS]:
            last = p.sessions[-1] if p.sessions else None
            due = min((c.vorlage_due for c in p.sessions), default=None)
            rows.append((p.name, self.session(last.body, last.date) if last else self.d(p.start),
                         self.d(due), self.s.beratungsfolge(p, L)))
        return Section(t("report.section.next", L, n=NEXT_DECISIONS),
                       self._heads("decision", "session", "vorlage_due", "sessions"),
                       rows, t("report.none.next", L), key="next")

    def near_critical(self) -> Section:
        L = self.L
        found = [p for p in self.s.packages if p.status != "finished" and (p.critical or p.near_critical)]
        found.sort(key=lambda p: (p.total_float, p.start, p.finish))
        rows = [(p.name, self.d(p.start), self.d(p.finish), str(p.total_float),
                 t("report.critical" if p.critical else "report.near", L)) for p in found]
        return Section(t("report.section.near", L), self._heads("task", "start", "finish", "float", "note"),
                       rows, t("report.none.near", L), t("report.near-intro", L), key="near_critical")

    def changes(self) -> Section:
        L = self.L
        rows = []
        if self.base is not None:
            rows += [(t("report.added", L), self.s.package(i).name, f"{self.d(self.s.package(i).start)} – "
                      f"{self.d(self.s.package(i).finish)}") for i in self.base.added]
            rows += [(t("report.removed", L), e.name or e.id, f"{self.d(e.start)} – {self.d(e.finish)}")
                     for e in self.base.removed]
        return Section(t("report.section.changes", L), self._heads("change", "task", "dates"), rows,
                       t("report.none.changes", L), key="changes")

    # ---- why late ----------------------------------------------------------------------------

    def reason(self, p: ScheduledPackage, with_session: bool = True) -> str:
        L, parts = self.L, []
        chain = self.s.driving_chain(p.id)
        driver = chain[1] if len(chain) > 1 else None
        moved = next((m for m in (self.base.moved if self.base is not None else ()) if m.id == p.id), None)
        if moved is not None and with_session:
            old = moved.old_sessions[-1] if moved.old_sessions else ("", moved.old_date)
            parts.append(t("report.reason.session", L, old=self.session(*old), new=self.d(moved.new_date)))
        if p.status == "running":
            found = self.base.get(p.id) if self.base is not None else None
            late_start = found.start_slip if found else 0
            key = "report.reason.started-late" if late_start > 0 else "report.reason.running"
            parts.append(t(key, L, days=t("report.days-plain", L, n=late_start), progress=_percent(p.progress, L),
                           finish=self.d(p.finish)))
        elif p.driver_reason == "link" and driver is not None:
            slip = self.slip(driver)
            slipped = t("report.reason.slipped", L, days=_days(slip, L)) if slip > 0 else ""
            parts.append(t("report.reason.link", L, name=driver.name, finish=self.d(driver.finish),
                           slipped=slipped))
        elif p.driver_reason == "status_date" and p.kind != "decision":
            parts.append(t("report.reason.not-started", L, start=self.d(p.start)))
        elif p.driver_reason == "capacity":
            parts.append(p.moved_note(L) or t("tracking.driver.capacity", L))
        elif p.driver_reason == "not_before" and p.not_before:
            parts.append(t("report.reason.not-before", L, date=self.d(p.not_before)))
        elif p.driver_reason == "budget":
            parts.append(t("report.reason.budget", L, date=self.d(p.start)))
        root = self._cause(p)
        if root is not None and root is not driver:
            parts.append(t("report.reason.cause", L, name=root.name, days=_days(self.slip(root), L)))
        if p.deadline_late > 0:
            parts.append(t("report.reason.deadline", L, deadline=self.d(p.deadline), days=p.deadline_late))
        return "; ".join(parts) or "–"

    def _cause(self, package: ScheduledPackage) -> ScheduledPackage | None:
        """Where the delay began: down the driving chain (past a running or finished
        package, to the predecessor that slipped most), the package that added the most
        working days of slip to what it inherited. ``None`` when that is the package itself."""
        walk, seen = [package], {package.id}
        while True:
            member = walk[-1]
            step = self.s.package(member.driver) if member.driver else None
            if step is None and member.driver_reason in ("status_date", "actual"):
                known = self.s._positions()
                behind = [self.s.package(link.pred) for link in member.predecessors
                          if link.pred in known and link.pred not in seen]
                step = max(behind, key=self.slip, default=None)
            if step is None or step.id in seen or self.slip(step) <= 0:
                break
            seen.add(step.id)
            walk.append(step)
        added = [self.slip(m) - (self.slip(walk[i + 1]) if i + 1 < len(walk) else 0)
                 for i, m in enumerate(walk)]
        best = max(range(len(walk)), key=lambda i: (added[i], -i))
        return walk[best] if best > 0 else None

    # ---- helpers ----------------------------------------------------------------------------

    def _by_date(self, packages) -> list[ScheduledPackage]:
        position = {p.id: i for i, p in enumerate(self.s.packages)}
        return sorted(packages, key=lambda p: (p.finish, p.start, position[p.id]))

    def _heads(self, *keys: str) -> tuple[str, ...]:
        self._weights = tuple(WEIGHTS.get(key, 1.6) for key in keys)
        return tuple(t(f"report.col.{key}", self.L) for key in keys)


def build_report(schedule: Schedule, plan_file: str = "") -> Report:
    """The report of ``schedule`` (with ``schedule.baseline`` when a baseline was given)."""
    w, L = _Writer(schedule), schedule.language
    title = t("report.title", L, name=schedule.project.name)
    subtitle = t("report.subtitle", L, status=w.d(schedule.status_date))
    if schedule.baseline is not None:
        subtitle = t("report.subtitle-baseline", L, status=w.d(schedule.status_date),
                     baseline=w.d(schedule.baseline.baseline.status_date))
    sections = []
    for make in (w.finished, w.running, w.late, w.moved, w.next_decisions, w.near_critical, w.changes):
        section = make()
        section.weights = w._weights
        sections.append(section)
    footer = t("report.footer", L, plan=plan_file or schedule.project.name, word=word("status", L))
    return Report(title, subtitle, w.facts(), sections, L, footer, schedule.status_date)

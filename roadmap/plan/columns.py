"""What the scheduler needs of every package and link, read once as the plan is read.

At 100,000 packages and 200,000 links, reading ``kind``, ``duration`` and each link's
``pred``, ``type`` and ``lag`` back from the Python objects cost the engine about 0.5 s:
the objects lie scattered in memory, and every attribute read is a cache miss. The plan
reader sees each package while it is still in the cache, so it appends these small ints
then (:class:`ColumnsBuilder`), and the :class:`~roadmap.plan.model.Plan` carries them.

The columns belong to one tuple of packages (``PlanColumns.packages``, checked by identity
in :func:`columns_for`): a plan made with ``dataclasses.replace(plan, packages=...)``, or
whose ``when`` leaves packages out, gets its columns read afresh. Plain lists, no numpy:
``roadmap check`` never imports it.
"""
from __future__ import annotations

from dataclasses import dataclass

KIND_CODES = {"task": 0, "milestone": 1, "decision": 2}
LINK_CODES = {"FS": 0, "SS": 1, "FF": 2, "SF": 3}


@dataclass(frozen=True, eq=False)
class PlanColumns:
    """Per package (in plan order) and per link (in plan order, package by package)."""

    packages: tuple  # the packages these columns were read from
    kind: list[int]  # KIND_CODES
    dur: list[int]  # days of the duration, 0 without one
    elapsed: list[bool]
    counts: list[int]  # links per package
    src: list[int]  # per link: index of the predecessor
    types: list[int]  # LINK_CODES
    lag: list[int]
    lag_elapsed: list[bool]
    phase: list  # phase id or None
    # indices of the packages that have the key (few in any plan)
    not_before: list[int]
    deadline: list[int]
    avoid: list[int]
    budget: list[int]  # funds: budget
    ends: list[int]  # ends_at
    repeat: list[int]
    when: list[int]
    tracked: list[int]  # any progress key


class ColumnsBuilder:
    """Appends one package at a time (:meth:`add`), then resolves the links (:meth:`finish`)."""

    def __init__(self):
        self.ids: list[str] = []
        self.kind, self.dur, self.elapsed, self.counts = [], [], [], []
        self.preds, self.types, self.lag, self.lag_elapsed, self.phase = [], [], [], [], []
        self.sparse = {key: [] for key in ("not_before", "deadline", "avoid", "budget", "ends", "repeat",
                                           "when", "tracked")}

    def add(self, p) -> None:
        i = len(self.ids)
        self.ids.append(p.id)
        self.kind.append(KIND_CODES[p.kind])
        d = p.duration
        self.dur.append(d.days if d else 0)
        self.elapsed.append(bool(d and d.elapsed))
        self.phase.append(p.phase)
        after = p.after
        self.counts.append(len(after))
        for link in after:
            self.preds.append(link.pred)
            self.types.append(LINK_CODES[link.type])
            self.lag.append(link.lag.days)
            self.lag_elapsed.append(link.lag.elapsed)
        sparse = self.sparse
        for key, present in (("not_before", p.not_before), ("deadline", p.deadline), ("avoid", p.avoid),
                             ("budget", p.funds == "budget"), ("ends", p.ends_at is not None),
                             ("repeat", p.repeat is not None), ("when", p.when), ("tracked", p.tracked)):
            if present:
                sparse[key].append(i)

    def finish(self, packages: tuple) -> PlanColumns:
        """The columns of ``packages`` (the tuple the Plan holds: what was added, in order)."""
        index = dict(zip(self.ids, range(len(self.ids))))
        src = list(map(index.__getitem__, self.preds))
        return PlanColumns(packages, self.kind, self.dur, self.elapsed, self.counts, src, self.types,
                           self.lag, self.lag_elapsed, self.phase, **self.sparse)


def read_columns(packages) -> PlanColumns:
    """The columns of ``packages`` read from the objects (plans not made by the reader)."""
    packages = tuple(packages)
    builder = ColumnsBuilder()
    for p in packages:
        builder.add(p)
    return builder.finish(packages)


def columns_for(plan, packages) -> PlanColumns:
    """The plan's own columns when ``packages`` are exactly its packages, else read now."""
    own = getattr(plan, "columns", None)
    # tuple equality compares identical items by identity first: no package is read
    if (own is not None and own.packages is plan.packages and len(packages) == len(own.packages)
            and own.packages == tuple(packages)):
        return own
    return read_columns(packages)

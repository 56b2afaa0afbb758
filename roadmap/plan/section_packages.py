"""Reading the ``packages`` section: each work package, then the links between them.

A package is checked against the sections read before it (phases, roles, bodies, options,
calendar), so its references are reported with the package's own line.
"""
from __future__ import annotations

from roadmap.plan.columns import ColumnsBuilder
from roadmap.plan.durations import FormatError, parse_link
from roadmap.plan.fields import ID_PATTERN, MAX_DAYS, FieldReader, brief, plain, suggest
from roadmap.plan.model import Package
from roadmap.plan.section_municipal import MunicipalSections
from roadmap.plan.section_progress import PROGRESS_KEYS, ProgressSections
from roadmap.plan.selection import find_cycle
from roadmap.plan.yamlio import LineList
from roadmap.text.messages import Message as M

PACKAGE_KEYS = ["id", "name", "phase", "kind", "duration", "after", "owner", "body", "via",
                "not_before", "deadline", "avoid", "when", "source", "description",
                "deliverable", "needs", "priority", "repeat", "funds", "ends_at"] + PROGRESS_KEYS
KINDS = ("task", "milestone", "decision")
AVOIDABLE = ("school_holidays",)


_DESCRIPTION, _DELIVERABLE = M("what.description"), M("what.deliverable")  # shared: a Message is never changed


def _package(package_id) -> M:
    return M("what.package", id=package_id)


class PackageSections(ProgressSections, MunicipalSections, FieldReader):
    """``packages``: one :meth:`read_package` each, then duplicates, links and cycles."""

    def read_packages(self, data, line, phases, roles, bodies, options, specs, calendar) -> list[Package]:
        # the engine's columns, appended while each package is at hand (roadmap.plan.columns)
        self.columns = columns = ColumnsBuilder()
        if data is None:
            return []
        if not isinstance(data, list) or not data:
            self.c.error(line, "bad-type", M("bad-type.packages"))
            return []
        packages, lines = [], {}
        for i in range(len(data)):
            # each item's YAML leaves the tree once read: the plan is held once, not twice
            item, data[i] = data[i], None
            package = self.read_package(item, data.line_of(i), phases, roles, bodies, options, specs, calendar)
            if package is None:
                continue
            if package.id in lines:
                self.c.error(package.line, "duplicate-id",
                             M("duplicate-id.package", id=package.id, line=lines[package.id]))
                continue
            lines[package.id] = package.line
            packages.append(package)
            columns.add(package)
        by_id = {p.id: p for p in packages}
        for package in packages:
            for link in package.after:
                if link.pred == package.id:
                    self.c.error(link.line, "self-link", M("self-link", id=package.id))
                elif link.pred not in by_id:
                    self.c.error(link.line, "unknown-package",
                                 M("unknown-package", id=package.id, pred=link.pred,
                                   suggest=suggest(link.pred, by_id)))
        self.check_recurring(packages)
        cycle = find_cycle(packages)
        if cycle:
            self.c.error(by_id[cycle[0]].line, "cycle", M("cycle", cycle=" -> ".join(cycle)))
        return packages

    def read_package(self, item, line, phases, roles, bodies, options, specs, calendar) -> Package | None:
        item = self.mapping(item, line, M("what.work-package"))
        if item is None:
            return None
        self.known_keys(item, PACKAGE_KEYS, M("what.work-package"))
        package_id = self.scalar(item.get("id"), item.line_of("id"), "'id'")
        if not package_id:
            self.c.error(line, "missing-key", M("missing-key.package-id"))
            return None
        if not ID_PATTERN.match(package_id):
            self.c.error(item.line_of("id"), "bad-id", M("bad-id.package", id=brief(package_id)))
        what = _package(package_id)
        kind = plain(item.get("kind", "task"))
        if kind not in KINDS:
            self.c.error(item.line_of("kind"), "bad-kind",
                         M("bad-kind", what=what, kind=kind, suggest=suggest(kind, KINDS)))
            kind = "task"
        duration = None
        if "duration" in item:
            duration = self.duration(item["duration"], item.line_of("duration"), what)
        if kind == "task" and "duration" not in item:
            self.c.error(line, "missing-key", M("missing-key.duration", what=what))
        if kind != "task" and duration and duration.days:
            self.c.error(item.line_of("duration"), "bad-duration",
                         M("bad-duration.not-task", what=what, kind=M(f"kind.{kind}")))
        if kind == "task" and duration is not None and duration.days == 0:
            kind = "milestone"  # the contract: 0 or 0d makes a milestone

        after = []
        raw_after = item.get("after") or []
        if isinstance(raw_after, (str, dict)):
            raw_after = LineList([raw_after])
            raw_after.line, raw_after.item_lines = item.line_of("after"), [item.line_of("after")]
        if not isinstance(raw_after, list):
            self.c.error(item.line_of("after"), "bad-link", M("bad-link.list", what=what))
            raw_after = []
        for i, value in enumerate(raw_after):
            link_line = raw_after.line_of(i) if isinstance(raw_after, LineList) else item.line_of("after")
            try:
                link = parse_link(value, link_line)
            except FormatError as error:
                self.c.error(link_line, "bad-link", M("detail", what=what, error=error))
                continue
            if abs(link.lag.days) > MAX_DAYS:
                self.c.error(link_line, "bad-link",
                             M("bad-link.too-long", what=what, value=link.lag.text or plain(value), max=MAX_DAYS))
                continue
            after.append(link)

        phase = plain(item.get("phase")) or None
        if phase and phases and phase not in [p.id for p in phases]:
            self.c.error(item.line_of("phase"), "unknown-phase",
                         M("unknown-phase", what=what, phase=phase, suggest=suggest(phase, [p.id for p in phases])))
        owner = plain(item.get("owner")) or None
        if owner and roles and owner not in roles:
            self.c.error(item.line_of("owner"), "unknown-role",
                         M("unknown-role", what=what, owner=owner, suggest=suggest(owner, roles)))

        needs = self._needs(item, what, roles)
        priority = item.get("priority", 500)
        if isinstance(priority, bool) or not isinstance(priority, int) or not 0 <= priority <= 1000:
            self.c.error(item.line_of("priority"), "bad-type", M("bad-type.priority", what=what))
            priority = 500

        body = plain(item.get("body")) or None
        via, via_stages = self.read_via(item, what)
        if kind == "decision":
            if not body:
                self.c.error(line, "missing-key", M("missing-key.decision-body", what=what))
            for ref, ref_line in [(body, item.line_of("body"))] + [(v, item.line_of("via")) for v in via]:
                if ref and ref not in bodies:
                    self.c.error(ref_line, "unknown-body",
                                 M("unknown-body", what=what, body=ref, suggest=suggest(ref, bodies)))
        elif body or via:
            self.c.error(item.line_of("body" if body else "via"), "not-a-decision", M("not-a-decision", what=what))

        not_before = deadline = None
        if item.get("not_before") is not None:
            not_before = self.option_or_date(item, "not_before", what, options, specs)
        if item.get("deadline") is not None:
            deadline = self.option_or_date(item, "deadline", what, options, specs)
        repeat = self.read_repeat(item, what, kind, bodies)
        funds, ends_at = self.read_funds_ends(item, what, kind, getattr(self, "budget", None))

        avoid_raw = item.get("avoid") or []
        avoid = tuple(plain(a) for a in (avoid_raw if isinstance(avoid_raw, list) else [avoid_raw]))
        for value in avoid:
            if value not in AVOIDABLE:
                self.c.error(item.line_of("avoid"), "bad-avoid", M("bad-avoid.value", what=what, value=value))
            elif not calendar.school_holidays:
                self.c.error(item.line_of("avoid"), "avoid-without-school-holidays",
                             M("avoid-without-school-holidays", what=what))
        if avoid and kind == "decision":
            self.c.error(item.line_of("avoid"), "bad-avoid", M("bad-avoid.decision", what=what))

        when = []
        raw_when = item.get("when")
        if raw_when is not None:
            raw_when = self.mapping(raw_when, item.line_of("when"), M("what.field", what=what, field="'when'")) or {}
            by_key = {spec.key: spec for spec in specs}
            for key, values in raw_when.items():
                values = tuple(plain(v) for v in (values if isinstance(values, list) else [values]))
                if key not in options:
                    self.c.error(raw_when.line_of(key), "unknown-option",
                                 M("unknown-option.when", what=what, key=key, suggest=suggest(key, options)))
                    continue
                spec = by_key.get(key)
                for value in values:
                    if spec and spec.kind == "date" and value not in ("none", "set"):
                        self.c.error(raw_when.line_of(key), "bad-option-value",
                                     M("bad-option-value.when-date", what=what, value=value, key=key))
                    elif spec and spec.choices and value not in [v for v, _ in spec.choices]:
                        self.c.error(raw_when.line_of(key), "bad-option-value",
                                     M("bad-option-value.when", what=what, value=value, key=key,
                                       choices=", ".join(v for v, _ in spec.choices)))
                when.append((str(key), values))

        progress = self.read_progress(item, what, kind)
        return Package(
            id=package_id,
            name=self.text(item.get("name", package_id), item.line_of("name"), M("what.field", what=what, field="name")),
            kind=kind, duration=duration if kind == "task" else None, after=tuple(after),
            phase=phase, owner=owner, body=body, via=via, not_before=not_before,
            deadline=deadline, avoid=avoid, when=tuple(when),
            source=self.scalar(item.get("source"), item.line_of("source"), M("what.field", what=what, field="source")),
            description=self.text(item.get("description"), item.line_of("description"), _DESCRIPTION),
            deliverable=self.text(item.get("deliverable"), item.line_of("deliverable"), _DELIVERABLE),
            line=line, needs=needs, priority=priority, **progress,
            repeat=repeat, via_stages=via_stages, funds=funds, ends_at=ends_at,
        )

    def _needs(self, item, what, roles) -> tuple:
        """``needs: {role: share}`` (levelling section of the contract)."""
        raw = item.get("needs")
        if raw is None:
            return ()
        raw = self.mapping(raw, item.line_of("needs"), M("what.field", what=what, field="'needs'")) or {}
        needs = []
        for role, amount in raw.items():
            role = str(role)
            if role not in roles:
                self.c.error(raw.line_of(role), "unknown-role",
                             M("unknown-role", what=what, owner=role, suggest=suggest(role, roles)))
                continue
            if isinstance(amount, bool) or not isinstance(amount, (int, float)) or amount < 0:
                self.c.error(raw.line_of(role), "bad-capacity", M("bad-capacity.need", what=what, role=role))
                continue
            if amount > 0:
                needs.append((role, float(amount)))
        return tuple(needs)

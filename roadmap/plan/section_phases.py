"""Reading the sections that name what packages refer to: ``phases`` and ``roles``."""
from __future__ import annotations

import datetime as dt
import re

from roadmap.plan.fields import FieldReader, plain
from roadmap.plan.model import Phase, Role
from roadmap.text.messages import Message as M


class PhaseSections(FieldReader):
    """``phases`` and ``roles``."""

    def read_phases(self, data, line) -> list[Phase]:
        if data is None:
            return []
        if not isinstance(data, list):
            self.c.error(line, "bad-type", M("bad-type.phases"))
            return []
        phases, seen = [], set()
        for i, item in enumerate(data):
            item_line = data.line_of(i)
            item = self.mapping(item, item_line, M("what.phase"))
            if item is None:
                continue
            self.known_keys(item, ["id", "name", "color"], M("what.phase"))
            phase_id = plain(item.get("id"))
            if not phase_id:
                self.c.error(item_line, "missing-key", M("missing-key.phase"))
                continue
            if phase_id in seen:
                self.c.error(item_line, "duplicate-id", M("duplicate-id.phase", id=phase_id))
            seen.add(phase_id)
            color = plain(item.get("color")) or None
            if color and not re.fullmatch(r"#[0-9a-fA-F]{6}", color):
                self.c.error(item.line_of("color"), "bad-color", M("bad-color", color=color))
                color = None
            phases.append(Phase(phase_id, self.text(item.get("name", phase_id), item.line_of("name"), M("what.phase-name")),
                                color, item_line))
        return phases

    def _capacity_steps(self, raw, line, role_id) -> tuple:
        """``[{from: date or package id, capacity: share}, ...]`` (levelling section); the
        first step may leave out ``from`` (from the beginning). Dates come sorted, package
        ids where they are written (the engine places them)."""
        steps = []
        for k, item in enumerate(raw):
            value = item.get("capacity") if isinstance(item, dict) else None
            if (not isinstance(item, dict) or ("from" not in item and k) or isinstance(value, bool)
                    or not isinstance(value, (int, float)) or value < 0):
                self.c.error(line, "bad-capacity", M("bad-capacity.step", role=role_id))
                continue
            anchor = item.get("from")
            if isinstance(anchor, str) and re.fullmatch(r"[a-z0-9_-]+", anchor) and not anchor[:1].isdigit():
                steps.append((anchor, float(value)))
            elif anchor is None:
                steps.append((None, float(value)))
            else:
                day = self.date(anchor, line, M("what.role", id=role_id))
                if day:
                    steps.append((day, float(value)))
        dated = sorted(step for step in steps if isinstance(step[0], dt.date))
        return tuple([s for s in steps if s[0] is None] + dated + [s for s in steps if isinstance(s[0], str)])

    def _by_option(self, raw, line, role_id, options, specs):
        """``{option: {choice: capacity}}``: the capacity of the plan's choice."""
        known = {spec.key: [v for v, _ in spec.choices] for spec in specs}
        if len(raw) != 1 or next(iter(raw)) not in known:
            self.c.error(line, "bad-capacity", M("bad-capacity.option", role=role_id,
                                                 known=", ".join(known) or "-"))
            return None
        key = next(iter(raw))
        choices = raw[key] if isinstance(raw[key], dict) else {}
        for choice in choices:
            if choice not in known[key]:
                self.c.error(line, "bad-option-value", M("bad-option-value.capacity", role=role_id, key=key,
                                                         value=choice, choices=", ".join(known[key])))
        if options.get(key) not in choices:
            self.c.error(line, "bad-capacity", M("bad-capacity.choice", role=role_id, key=key,
                                                 value=options.get(key, "")))
            return None
        return choices[options[key]]

    def read_roles(self, data, line, options=None, specs=()) -> dict[str, Role]:
        roles = {}
        for role_id, spec, role_line in self.entries(data, line, "'roles'"):
            if not isinstance(spec, dict):
                roles[str(role_id)] = Role(str(role_id), self.text(spec, role_line, M("what.role-name")), 1.0, role_line)
                continue
            self.known_keys(spec, ["name", "capacity"], M("what.role", id=role_id))
            capacity, cap_line = spec.get("capacity", 1.0), spec.line_of("capacity")
            if isinstance(capacity, dict):
                capacity = self._by_option(capacity, cap_line, role_id, options or {}, specs)
                capacity = 1.0 if capacity is None else capacity
            steps = ()
            if isinstance(capacity, list):
                steps = self._capacity_steps(capacity, cap_line, role_id)
                capacity = steps[0][1] if steps and steps[0][0] is None else 0.0
            elif isinstance(capacity, bool) or not isinstance(capacity, (int, float)) or capacity <= 0:
                self.c.error(cap_line, "bad-capacity", M("bad-capacity", role=role_id))
                capacity = 1.0
            roles[str(role_id)] = Role(str(role_id), self.text(spec.get("name", role_id), role_line, M("what.role-name")),
                                       float(capacity), role_line, steps)
        return roles

    def check_anchors(self, roles: dict[str, Role], packages) -> None:
        """A capacity step ``from`` a package id names a package of the plan."""
        ids = {p.id for p in packages}
        for role in roles.values():
            for anchor, _ in role.steps:
                if isinstance(anchor, str) and anchor not in ids:
                    self.c.error(role.line, "bad-capacity", M("bad-capacity.anchor", role=role.id, id=anchor))

"""Reading the sections that name what packages refer to: ``phases`` and ``roles``."""
from __future__ import annotations

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
        """``[{from: date, capacity: share}, ...]``, sorted by date (levelling section)."""
        steps = []
        for item in raw:
            if not isinstance(item, dict) or "from" not in item or "capacity" not in item:
                self.c.error(line, "bad-capacity", M("bad-capacity.step", role=role_id))
                continue
            value = item["capacity"]
            if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
                self.c.error(line, "bad-capacity", M("bad-capacity.step", role=role_id))
                continue
            day = self.date(item["from"], line, M("what.role", id=role_id))
            if day:
                steps.append((day, float(value)))
        return tuple(sorted(steps))

    def read_roles(self, data, line) -> dict[str, Role]:
        roles = {}
        for role_id, spec, role_line in self.entries(data, line, "'roles'"):
            if not isinstance(spec, dict):
                roles[str(role_id)] = Role(str(role_id), self.text(spec, role_line, M("what.role-name")), 1.0, role_line)
                continue
            self.known_keys(spec, ["name", "capacity"], M("what.role", id=role_id))
            capacity = spec.get("capacity", 1.0)
            steps = ()
            if isinstance(capacity, list):
                steps = self._capacity_steps(capacity, spec.line_of("capacity"), role_id)
                capacity = steps[0][1] if steps else 1.0
            elif isinstance(capacity, bool) or not isinstance(capacity, (int, float)) or capacity <= 0:
                self.c.error(spec.line_of("capacity"), "bad-capacity", M("bad-capacity", role=role_id))
                capacity = 1.0
            roles[str(role_id)] = Role(str(role_id), self.text(spec.get("name", role_id), role_line, M("what.role-name")),
                                       float(capacity), role_line, steps)
        return roles

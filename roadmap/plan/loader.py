"""Read a plan file into a validated :class:`~roadmap.model.Plan`.

Every problem becomes a :class:`~roadmap.diagnostics.Diagnostic` with ``file:line`` and a
stable code; all problems of one file are collected before :class:`PlanError` is raised,
so a user fixes them in one round instead of one per run.

This is the entry module: it checks the top level and hands each section to its reader
(``section_*`` modules, on top of :mod:`roadmap.plan.fields`). :func:`active_packages`,
:func:`find_cycle` and :data:`STATES` are imported here too, so callers keep one place to
import the plan reading from.
"""
from __future__ import annotations

from pathlib import Path

import yaml

from roadmap.plan.diagnostics import Collector, PlanError
from roadmap.plan.model import Plan
from roadmap.plan.section_calendar import CalendarSections
from roadmap.plan.section_packages import PackageSections
from roadmap.plan.section_phases import PhaseSections
from roadmap.plan.section_project import STATES, ProjectSections
from roadmap.plan.selection import active_packages, find_cycle
from roadmap.plan.yamlio import LineDict, load_yaml
from roadmap.text.messages import Message as M

__all__ = ["STATES", "PlanError", "active_packages", "find_cycle", "load_plan", "parse_plan"]

TOP_KEYS = ["roadmap", "template", "project", "calendar", "bodies", "roles", "options",
            "phases", "packages"]


def load_plan(path, options: dict | None = None) -> Plan:
    """Read and validate the plan at ``path``; ``options`` override the plan's options."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        collector = Collector(str(path))
        reason = getattr(error, "strerror", None) or str(error)
        collector.error(0, "unreadable", M("unreadable", reason=reason))
        raise PlanError(collector.items) from None
    return parse_plan(text, str(path), path.parent, options)


def parse_plan(text: str, file: str = "plan.yaml", base_dir=".", options: dict | None = None) -> Plan:
    """Validate plan ``text``; ``file`` names it in diagnostics, ``base_dir`` resolves .ics paths."""
    return _Reader(file, Path(base_dir), options or {}).read(text)


class _Reader(ProjectSections, CalendarSections, PhaseSections, PackageSections):
    """All section readers in one object, sharing one collector; :meth:`read` runs them in order."""

    def read(self, text: str) -> Plan:
        try:
            data = load_yaml(text)
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
            line = mark.line + 1 if mark else 0
            problem = getattr(error, "problem", None) or str(error)
            self.c.error(line, "yaml-syntax", M("yaml-syntax", problem=problem))
            raise PlanError(self.c.items) from None
        if not isinstance(data, LineDict):
            self.c.error(1, "bad-type", M("bad-type.plan"))
            raise PlanError(self.c.items)
        self.known_keys(data, TOP_KEYS, M("what.plan"))
        for key in ("roadmap", "project", "packages"):
            if key not in data:
                self.c.error(data.line or 1, "missing-key", M("missing-key.top", key=key))
        if "roadmap" in data and data["roadmap"] != 1:
            self.c.error(data.line_of("roadmap"), "bad-version", M("bad-version", version=data["roadmap"]))

        template, option_specs = self.read_template(data.get("template"), data.line_of("template"))
        project = self.read_project(data.get("project"), data.line_of("project"))
        calendar = self.read_calendar(data.get("calendar"), data.line_of("calendar"))
        bodies = self.read_bodies(data.get("bodies"), data.line_of("bodies"))
        options = self.read_options(data.get("options"), data.line_of("options"), option_specs)
        roles = self.read_roles(data.get("roles"), data.line_of("roles"), options, option_specs)
        phases = self.read_phases(data.get("phases"), data.line_of("phases"))
        packages = self.read_packages(data.get("packages"), data.line_of("packages"),
                                      phases, roles, bodies, options, option_specs, calendar)
        self.check_anchors(roles, packages)
        self.c.items.sort(key=lambda d: d.line)  # stable: same-line problems keep their order
        if self.c.has_errors:
            raise PlanError(self.c.items, project.language if isinstance(data.get("project"), dict) else None)
        return Plan(project=project, packages=tuple(packages), calendar=calendar, bodies=bodies,
                    roles=roles, phases=tuple(phases), options=options,
                    option_specs=tuple(option_specs), template=template, path=self.c.file,
                    warnings=tuple(self.c.items))

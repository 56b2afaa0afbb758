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
from roadmap.plan.fields import brief
from roadmap.plan.files import PLAN_LIMIT_MB, FileProblem, check_characters, decode_plan, read_regular
from roadmap.plan.model import Plan
from roadmap.plan.section_calendar import CalendarSections
from roadmap.plan.section_packages import PackageSections
from roadmap.plan.section_phases import PhaseSections
from roadmap.plan.section_project import STATES, ProjectSections
from roadmap.plan.selection import active_packages, find_cycle
from roadmap.plan.yaml_errors import describe
from roadmap.plan.yamlio import LineDict, YamlLimit, load_yaml
from roadmap.text.messages import Message as M

__all__ = ["STATES", "PlanError", "active_packages", "find_cycle", "load_plan", "parse_plan"]

TOP_KEYS = ["roadmap", "template", "project", "calendar", "bodies", "roles", "options",
            "phases", "packages", "budget"]


def load_plan(path, options: dict | None = None) -> Plan:
    """Read and validate the plan at ``path``; ``options`` override the plan's options."""
    path = Path(path)
    try:
        text = decode_plan(read_regular(path, PLAN_LIMIT_MB, M("file-too-large.plan", limit=PLAN_LIMIT_MB)))
    except FileProblem as problem:
        collector = Collector(str(path))
        message = M("unreadable", reason=problem.reason) if problem.code == "unreadable" else problem.message
        collector.error(problem.line, problem.code, message)
        raise PlanError(collector.items) from None
    return parse_plan(text, str(path), path.parent, options)


def parse_plan(text: str, file: str = "plan.yaml", base_dir=".", options: dict | None = None) -> Plan:
    """Validate plan ``text``; ``file`` names it in diagnostics, ``base_dir`` resolves .ics paths."""
    return _Reader(file, Path(base_dir), options or {}).read(text)


class _Reader(ProjectSections, CalendarSections, PhaseSections, PackageSections):
    """All section readers in one object, sharing one collector; :meth:`read` runs them in order."""

    def read(self, text: str) -> Plan:
        problems: list = []
        try:
            check_characters(text)
            data = load_yaml(text, problems)
        except FileProblem as problem:
            self.c.error(problem.line, problem.code, problem.message)
            raise PlanError(self.c.items) from None
        except YamlLimit as limit:
            self.c.error(limit.line, limit.code, limit.message)
            raise PlanError(self.c.items) from None
        except yaml.YAMLError as error:
            self.c.error(*describe(error, text))
            raise PlanError(self.c.items) from None
        for line, code, message in problems:
            self.c.error(line, code, message)
        if not isinstance(data, LineDict):
            self.c.error(1, "bad-type", M("bad-type.plan"))
            raise PlanError(self.c.items)
        self.known_keys(data, TOP_KEYS, M("what.plan"))
        for key in ("roadmap", "project", "packages"):
            if key not in data:
                self.c.error(data.line or 1, "missing-key", M("missing-key.top", key=key))
        if "roadmap" in data and not (type(data["roadmap"]) is int and data["roadmap"] == 1):  # not True
            self.c.error(data.line_of("roadmap"), "bad-version", M("bad-version", version=brief(data["roadmap"])))
        if "packages" in data and data["packages"] is None and all(
                line != data.line_of("packages") for line, _, _ in problems):  # not after !!omap
            self.c.error(data.line_of("packages"), "bad-type", M("bad-type.packages-null"))

        template, option_specs = self.read_template(data.get("template"), data.line_of("template"))
        project = self.read_project(data.get("project"), data.line_of("project"))
        calendar = self.read_calendar(data.get("calendar"), data.line_of("calendar"))
        bodies = self.read_bodies(data.get("bodies"), data.line_of("bodies"))
        options = self.read_options(data.get("options"), data.line_of("options"), option_specs)
        roles = self.read_roles(data.get("roles"), data.line_of("roles"), options, option_specs)
        phases = self.read_phases(data.get("phases"), data.line_of("phases"))
        self.budget = self.read_budget(data.get("budget"), data.line_of("budget"))
        packages = self.read_packages(data.get("packages"), data.line_of("packages"),
                                      phases, roles, bodies, options, option_specs, calendar)
        self.check_anchors(roles, packages)
        self.c.items.sort(key=lambda d: d.line)  # stable: same-line problems keep their order
        if self.c.has_errors:
            raise PlanError(self.c.items, project.language if isinstance(data.get("project"), dict) else None)
        packages = tuple(packages)
        return Plan(project=project, packages=packages, calendar=calendar, bodies=bodies,
                    roles=roles, phases=tuple(phases), options=options,
                    option_specs=tuple(option_specs), template=template, path=self.c.file,
                    warnings=tuple(self.c.items), budget=self.budget,
                    columns=self.columns.finish(packages))

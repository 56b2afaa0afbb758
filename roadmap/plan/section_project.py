"""Reading the sections that frame a plan: ``project``, ``template`` and ``options``.

The template declares the options a plan may choose (with their defaults and choices);
``options`` and the command line choose among them, and packages' ``when`` refers to them.
"""
from __future__ import annotations

import datetime as dt

import holidays

from roadmap.plan.fields import FieldReader, plain, suggest
from roadmap.plan.model import OptionSpec, Project
from roadmap.text.messages import Message as M

PROJECT_KEYS = ["name", "municipality", "state", "start", "language", "status_date", "level"]
STATES = sorted(code for code in holidays.Germany.subdivisions if len(code) == 2)


class ProjectSections(FieldReader):
    """``project``, ``template`` and ``options``."""

    def read_template(self, data, line):
        if data is None:
            return {}, []
        data = self.mapping(data, line, "'template'")
        if data is None:
            return {}, []
        self.known_keys(data, ["id", "name", "description", "options"], "'template'")
        meta = {
            "id": plain(data.get("id")),
            "name": self.text(data.get("name"), data.line_of("name"), M("what.template-name")),
            "description": self.text(data.get("description"), data.line_of("description"),
                                     M("what.template-description")),
        }
        specs = []
        options = data.get("options") or {}
        options = self.mapping(options, data.line_of("options"), "'template.options'") or {}
        for key, spec in options.items():
            spec_line = options.line_of(key)
            spec = self.mapping(spec, spec_line, M("what.template-option", key=key))
            if spec is None:
                continue
            self.known_keys(spec, ["name", "default", "choices"], M("what.template-option", key=key))
            choices = self.mapping(spec.get("choices"), spec.line_of("choices"),
                                   M("what.choices", key=key)) or {}
            pairs = tuple((str(value), self.text(name, choices.line_of(value), M("what.choice", value=value)))
                          for value, name in choices.items())
            default = plain(spec.get("default"))
            if pairs and default not in [value for value, _ in pairs]:
                self.c.error(spec.line_of("default"), "bad-option-value",
                             M("bad-option-value.default", default=default, key=key,
                               choices=", ".join(value for value, _ in pairs)))
            specs.append(OptionSpec(str(key), self.text(spec.get("name"), spec_line, M("what.option-name")),
                                    default, pairs))
        return meta, specs

    def read_project(self, data, line) -> Project:
        data = self.mapping(data, line, "'project'") if data is not None else None
        if data is None:
            return Project(name="")
        self.known_keys(data, PROJECT_KEYS, "'project'")
        if "name" not in data:
            self.c.error(data.line, "missing-key", M("missing-key.project-name"))
        if "start" not in data:
            self.c.error(data.line, "missing-key", M("missing-key.project-start"))
        state = plain(data.get("state", "NW")).upper()
        if state not in STATES:
            self.c.error(data.line_of("state"), "bad-state", M("bad-state", state=state, states=", ".join(STATES)))
        language = plain(data.get("language", "de")).lower()
        if language not in ("de", "en"):
            self.c.error(data.line_of("language"), "bad-language", M("bad-language", language=language))
            language = "de"
        start = self.date(data["start"], data.line_of("start"), "start") if "start" in data else None
        status = None
        if data.get("status_date") is not None:
            status = self.date(data["status_date"], data.line_of("status_date"), "status_date")
        level = data.get("level", False)
        if not isinstance(level, bool):
            self.c.error(data.line_of("level"), "bad-type", M("bad-type.level"))
            level = False
        return Project(name=plain(data.get("name")), municipality=plain(data.get("municipality")),
                       state=state, start=start or dt.date(2027, 1, 4), language=language,
                       status_date=status, level=level)

    def read_options(self, data, line, specs: list[OptionSpec]) -> dict[str, str]:
        chosen = {spec.key: spec.default for spec in specs if spec.default}
        given = {}
        if data is not None:
            data = self.mapping(data, line, "'options'") or {}
            given = {str(k): (plain(v), data.line_of(k)) for k, v in data.items()}
        given.update({str(k): (str(v), 0) for k, v in self.option_overrides.items()})
        by_key = {spec.key: spec for spec in specs}
        for key, (value, key_line) in given.items():
            spec = by_key.get(key)
            if specs and spec is None:
                self.c.error(key_line or line, "unknown-option",
                             M("unknown-option.plan", key=key, suggest=suggest(key, by_key),
                               known=", ".join(by_key)))
                continue
            if spec and spec.choices and value not in [v for v, _ in spec.choices]:
                self.c.error(key_line or line, "bad-option-value",
                             M("bad-option-value.plan", value=value, key=key,
                               suggest=suggest(value, [v for v, _ in spec.choices]),
                               choices=", ".join(v for v, _ in spec.choices)))
                continue
            chosen[key] = value
        return chosen

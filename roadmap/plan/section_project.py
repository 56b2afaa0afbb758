"""Reading the sections that frame a plan: ``project``, ``template`` and ``options``.

The template declares the options a plan may choose (with their defaults and choices);
``options`` and the command line choose among them, and packages' ``when`` refers to them.
"""
from __future__ import annotations

import datetime as dt

import holidays

from roadmap.plan.fields import FieldReader, brief, plain, suggest
from roadmap.plan.model import OptionSpec, Project
from roadmap.plan.section_municipal import option_value_is_date
from roadmap.text.messages import Message as M

PROJECT_KEYS = ["name", "municipality", "state", "start", "language", "status_date", "level"]
STATES = sorted(code for code in holidays.Germany.subdivisions if len(code) == 2)
#: A Land's name (German as the ``holidays`` package knows them, a few English ones, and
#: spellings without umlauts), lower case -> its code, for the hint "gemeint ist wohl BY".
STATE_NAMES = {name.lower(): code for name, code in
               getattr(holidays.Germany, "subdivisions_aliases", {}).items()}
STATE_NAMES.update({name.lower().replace("ü", "ue"): code for name, code in STATE_NAMES.items()})
STATE_NAMES.update({
    "bavaria": "BY", "hesse": "HE", "lower saxony": "NI", "north rhine-westphalia": "NW",
    "nrw": "NW", "rhineland-palatinate": "RP", "saxony": "SN", "saxony-anhalt": "ST",
    "thuringia": "TH", "mecklenburg-western pomerania": "MV", "freistaat bayern": "BY",
    "freistaat sachsen": "SN", "freistaat thüringen": "TH",
})


def state_hint(state: str) -> str | None:
    """The Land code a user meant by a name such as ``Bayern`` (or ``Nordrhein Westfalen``)."""
    text = " ".join(state.lower().split())
    return STATE_NAMES.get(text) or STATE_NAMES.get(text.replace(" ", "-"))


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
            "id": self.scalar(data.get("id"), data.line_of("id"), "'template: id'"),
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
            self.known_keys(spec, ["name", "default", "choices", "type"], M("what.template-option", key=key))
            kind = plain(spec.get("type", "choice"))
            if kind not in ("choice", "date"):
                self.c.error(spec.line_of("type"), "bad-option-value", M("bad-option-value.type", key=key, value=brief(kind)))
                kind = "choice"
            if kind == "date":
                default = plain(spec.get("default")) or "none"
                if not option_value_is_date(default):
                    self.c.error(spec.line_of("default"), "bad-option-value",
                                 M("bad-option-value.date", key=key, value=brief(default)))
                    default = "none"
                specs.append(OptionSpec(str(key), self.text(spec.get("name"), spec_line, M("what.option-name")),
                                        default, (), kind="date"))
                continue
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
        given_state = self.scalar(data.get("state", "NW"), data.line_of("state"), "'state'")
        state = given_state.strip().upper()
        if state not in STATES:
            meant = state_hint(given_state)
            message = (M("bad-state.name", state=brief(given_state), code=meant) if meant else
                       M("bad-state", state=brief(given_state), states=", ".join(STATES)))
            self.c.error(data.line_of("state"), "bad-state", message)
            state = meant or "NW"
        language = self.scalar(data.get("language", "de"), data.line_of("language"), "'language'").lower()
        if language not in ("de", "en"):
            self.c.error(data.line_of("language"), "bad-language", M("bad-language", language=language))
            language = "de"
        start = self.date(data["start"], data.line_of("start"), "start") if "start" in data else None
        self.project_start = start or self.project_start  # recurring sessions are read around it
        status = None
        if data.get("status_date") is not None:
            status = self.date(data["status_date"], data.line_of("status_date"), "status_date")
        level = data.get("level", False)
        if not isinstance(level, bool):
            self.c.error(data.line_of("level"), "bad-type", M("bad-type.level"))
            level = False
        return Project(name=self.scalar(data.get("name"), data.line_of("name"), "'name'"),
                       municipality=self.scalar(data.get("municipality"), data.line_of("municipality"),
                                                "'municipality'"),
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
            if spec and spec.kind == "date" and not option_value_is_date(value):
                self.c.error(key_line or line, "bad-option-value", M("bad-option-value.date", key=key, value=brief(value)))
                continue
            if spec and spec.choices and value not in [v for v, _ in spec.choices]:
                self.c.error(key_line or line, "bad-option-value",
                             M("bad-option-value.plan", value=value, key=key,
                               suggest=suggest(value, [v for v, _ in spec.choices]),
                               choices=", ".join(v for v, _ in spec.choices)))
                continue
            chosen[key] = value
        return chosen

"""The template library: find, read and check templates, and the values ``roadmap new`` takes.

A template is a complete plan (``roadmap/templates/*.yaml``, shipped as ``roadmap.templates``)
with a ``template:`` header that names its options. This module reads and lists them,
checks option values, Land codes and start dates, and lays out ``roadmap templates``.

The rest of the package builds on it: :mod:`~roadmap.templates.sessions` (the default
council calendar), :mod:`~roadmap.templates.newplan` (the text of a new plan),
:mod:`~roadmap.templates.wizard` (what ``roadmap new`` does besides asking) and
:mod:`~roadmap.templates.docs` (docs/templates.md).
"""
from __future__ import annotations

import datetime as dt
import functools
import importlib.resources
import textwrap
from dataclasses import dataclass

from roadmap.plan.diagnostics import PlanError
from roadmap.plan.loader import STATES, parse_plan
from roadmap.plan.model import OptionSpec, Text
from roadmap.text import t
from roadmap.text.messages import Message as M

DEFAULT_TEMPLATE = "kickoff"
DEFAULT_TOWN = "Musterstadt"
DEFAULT_STATE = "NW"


class TemplateError(ValueError):
    """A template, option or value that cannot be used; the message (a catalog message,
    German by default) says what to do."""


@dataclass(frozen=True)
class TemplateInfo:
    """A template as ``roadmap templates`` lists it."""

    id: str
    text: str  # the YAML as the author wrote it
    name: Text
    description: Text
    options: tuple[OptionSpec, ...]

    def option(self, key: str) -> OptionSpec:
        for spec in self.options:
            if spec.key == key:
                return spec
        raise TemplateError(M("template.no-option", id=self.id, key=key,
                              known=", ".join(spec.key for spec in self.options)))


def template_ids() -> list[str]:
    """The ids of the built-in templates (file names without ``.yaml``), sorted."""
    folder = importlib.resources.files("roadmap.templates")
    return sorted(entry.name[:-5] for entry in folder.iterdir() if entry.name.endswith(".yaml"))


@functools.lru_cache(maxsize=None)
def load_template(template_id: str = DEFAULT_TEMPLATE) -> TemplateInfo:
    """Read and validate a built-in template; a broken template is a :class:`TemplateError`.

    Cached: the templates are package data, and `roadmap new` or a test of every option
    combination would otherwise parse and check the same file again and again."""
    if template_id not in template_ids():
        raise TemplateError(M("template.unknown", id=template_id, known=", ".join(template_ids())))
    resource = importlib.resources.files("roadmap.templates") / f"{template_id}.yaml"
    text = resource.read_text(encoding="utf-8")
    try:
        plan = parse_plan(text, f"{template_id}.yaml")
    except PlanError as error:
        raise TemplateError(M("template.broken", id=template_id, error=error)) from None
    return TemplateInfo(template_id, text, plan.template.get("name", Text()),
                        plan.template.get("description", Text()), plan.option_specs)


def list_templates() -> list[TemplateInfo]:
    return [load_template(template_id) for template_id in template_ids()]


def templates_listing(language: str) -> list[str]:
    """The lines ``roadmap templates`` prints: each template with its options and their
    choices, the default marked."""
    lines: list[str] = []
    for number, info in enumerate(list_templates()):
        if number:
            lines.append("")
        lines.append(f"{info.id} – {info.name.get(language)}")
        lines += [f"  {line}" for line in textwrap.wrap(info.description.get(language), 86)]
        lines.append(f"  {t('new.options', language)}:")
        for spec in info.options:
            lines.append(f"    {spec.key} – {spec.name.get(language)}")
            if is_date_option(spec):
                default = spec.default if spec.default != "none" else t("new.no-date", language)
                lines.append(f"      {t('new.date-option', language)}  ({t('new.default', language)}: {default})")
                continue
            width = max(len(value) for value, _ in spec.choices)
            for value, label in spec.choices:
                mark = f"  ({t('new.default', language)})" if value == spec.default else ""
                lines.append(f"      {value.ljust(width)}  {label.get(language)}{mark}")
    return lines


# ---- the values of a new plan -------------------------------------------------------------


def parse_option_args(pairs) -> dict[str, str]:
    """``["funding=own_budget", ...]`` as a dict; a pair without ``=`` is an error."""
    options = {}
    for pair in pairs or ():
        key, sep, value = str(pair).partition("=")
        if not sep or not key.strip() or not value.strip():
            raise TemplateError(M("template.pair", pair=pair))
        options[key.strip()] = value.strip()
    return options


def apply_options(info: TemplateInfo, given: dict[str, str]) -> dict[str, str]:
    """Every option of the template with a valid value: ``given`` over the defaults."""
    chosen = {spec.key: spec.default for spec in info.options}
    for key, value in given.items():
        spec = info.option(key)
        if is_date_option(spec):
            chosen[key] = option_date(key, value)
            continue
        values = [v for v, _ in spec.choices]
        if value not in values:
            raise TemplateError(M("template.choice", value=value, key=key, choices=", ".join(values)))
        chosen[key] = value
    return chosen


def is_date_option(spec: OptionSpec) -> bool:
    """Whether an option takes a date (``type: date``) instead of one of its choices."""
    return getattr(spec, "kind", "choice") == "date"


def option_date(key: str, value) -> str:
    """A date option's value as the plan writes it: ``YYYY-MM-DD`` or ``none``; TT.MM.JJJJ
    is accepted too. Anything else is a :class:`TemplateError` naming the option."""
    text = str(value).strip()
    if text.lower() in ("none", "keins", "kein", "-", ""):
        return "none"
    for fmt in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            return dt.datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            pass
    raise TemplateError(M("template.option-date", value=value, key=key))


def parse_start(value) -> dt.date:
    """A start date written as YYYY-MM-DD or TT.MM.JJJJ."""
    if isinstance(value, dt.date):
        return value
    for fmt in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            return dt.datetime.strptime(str(value).strip(), fmt).date()
        except ValueError:
            pass
    raise TemplateError(M("template.date", value=value))


def check_state(value: str) -> str:
    state = str(value).strip().upper()
    if state not in STATES:
        raise TemplateError(M("template.state", state=value, states=", ".join(STATES)))
    return state


def default_start(today: dt.date | None = None) -> dt.date:
    """The first Monday of the month after ``today``: a calm date to start a plan from."""
    today = today or dt.date.today()
    first = dt.date(today.year + today.month // 12, today.month % 12 + 1, 1)
    return first + dt.timedelta(days=-first.weekday() % 7)

"""What ``roadmap new`` does besides asking: check the values given as options before the
first question, offer an option's choices as a numbered list, write the plan, and say
what was written.

The questions themselves (prompts, defaults, asking again) belong to the command line
(:mod:`roadmap.cli`); every function here raises :class:`TemplateError` with a catalog
message, which the command line shows as it is.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from roadmap.plan.loader import active_packages, parse_plan
from roadmap.plan.model import OptionSpec, Plan
from roadmap.templates.library import (DEFAULT_STATE, DEFAULT_TOWN, TemplateError, TemplateInfo,
                                       apply_options, check_state, default_start, load_template,
                                       parse_option_args, parse_start)
from roadmap.templates.newplan import plan_text, write_plan
from roadmap.text import t
from roadmap.text.messages import Message as M


@dataclass
class NewPlanRequest:
    """What ``roadmap new`` knows before its first question: the template, the options
    given (checked; answers are added to it), and town, Land and start if given."""

    info: TemplateInfo
    options: dict[str, str]
    town: str | None
    state: str | None
    start: dt.date | None

    def unanswered(self) -> list[OptionSpec]:
        """The template's options not given yet, in the template's order."""
        return [spec for spec in self.info.options if spec.key not in self.options]


def check_request(path, template_id: str, option_pairs, *, town: str | None, state: str | None,
                  start: str | None, force: bool) -> NewPlanRequest:
    """Check everything given before asking for the rest, so a typo in an option does not
    cost the user a round of questions."""
    if Path(path).exists() and not force:
        raise TemplateError(M("template.exists", path=path))
    info = load_template(template_id)
    given = parse_option_args(option_pairs)
    apply_options(info, given)
    return NewPlanRequest(info, given, town, check_state(state) if state else None,
                          parse_start(start) if start else None)


def choice_lines(spec: OptionSpec, language: str) -> list[str]:
    """An option as a numbered list: its name, then ``  1) label [value]`` per choice."""
    lines = [f"{spec.name.get(language)}:"]
    lines += [f"  {number}) {label.get(language)} [{value}]"
              for number, (value, label) in enumerate(spec.choices, 1)]
    return lines


def default_choice(spec: OptionSpec) -> str:
    """The number of the template's default in :func:`choice_lines`."""
    return str([value for value, _ in spec.choices].index(spec.default) + 1)


def choice_value(spec: OptionSpec, answer) -> str:
    """The value an answer picks: its number in the list, or the value itself."""
    values = [value for value, _ in spec.choices]
    text = str(answer).strip()
    if text in values:
        return text
    if text.isdigit() and 1 <= int(text) <= len(values):
        return values[int(text) - 1]
    raise TemplateError(M("new.bad-number", n=len(values)))


def create_plan(path, request: NewPlanRequest, *, language: str, force: bool) -> Plan:
    """Write the new plan to ``path`` (comments and outputs in ``language``) and return it
    as read back; what the request leaves open gets the library's default. A
    :class:`~roadmap.plan.diagnostics.PlanError` here is a template bug, not the user's."""
    text = plan_text(request.info.id, town=request.town or DEFAULT_TOWN,
                     state=request.state or DEFAULT_STATE, start=request.start or default_start(),
                     options=request.options, language=language, file_name=path)
    written = parse_plan(text, path, Path(path).parent)
    write_plan(path, text, force=force)
    return written


def written_line(path, plan: Plan, language: str) -> str:
    """``Plan geschrieben: plan.yaml (45 Arbeitspakete, Start 11.01.2027).``"""
    return t("new.written", language, file=path, count=len(active_packages(plan)),
             start=plan.project.start)

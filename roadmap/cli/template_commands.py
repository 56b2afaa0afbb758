"""``roadmap templates`` and ``roadmap new``: the template library and a new plan from it."""
from __future__ import annotations

import click

from roadmap.cli.app import (HELP_LANGUAGE, cli, report)
from roadmap.plan.diagnostics import PlanError
from roadmap.text import format_date, t
from roadmap.text.messages import choose_language, render



def _template_error(error, lang: str) -> click.ClickException:
    return click.ClickException(render(error, lang))


def _checked(function, lang: str):
    """``function`` as a prompt's value_proc: a TemplateError asks the question again."""
    from roadmap.templates.library import TemplateError

    def proc(text):
        try:
            return function(text)
        except TemplateError as error:
            raise click.BadParameter(render(error, lang)) from None
    return proc


@cli.command("templates", help=t("help.templates", HELP_LANGUAGE))
@click.option("--lang", type=click.Choice(["de", "en"]), default=None, help=t("help.templates.lang", HELP_LANGUAGE))
def templates_command(lang):
    from roadmap.templates.library import TemplateError, templates_listing

    lang = choose_language(lang)
    try:
        lines = templates_listing(lang)
    except TemplateError as error:
        raise _template_error(error, lang) from None
    for line in lines:
        click.echo(line)


def _ask_choice(spec, lang: str) -> str:
    """Ask for one option as a numbered list; the template's default is preselected."""
    from roadmap.templates.wizard import choice_lines, choice_value, default_choice

    for line in choice_lines(spec, lang):
        click.echo(line)
    answer = click.prompt(t("new.choose", lang), default=default_choice(spec),
                          value_proc=_checked(lambda text: choice_value(spec, text), lang))
    return choice_value(spec, answer)


def _ask_missing(request, lang: str) -> None:
    """Ask for what was not given as an option, and fill it into ``request``."""
    from roadmap.templates import library

    if request.town is None:
        request.town = click.prompt(t("new.town", lang), default=library.DEFAULT_TOWN).strip()
    if request.state is None:
        request.state = click.prompt(t("new.state", lang), default=library.DEFAULT_STATE,
                                     value_proc=_checked(library.check_state, lang))
    if request.start is None:
        request.start = click.prompt(t("new.start", lang), value_proc=_checked(library.parse_start, lang),
                                     default=format_date(library.default_start(), lang))
    for spec in request.unanswered():
        request.options[spec.key] = _ask_choice(spec, lang)


@cli.command("new", help=t("help.new", HELP_LANGUAGE))
@click.argument("plan", type=click.Path(dir_okay=False))
@click.option("--template", "template_id", default="kickoff", show_default=True,
              help=t("help.new.template", HELP_LANGUAGE))
@click.option("--town", help=t("help.new.town", HELP_LANGUAGE))
@click.option("--state", help=t("help.new.state", HELP_LANGUAGE))
@click.option("--start", "start", help=t("help.new.start", HELP_LANGUAGE))
@click.option("--option", "option_pairs", multiple=True, metavar="KEY=VALUE",
              help=t("help.new.option", HELP_LANGUAGE))
@click.option("--lang", type=click.Choice(["de", "en"]), default=None, help=t("help.new.lang", HELP_LANGUAGE))
@click.option("--force", is_flag=True, help=t("help.new.force", HELP_LANGUAGE))
@click.option("--interactive/--no-interactive", default=None, help=t("help.new.interactive", HELP_LANGUAGE))
def new_command(plan, template_id, town, state, start, option_pairs, lang, force, interactive):
    import sys

    from roadmap.templates.library import TemplateError
    from roadmap.templates.wizard import check_request, create_plan, written_line

    plan_language = lang or "de"  # the written plan; ROADMAP_LANG changes only what we say
    lang = choose_language(lang)
    try:
        request = check_request(plan, template_id, option_pairs, town=town, state=state, start=start,
                                force=force)
    except TemplateError as error:
        raise _template_error(error, lang) from None
    if interactive is None:
        interactive = sys.stdin.isatty()
    if interactive:
        _ask_missing(request, lang)
    try:
        written = create_plan(plan, request, language=plan_language, force=force)
    except TemplateError as error:
        raise _template_error(error, lang) from None
    except PlanError as error:  # a template bug, not the user's: say where
        report(error.diagnostics, lang)
        raise SystemExit(1) from None
    click.echo(written_line(plan, written, lang))
    click.echo(t("new.sessions-warning", lang, file=plan), err=True)
    click.echo(t("new.next", lang, file=plan))



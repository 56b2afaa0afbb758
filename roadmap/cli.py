"""The ``roadmap`` command line: a thin layer over the library.

Each command reads its options, calls the library and prints what it returns; the texts
come from the catalog (``help.*``, ``new.*``, ``cli.*``). What stays here is what belongs
to a terminal: the questions of ``roadmap new``, stdout versus stderr, and exit statuses
(0 ok, 1 for errors in the plan or the given values).

Messages (diagnostics, errors, summaries) are German by default and English with
``--lang en`` or ``ROADMAP_LANG=en``; without either, a plan with ``language: en`` gets
English messages (see :func:`roadmap.text.choose_language`). ``ROADMAP_LANG`` never
changes the language of the files written; ``--lang`` of schedule/build/new does.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import json

import click

from roadmap.plan.diagnostics import PlanError
from roadmap.text import format_date, t
from roadmap.text.messages import Message, choose_language, render

#: ``--help`` is printed before any option is read, so its language is ROADMAP_LANG or
#: German. (click's own words, "Usage:" and "Options:", stay English.)
HELP_LANGUAGE = choose_language()


class _Command(click.Command):
    """A command whose --help option speaks HELP_LANGUAGE too."""

    def get_help_option(self, ctx):
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = t("help.roadmap.help", HELP_LANGUAGE)
        return option


class _Group(_Command, click.Group):
    command_class = _Command


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]},
             help=t("help.roadmap", HELP_LANGUAGE))
@click.version_option(package_name="roadmap", help=t("help.roadmap.version", HELP_LANGUAGE))
def cli():
    pass


# ---- helpers: dates, diagnostics, exits -----------------------------------------------


def parse_date_option(ctx, param, value):
    """``--status-date`` accepts ISO (2027-03-01) and German (01.03.2027) dates."""
    if value is None:
        return None
    for fmt in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            return dt.datetime.strptime(value, fmt).date()
        except ValueError:
            pass
    message = Message("template.date", value=value)
    raise click.BadParameter(message.render(choose_language(ctx.params.get("lang"))))


def report(diagnostics, language: str | None = None) -> None:
    """Print diagnostics to stderr as ``file:line: severity: message [code]``."""
    for diagnostic in diagnostics:
        click.echo(diagnostic.render(language), err=True)


def load_or_exit(path, options=None, lang: str | None = None):
    """The plan at ``path``; on errors print them (``lang``, else ROADMAP_LANG, else the
    plan's language, else German) and exit with status 1."""
    from roadmap.plan.loader import load_plan

    try:
        return load_plan(path, options)
    except PlanError as error:
        report(error.diagnostics, choose_language(lang, error.language))
        raise SystemExit(1) from None


def schedule_or_exit(plan, status_date=None, lang: str | None = None, level: bool = False):
    from roadmap.engine.scheduler import schedule

    try:
        return schedule(plan, status_date, True if level else None)
    except PlanError as error:
        report(error.diagnostics, choose_language(lang, plan.project.language))
        raise SystemExit(1) from None


plan_argument = click.argument("plan", type=click.Path(exists=True, dir_okay=False))
status_date_option = click.option("--status-date", callback=parse_date_option,
                                  help=t("help.status-date", HELP_LANGUAGE))
level_option = click.option("--level", is_flag=True, default=False, help=t("help.level", HELP_LANGUAGE))


# ---- commands: check, schedule, build -------------------------------------------------


@cli.command(help=t("help.check", HELP_LANGUAGE))
@plan_argument
@click.option("--lang", type=click.Choice(["de", "en"]), default=None, help=t("help.check.lang", HELP_LANGUAGE))
@level_option
def check(plan, lang, level):
    loaded = load_or_exit(plan, lang=lang)
    result = schedule_or_exit(loaded, lang=lang, level=level)
    lang = choose_language(lang, result.language)
    report(result.diagnostics, lang)
    warnings = sum(d.severity == "warning" for d in result.diagnostics)
    span = f"{format_date(result.start, lang)} – {format_date(result.finish, lang)}"
    click.echo(Message("cli.check-ok", plan=plan, count=len(result.packages), span=span).render(lang)
               + (Message("cli.warnings", count=warnings).render(lang) if warnings else ""))


@cli.command("schedule", help=t("help.schedule", HELP_LANGUAGE))
@plan_argument
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table",
              show_default=True, help=t("help.schedule.format", HELP_LANGUAGE))
@click.option("--lang", type=click.Choice(["de", "en"]), default=None, help=t("help.schedule.lang", HELP_LANGUAGE))
@status_date_option
@level_option
def schedule_command(plan, fmt, lang, status_date, level):
    from roadmap.exchange.tabular import csv_text, table_text

    loaded = load_or_exit(plan, lang=lang)
    if lang:
        loaded = dataclasses.replace(loaded, project=dataclasses.replace(loaded.project, language=lang))
    result = schedule_or_exit(loaded, status_date, lang, level)
    if fmt == "json":
        click.echo(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
    elif fmt == "csv":
        click.echo(csv_text(result), nl=False)
    else:
        click.echo(table_text(result))
    report(result.diagnostics, choose_language(lang, result.language))


@cli.command("build", help=t("help.build", HELP_LANGUAGE))
@click.argument("plan", required=False, type=click.Path(exists=True, dir_okay=False))
@click.option("-o", "--out", "out_dir", default="roadmap-out", show_default=True,
              type=click.Path(file_okay=False), help=t("help.build.out", HELP_LANGUAGE))
@click.option("--lang", type=click.Choice(["de", "en"]), default=None, help=t("help.build.lang", HELP_LANGUAGE))
@status_date_option
@level_option
def build_command(plan, out_dir, lang, status_date, level):
    from roadmap.build import build, summary_lines
    from roadmap.output import OutputError

    try:
        result = build(plan, out_dir, language=lang, status_date=status_date, level=True if level else None)
    except PlanError as error:
        report(error.diagnostics, choose_language(lang, error.language))
        raise SystemExit(1) from None
    except OutputError as error:
        raise click.ClickException(render(error, choose_language(lang))) from None
    click.echo("\n".join(summary_lines(result, choose_language(lang, result.schedule.language))))


# ---- commands: templates, new -------------------------------------------------------------


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


def main():
    try:
        cli()
    except Exception as error:  # a bug must still not greet the user with a traceback
        message = Message("cli.unexpected", kind=type(error).__name__, error=error)
        click.echo(message.render(choose_language()), err=True)
        raise SystemExit(1) from None

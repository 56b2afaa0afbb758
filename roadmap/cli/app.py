"""The command group, its shared options and the helpers every command uses to exit.

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

import datetime as dt

import click

from roadmap.plan.diagnostics import PlanError
from roadmap.text import t
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
    """The schedule of ``plan``; ``level``: levelling even if the plan does not ask for it
    (``--level``); on errors print them and exit with status 1."""
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


def fail(error, lang: str) -> None:
    """One sentence (a catalog message or an error carrying one) on stderr, exit status 1."""
    click.echo(render(error, lang), err=True)
    raise SystemExit(1)


def main():
    try:
        cli()
    except Exception as error:  # a bug must still not greet the user with a traceback
        message = Message("cli.unexpected", kind=type(error).__name__, error=error)
        click.echo(message.render(choose_language()), err=True)
        raise SystemExit(1) from None

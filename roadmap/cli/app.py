"""The command group, its shared options and the helpers every command uses to exit.

Each command reads its options, calls the library and prints what it returns; the texts
come from the catalog (``help.*``, ``new.*``, ``cli.*``). What stays here is what belongs
to a terminal: the questions of ``roadmap new``, stdout versus stderr, and exit statuses
(0 ok, 1 for errors in the plan or the given values).

Messages (diagnostics, errors, summaries) are German by default and English with
``--lang en`` or ``ROADMAP_LANG=en``; without either, a plan with ``language: en`` gets
English messages (see :func:`roadmap.text.choose_language`). ``ROADMAP_LANG`` never
changes the language of the files written; ``--lang`` of schedule/build/new does.
click's own words (usage errors, ``--help``) follow the same choice
(:mod:`roadmap.cli.terminal`); a usage error exits with 1 like every other error.

Everything printed goes through :func:`say` (or :func:`report` for diagnostics): plan text
cannot drive the terminal. Paths on the command line are checked by :data:`INPUT_FILE`,
:data:`FILE_PATH` and :data:`OUTPUT_FOLDER`, with German reasons.
"""
from __future__ import annotations

import datetime as dt
import errno
import os
import stat
import sys
from pathlib import Path

import click

from roadmap.cli import terminal
from roadmap.exchange.tabular import visible
from roadmap.output import PATH_ERRORS, os_reason
from roadmap.plan.diagnostics import PlanError
from roadmap.text import t
from roadmap.text.messages import Message, choose_language, render

#: ``--help`` is printed before any option is read, so its language is that of a
#: ``--lang`` among the words given, else ROADMAP_LANG, else German. click's own words
#: ("Usage:", "No such option") follow the same choice (:mod:`roadmap.cli.terminal`).
HELP_LANGUAGE = choose_language(terminal.argv_language(sys.argv[1:]))

terminal.install_click_texts()


class _Command(click.Command):
    """A command whose --help option and usage line speak HELP_LANGUAGE too."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("options_metavar", t("cli.usage-options", HELP_LANGUAGE))
        super().__init__(*args, **kwargs)

    def get_help_option(self, ctx):
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = t("help.roadmap.help", HELP_LANGUAGE)
        return option


class _Group(_Command, click.Group):
    command_class = _Command

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("subcommand_metavar", t("cli.usage-command", HELP_LANGUAGE))
        super().__init__(*args, **kwargs)

    def main(self, args=None, prog_name=None, **extra):
        """click's own texts (errors, usage, help) in German, or English on request; a
        usage error exits with 1 like every other error (click's own status is 2)."""
        words = sys.argv[1:] if args is None else args
        with terminal.speaking(choose_language(terminal.argv_language(words))):
            try:
                return super().main(args=args, prog_name=prog_name, **extra)
            except SystemExit as done:
                if done.code == click.UsageError.exit_code:
                    raise SystemExit(1) from None
                raise


# ---- paths on the command line: German reasons, never a traceback ----------------------


def _resolved(path: str) -> str:
    try:
        return str(Path(path).resolve())
    except PATH_ERRORS:
        return os.path.abspath(path)


class _PathType(click.ParamType):
    """A path given on the command line, checked with German reasons (a NUL byte, a name
    over 255 characters, a symlink loop included), as a string."""

    #: "file": must exist and be readable; "path": a file that need not exist (an output,
    #: or an input whose reader says what is missing); "folder": a folder that need not
    #: exist (it is made when needed).
    def __init__(self, kind: str):
        self.kind = kind
        self.name = t("cli.metavar.folder" if kind == "folder" else "cli.metavar.file", HELP_LANGUAGE).lower()

    def convert(self, value, param, ctx):
        path = os.fspath(value)
        lang = terminal.language()
        try:
            info = os.stat(path)
        except PATH_ERRORS as error:
            if getattr(error, "errno", None) == errno.ENOENT:
                if self.kind == "file":
                    self.fail(Message("cli.path-missing", path=path, resolved=_resolved(path)).render(lang),
                              param, ctx)
                return path
            self.fail(Message("cli.path-unusable", path=path, reason=os_reason(error)).render(lang), param, ctx)
        folder = stat.S_ISDIR(info.st_mode)
        if folder and self.kind != "folder":
            self.fail(Message("cli.path-folder", path=path).render(lang), param, ctx)
        if not folder and self.kind == "folder":
            self.fail(Message("cli.path-file", path=path).render(lang), param, ctx)
        if self.kind == "file" and not os.access(path, os.R_OK):
            self.fail(Message("cli.path-unreadable", path=path).render(lang), param, ctx)
        return path


#: A file that must exist (a plan, a workbook, a baseline); a file that need not (one to
#: write, or one whose reader reports it missing); a folder to write into.
INPUT_FILE = _PathType("file")
FILE_PATH = _PathType("path")
OUTPUT_FOLDER = _PathType("folder")


def say(text: str, err: bool = False, nl: bool = True) -> None:
    """Print ``text``; control characters from a plan show as escapes, lines stay lines."""
    click.echo(visible(str(text), keep="\n\t"), err=err, nl=nl)


def error_exit(message: str) -> click.ClickException:
    """click's "Fehler: ..." exit (status 1) for a message, made safe for the terminal."""
    return click.ClickException(visible(message, keep="\n\t"))


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]},
             help=t("help.roadmap", HELP_LANGUAGE))
@click.version_option(package_name="roadmap", help=t("help.roadmap.version", HELP_LANGUAGE),
                      message=t("cli.version", HELP_LANGUAGE))
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
    raise click.BadParameter(visible(message.render(choose_language(ctx.params.get("lang")))))


def report(diagnostics, language: str | None = None) -> None:
    """Print diagnostics to stderr as ``file:line: severity: message [code]``, one line
    each: a line break or escape sequence from the plan is shown as an escape."""
    for diagnostic in diagnostics:
        click.echo(visible(diagnostic.render(language)), err=True)


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


plan_argument = click.argument("plan", type=INPUT_FILE)
status_date_option = click.option("--status-date", callback=parse_date_option,
                                  metavar=t("cli.metavar.date", HELP_LANGUAGE),
                                  help=t("help.status-date", HELP_LANGUAGE))
level_option = click.option("--level", is_flag=True, default=False, help=t("help.level", HELP_LANGUAGE))


def fail(error, lang: str) -> None:
    """One sentence (a catalog message or an error carrying one) on stderr, exit status 1."""
    say(render(error, lang), err=True)
    raise SystemExit(1)


def main():
    """``roadmap``: the command group, with stdout and stderr that show control characters
    as escapes, and a German sentence for whatever goes wrong (exit status 1)."""
    terminal.install_streams()
    failure = None
    try:
        cli.main(prog_name="roadmap")
        code = 0
    except SystemExit as done:
        code = done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
    except terminal.StreamError as error:  # stdout on a full disk, mid-way
        code, failure = 1, error
    except Exception as error:  # a bug must still not greet the user with a traceback
        message = Message("cli.unexpected", kind=type(error).__name__, error=error)
        say(message.render(terminal.language()), err=True)
        code = 1
    raise SystemExit(terminal.finish_streams(code, failure))

"""``roadmap templates`` and ``roadmap new``: the template library and a new plan from it."""
from __future__ import annotations

import click

from roadmap.cli.app import (HELP_LANGUAGE, FILE_PATH, cli, error_exit, report, say)
from roadmap.plan.diagnostics import PlanError
from roadmap.text import format_date, t
from roadmap.text.messages import choose_language, render



def _template_error(error, lang: str) -> click.ClickException:
    return error_exit(render(error, lang))


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
        say(line)


def _prompt(lang: str):
    """Questions on a terminal: click's prompt, which asks again after a wrong answer."""
    def ask(question, default, check, lines=()):
        for line in lines:
            say(line)
        return click.prompt(question, default=default, value_proc=_checked(check, lang))
    return ask


class _PipedAnswers:
    """Answers piped on stdin (``printf 'Soest\\nNW\\n' | roadmap new plan.yaml``): one line
    per question, in the order of the questions; an empty line takes the default, and once
    the input ends every remaining question does. A wrong answer cannot be asked again:
    it ends the command with a sentence naming the answer and the question."""

    def __init__(self, lang: str):
        self.lang = lang
        self.ended = False

    def __call__(self, question, default, check, lines=()):
        import sys

        from roadmap.templates.library import TemplateError
        from roadmap.text.messages import Message

        line = "" if self.ended else _read_line(sys.stdin)
        if not line:
            self.ended = True
            return check(default)
        answer = line.rstrip("\r\n").strip() or default
        try:
            value = check(answer)
        except TemplateError as error:
            raise error_exit(Message("cli.bad-answer", answer=answer, question=question, error=error)
                             .render(self.lang)) from None
        say(f"{question} [{default}]: {answer}")
        return value


def _read_line(stream) -> str:
    """One line of ``stream`` ("" at its end, or if there is none or it cannot be read);
    bytes that are not UTF-8 become U+FFFD instead of an error."""
    try:
        binary = getattr(stream, "buffer", None)
        if binary is not None:
            return binary.readline().decode("utf-8", "replace")
        return stream.readline() if stream is not None else ""
    except (OSError, ValueError):
        return ""


def _ask_missing(request, lang: str, ask) -> None:
    """Ask for what was not given as an option, and fill it into ``request``."""
    from roadmap.templates import library
    from roadmap.templates.wizard import choice_lines, choice_value, default_choice

    if request.town is None:
        request.town = ask(t("new.town", lang), library.DEFAULT_TOWN, str.strip)
    if request.state is None:
        request.state = ask(t("new.state", lang), library.DEFAULT_STATE, library.check_state)
    if request.start is None:
        request.start = ask(t("new.start", lang), format_date(library.default_start(), lang), library.parse_start)
    for spec in request.unanswered():
        lines = choice_lines(spec, lang)
        # on a terminal the list comes first, then "Auswahl (Nummer)"; piped, the option's name;
        # a date option shows its name and asks for "Datum (TT.MM.JJJJ) oder none"
        question = lines[0].rstrip(":") if isinstance(ask, _PipedAnswers) else t("new.choose", lang)
        if getattr(spec, "kind", "choice") == "date":
            lines, question = lines[:1], question if isinstance(ask, _PipedAnswers) else lines[1].strip()
        request.options[spec.key] = choice_value(
            spec, ask(question, default_choice(spec), lambda text, spec=spec: choice_value(spec, text), lines))


@cli.command("new", help=t("help.new", HELP_LANGUAGE))
@click.argument("plan", type=FILE_PATH)
@click.option("--template", "template_id", default="kickoff", show_default=True,
              help=t("help.new.template", HELP_LANGUAGE))
@click.option("--town", help=t("help.new.town", HELP_LANGUAGE))
@click.option("--state", help=t("help.new.state", HELP_LANGUAGE))
@click.option("--start", "start", help=t("help.new.start", HELP_LANGUAGE))
@click.option("--option", "option_pairs", multiple=True, metavar="KEY=VALUE",
              help=t("help.new.option", HELP_LANGUAGE))
@click.option("--ics", "ics", default=None, metavar="DATEI", help=t("help.new.ics", HELP_LANGUAGE))
@click.option("--match", "match_pairs", multiple=True, metavar="GREMIUM=TEXT", help=t("help.new.match", HELP_LANGUAGE))
@click.option("--lang", type=click.Choice(["de", "en"]), default=None, help=t("help.new.lang", HELP_LANGUAGE))
@click.option("--force", is_flag=True, help=t("help.new.force", HELP_LANGUAGE))
@click.option("--interactive/--no-interactive", default=None, help=t("help.new.interactive", HELP_LANGUAGE))
def new_command(plan, template_id, town, state, start, option_pairs, ics, match_pairs, lang, force, interactive):
    import sys

    from roadmap.templates.library import TemplateError
    from roadmap.templates.wizard import check_request, create_plan, written_line

    plan_language = lang or "de"  # the written plan; ROADMAP_LANG changes only what we say
    lang = choose_language(lang)
    try:
        request = check_request(plan, template_id, option_pairs, town=town, state=state, start=start,
                                force=force, ics=ics, match_pairs=match_pairs)
    except TemplateError as error:
        raise _template_error(error, lang) from None
    if interactive or (interactive is None and sys.stdin is not None and sys.stdin.isatty()):
        _ask_missing(request, lang, _prompt(lang))
    elif interactive is None:  # answers piped on stdin, if any
        _ask_missing(request, lang, _PipedAnswers(lang))
    try:
        written = create_plan(plan, request, language=plan_language, force=force)
    except TemplateError as error:
        raise _template_error(error, lang) from None
    except PlanError as error:  # a template bug, not the user's: say where
        report(error.diagnostics, lang)
        raise SystemExit(1) from None
    say(written_line(plan, written, lang))
    if ics is None:
        say(t("new.sessions-warning", lang, file=plan), err=True)
    say(t("new.next", lang, file=plan))



"""``roadmap check``, ``schedule`` and ``build``: a plan read, scheduled and written."""
from __future__ import annotations

import dataclasses

import click

from roadmap.cli.app import (HELP_LANGUAGE, INPUT_FILE, OUTPUT_FOLDER, cli, error_exit, fail, level_option,
                             load_or_exit, plan_argument, report, say, schedule_or_exit, status_date_option)
from roadmap.plan.diagnostics import PlanError
from roadmap.text import format_date, t
from roadmap.text.messages import Message, choose_language, render



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
    say(Message("cli.check-ok", plan=plan, counts=result.count_text(lang), span=span).render(lang)
        + (Message("cli.warnings", count=warnings).render(lang) if warnings else ""))


@cli.command("schedule", help=t("help.schedule", HELP_LANGUAGE))
@plan_argument
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "csv-en", "json"]), default="table",
              show_default=True, help=t("help.schedule.format", HELP_LANGUAGE))
@click.option("--lang", type=click.Choice(["de", "en"]), default=None, help=t("help.schedule.lang", HELP_LANGUAGE))
@status_date_option
@level_option
def schedule_command(plan, fmt, lang, status_date, level):
    from roadmap.exchange.tabular import csv_for, csv_text, json_text, table_text

    loaded = load_or_exit(plan, lang=lang)
    if lang:
        loaded = dataclasses.replace(loaded, project=dataclasses.replace(loaded.project, language=lang))
    result = schedule_or_exit(loaded, status_date, lang, level)
    if fmt == "json":
        say(json_text(result.to_json()))
    elif fmt == "csv-en" or (fmt == "csv" and result.language == "en"):
        say(csv_text(result), nl=False)
    elif fmt == "csv":  # German Excel: bytes, so the BOM, CRLF and umlauts reach the file unchanged
        click.echo(csv_for(result, fmt), nl=False)
    else:
        say(table_text(result))
    report(result.diagnostics, choose_language(lang, result.language))


@cli.command("build", help=t("help.build", HELP_LANGUAGE))
@click.argument("plan", required=False, type=INPUT_FILE)
@click.option("-o", "--out", "out_dir", default="roadmap-out", show_default=True,
              type=OUTPUT_FOLDER, help=t("help.build.out", HELP_LANGUAGE))
@click.option("--lang", type=click.Choice(["de", "en"]), default=None, help=t("help.build.lang", HELP_LANGUAGE))
@status_date_option
@click.option("--baseline", "baseline", default=None, type=INPUT_FILE,
              help=t("help.build.baseline", HELP_LANGUAGE))
@click.option("--paper", type=click.Choice(["a3", "a4"], case_sensitive=False), default="a3", show_default=True,
              help=t("help.build.paper", HELP_LANGUAGE))
@click.option("--pdf", is_flag=True, help=t("help.build.pdf", HELP_LANGUAGE))
@level_option
def build_command(plan, out_dir, lang, status_date, baseline, paper, pdf, level):
    from roadmap.build import PlanTooBig, build, summary_lines
    from roadmap.gantt.pdf import PdfError
    from roadmap.output import OutputError

    try:
        result = build(plan, out_dir, language=lang, status_date=status_date, baseline=baseline,
                       paper=paper.lower(), pdf=pdf, level=True if level else None)
    except (PdfError, PlanTooBig) as error:
        fail(error, choose_language(lang))
    except PlanError as error:
        report(error.diagnostics, choose_language(lang, error.language))
        raise SystemExit(1) from None
    except OutputError as error:
        raise error_exit(render(error, choose_language(lang))) from None
    say("\n".join(summary_lines(result, choose_language(lang, result.schedule.language))))



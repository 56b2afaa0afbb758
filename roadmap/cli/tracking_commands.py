"""``roadmap update`` and ``roadmap report``: running the project with the plan.

Each command is its own function; the work is done in the library
(:func:`roadmap.excel.updates.update_plan`, :mod:`roadmap.report`).
"""
from __future__ import annotations

from pathlib import Path

import click

from roadmap.cli.app import (FILE_PATH, HELP_LANGUAGE, INPUT_FILE, cli, fail, level_option, load_or_exit,
                             parse_date_option, plan_argument, report, say, status_date_option)
from roadmap.plan.diagnostics import PlanError
from roadmap.text import t
from roadmap.text.messages import choose_language, render



@cli.command("update", help=t("help.update", HELP_LANGUAGE))
@plan_argument
@click.option("--from", "workbook", required=True, type=INPUT_FILE,
              help=t("help.update.from", HELP_LANGUAGE))
@click.option("--dry-run", is_flag=True, help=t("help.update.dry-run", HELP_LANGUAGE))
@click.option("--status-date", callback=parse_date_option, help=t("help.update.status-date", HELP_LANGUAGE))
@click.option("--lang", type=click.Choice(["de", "en"]), default=None, help=t("help.check.lang", HELP_LANGUAGE))
def update_command(plan, workbook, dry_run, status_date, lang):
    from roadmap.excel.readback import ReadbackError
    from roadmap.excel.updates import UpdateRejected, update_plan
    from roadmap.output import OutputError
    from roadmap.plan.edit import EditError, unified_diff

    language = choose_language(lang, load_or_exit(plan, lang=lang).project.language)
    try:
        result = update_plan(plan, workbook, status_date, dry_run)
    except PlanError as error:
        report(error.diagnostics, choose_language(lang, error.language))
        raise SystemExit(1) from None
    except UpdateRejected as error:
        language = choose_language(lang, error.language)
        say(t("update.invalid", language, plan=plan), err=True)
        report([d for d in error.diagnostics if d.severity == "error"], language)
        raise SystemExit(1) from None
    except (ReadbackError, EditError, OutputError) as error:
        say(render(error, language), err=True)
        fail(t("update.refused", language, plan=plan), language)
    workbook_name = Path(workbook).name
    count = len(result.changes) + (result.status_change is not None)
    if not count:
        say(t("update.nothing", language, workbook=workbook_name, plan=plan))
        return
    key = "update.header-one" if count == 1 else "update.header"
    say(t(key, language, count=count, workbook=workbook_name, plan=plan))
    for change in result.changes:
        say(change.render(language))
    if result.status_change:
        old, new = result.status_change
        say(t("update.status-date", language, old=old or "–", new=new))
    if result.future:
        say(t("update.future", language, date=result.future))
    if dry_run:
        say(t("update.dry-run", language, plan=plan))
        say(unified_diff(result.old_text, result.new_text, plan), nl=False)
    else:
        say(t("update.written", language, plan=plan))



@cli.command("report", help=t("help.report", HELP_LANGUAGE))
@plan_argument
@click.option("--baseline", default=None, type=INPUT_FILE,
              help=t("help.report.baseline", HELP_LANGUAGE))
@click.option("-o", "--out", "out_file", default=None, type=FILE_PATH,
              help=t("help.report.out", HELP_LANGUAGE))
@status_date_option
@click.option("--lang", type=click.Choice(["de", "en"]), default=None, help=t("help.report.lang", HELP_LANGUAGE))
@level_option
def report_command(plan, baseline, out_file, status_date, lang, level):
    from roadmap.build import slug
    from roadmap.output import OutputError
    from roadmap.report import make_report

    target = Path(out_file) if out_file else Path("roadmap-out") / f"{slug(Path(plan).stem)}-sachstand.docx"
    try:
        result, written = make_report(plan, target, baseline, status_date, lang,
                                      level=True if level else None)
    except PlanError as error:
        report(error.diagnostics, choose_language(lang, error.language))
        raise SystemExit(1) from None
    except OutputError as error:
        fail(error, choose_language(lang))
    language = choose_language(lang, result.language)
    report([d for d in result.diagnostics if d.severity == "warning"], language)
    late = sum(result.is_late(p) for p in result.packages)
    say(t("report.written", language, path=written, status=result.status_date,
          percent=f"{result.percent_complete():.0f}", late=late))

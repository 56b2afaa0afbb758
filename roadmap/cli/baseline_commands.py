"""``roadmap baseline``: freeze a plan's schedule as the baseline later builds compare with.

The work is done in :mod:`roadmap.engine.baseline`; ``roadmap build --baseline FILE``
(:mod:`roadmap.cli.plan_commands`) reads the file back.
"""
from __future__ import annotations

from pathlib import Path

import click

from roadmap.cli.app import (FILE_PATH, HELP_LANGUAGE, cli, fail, level_option, load_or_exit, plan_argument,
                             report, say, schedule_or_exit, status_date_option)
from roadmap.text import t
from roadmap.text.messages import Message, choose_language


@cli.command("baseline", help=t("help.baseline", HELP_LANGUAGE))
@plan_argument
@click.option("-o", "--out", "out_file", default=None, type=FILE_PATH,
              help=t("help.baseline.out", HELP_LANGUAGE))
@click.option("--force", is_flag=True, help=t("help.baseline.force", HELP_LANGUAGE))
@status_date_option
@click.option("--lang", type=click.Choice(["de", "en"]), default=None, help=t("help.check.lang", HELP_LANGUAGE))
@level_option
def baseline_command(plan, out_file, force, status_date, lang, level):
    from roadmap.engine.baseline import default_path, freeze, write_baseline
    from roadmap.output import OutputError, check_not_input

    loaded = load_or_exit(plan, lang=lang)
    result = schedule_or_exit(loaded, status_date, lang, level)
    language = choose_language(lang, result.language)
    target = Path(out_file) if out_file else default_path(plan)
    try:
        check_not_input(target, [plan])
        if target.exists() and not force:
            fail(Message("tracking.baseline.exists", path=target), language)
        write_baseline(freeze(result, plan), target, inputs=[plan])
    except OutputError as error:
        fail(error, language)
    report(result.diagnostics, language)
    say(t("tracking.baseline.written", language, path=target, counts=result.count_text(language),
          status=result.status_date))

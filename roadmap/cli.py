"""The ``roadmap`` command line: a thin layer over the library."""
from __future__ import annotations

import dataclasses
import datetime as dt
import json

import click

from roadmap.diagnostics import PlanError


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="roadmap")
def cli():
    """Smart-City-Fahrplan: plan, schedule and publish a kickoff roadmap."""


# ---- commands: check, schedule (engine) ---------------------------------------------

EXAMPLE_PLAN = "examples/plettenberg.yaml"


def parse_date_option(ctx, param, value):
    """``--status-date`` accepts ISO (2027-03-01) and German (01.03.2027) dates."""
    if value is None:
        return None
    for fmt in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            return dt.datetime.strptime(value, fmt).date()
        except ValueError:
            pass
    raise click.BadParameter(f"'{value}' is not a date; write YYYY-MM-DD or TT.MM.JJJJ")


def report(diagnostics) -> None:
    """Print diagnostics to stderr as ``file:line: severity: message [code]``."""
    for diagnostic in diagnostics:
        click.echo(str(diagnostic), err=True)


def load_or_exit(path, options=None):
    from roadmap.loader import load_plan

    try:
        return load_plan(path, options)
    except PlanError as error:
        report(error.diagnostics)
        raise SystemExit(1) from None


def schedule_or_exit(plan, status_date=None):
    from roadmap.scheduler import schedule

    try:
        return schedule(plan, status_date)
    except PlanError as error:
        report(error.diagnostics)
        raise SystemExit(1) from None


plan_argument = click.argument("plan", type=click.Path(exists=True, dir_okay=False))


@cli.command()
@plan_argument
def check(plan):
    """Check PLAN and report every problem as file:line: error: ...

    Exit status 0 when the plan is clean or has only warnings, 1 on errors.

    \b
    Example:
      roadmap check examples/plettenberg.yaml
    """
    loaded = load_or_exit(plan)
    result = schedule_or_exit(loaded)
    report(result.diagnostics)
    warnings = sum(d.severity == "warning" for d in result.diagnostics)
    click.echo(f"{plan}: ok, {len(result.packages)} packages, "
               f"{result.start.isoformat()} .. {result.finish.isoformat()}"
               + (f", {warnings} warning(s)" if warnings else ""))


@cli.command("schedule")
@plan_argument
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table",
              show_default=True, help="table for reading, csv for spreadsheets, json as in the contract")
@click.option("--lang", type=click.Choice(["de", "en"]), default=None,
              help="Language of names and headers (default: the plan's language).")
@click.option("--status-date", callback=parse_date_option, help="Status date (YYYY-MM-DD or TT.MM.JJJJ).")
def schedule_command(plan, fmt, lang, status_date):
    """Schedule PLAN and print the dates of every work package.

    \b
    Examples:
      roadmap schedule examples/plettenberg.yaml
      roadmap schedule examples/soest.yaml --format json > soest.json
    """
    from roadmap.report import csv_text, table_text

    loaded = load_or_exit(plan)
    if lang:
        loaded = dataclasses.replace(loaded, project=dataclasses.replace(loaded.project, language=lang))
    result = schedule_or_exit(loaded, status_date)
    if fmt == "json":
        click.echo(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
    elif fmt == "csv":
        click.echo(csv_text(result), nl=False)
    else:
        click.echo(table_text(result))
    report(result.diagnostics)


# ---- commands: build (Excel plan + HTML Gantt) ------------------------------------


# ---- commands: templates, new (template library) -----------------------------------


def main():
    try:
        cli()
    except Exception as error:  # a bug must still not greet the user with a traceback
        click.echo(f"Error: unexpected {type(error).__name__}: {error}. "
                   "Please report this with the plan file.", err=True)
        raise SystemExit(1) from None

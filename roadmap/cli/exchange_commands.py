"""``roadmap export``, ``roadmap import`` and ``roadmap oparl``: plans and council calendars to
and from other tools."""
from __future__ import annotations

import dataclasses

import click

from roadmap.cli.app import (FILE_PATH, HELP_LANGUAGE, cli, fail, level_option, load_or_exit, report, say,
                             schedule_or_exit, status_date_option)
from roadmap.exchange import FORMATS as EXPORT_FORMATS  # cheap: no renderer is loaded
from roadmap.text import t
from roadmap.text.messages import Message, choose_language


def _export_help() -> str:
    """``roadmap export --help``, with the formats listed from the registry."""
    import textwrap

    from roadmap.text import t as text

    lines = []
    for name, spec in EXPORT_FORMATS.items():
        wrapped = textwrap.wrap(text(spec.help_key or spec.label_key, HELP_LANGUAGE), 70)
        lines += [f"  {name:<7} {wrapped[0]}"] + [f"  {'':<7} {line}" for line in wrapped[1:]]
    formats = "\n    ".join(lines)
    return t("help.export", HELP_LANGUAGE, formats=formats)


@cli.command("export", help=_export_help())
@click.argument("plan", type=FILE_PATH)
@click.option("--format", "fmt", type=click.Choice(list(EXPORT_FORMATS)), default=None,
              help=t("help.export.format", HELP_LANGUAGE))
@click.option("-o", "--out", "out", default=None, metavar="FILE",
              help=t("help.export.out", HELP_LANGUAGE))
@click.option("--all", "all_packages", is_flag=True,
              help=t("help.export.all", HELP_LANGUAGE))
@click.option("--lang", type=click.Choice(["de", "en"]), default=None,
              help=t("help.export.lang", HELP_LANGUAGE))
@status_date_option
@level_option
def export_command(plan, fmt, out, all_packages, lang, status_date, level):
    from pathlib import Path

    from roadmap.exchange import ExportOptions, export
    from roadmap.output import OutputError
    from roadmap.text import t as text

    if fmt is None:
        suffix = Path(out).suffix.lower() if out else ""
        fmt = next((name for name, spec in EXPORT_FORMATS.items() if spec.suffix == suffix), None)
        if fmt is None:
            fail(Message("export.no-format", formats=", ".join(EXPORT_FORMATS)), choose_language(lang))
    loaded = load_or_exit(plan, lang=lang)
    if lang:
        loaded = dataclasses.replace(loaded, project=dataclasses.replace(loaded.project, language=lang))
    result = schedule_or_exit(loaded, status_date, lang, level)
    message_lang = choose_language(lang, result.language)
    report(result.diagnostics, message_lang)
    spec = EXPORT_FORMATS[fmt]
    target = out or Path(plan).stem + spec.suffix
    options = ExportOptions(language=result.language, all_packages=all_packages, plan=loaded)
    try:
        path, rendered = export(result, fmt, target, options, inputs=[plan])
    except OutputError as error:
        fail(error, message_lang)
    say(text("export.written", message_lang, path=path, format=text(spec.label_key, message_lang),
             what=rendered.summary or ""))


@cli.command("oparl", help=t("help.oparl", HELP_LANGUAGE))
@click.argument("url")
@click.option("--organization", "--gremium", "organizations", multiple=True, metavar="NAME|URL",
              help=t("help.oparl.organization", HELP_LANGUAGE))
@click.option("-o", "--out", "out", default=None, metavar="FILE",
              help=t("help.oparl.out", HELP_LANGUAGE))
@click.option("--refresh", is_flag=True,
              help=t("help.oparl.refresh", HELP_LANGUAGE))
@click.option("--all", "show_all", is_flag=True,
              help=t("help.oparl.all", HELP_LANGUAGE))
@click.option("--lang", type=click.Choice(["de", "en"]), default=None,
              help=t("help.oparl.lang", HELP_LANGUAGE))
def oparl_command(url, organizations, out, refresh, show_all, lang):
    from pathlib import Path

    from roadmap.exchange import oparl
    from roadmap.output import OutputError, atomic_write

    lang = choose_language(lang)
    client = oparl.Client(progress=lambda message: say(message.render(lang), err=True))
    try:
        info = oparl.discover(client, url)
        if not organizations:
            say(oparl.organization_listing(info, url, show_all, lang))
            return
        chosen = []
        for wanted in organizations:
            organization = oparl.find_organization(info, wanted)
            if organization not in chosen:
                chosen.append(organization)
        target = out or oparl.ics_name(chosen[0])
        oparl.refuse_non_calendar(target)
        if refresh and info.version == "1.0":
            say(Message("oparl.full-reload", version=info.version).render(lang), err=True)
        imported = oparl.import_meetings(client, info, chosen, refresh_from=target if refresh else None)
        if refresh and info.version != "1.0" and imported.since is None:
            say(Message("oparl.no-previous", path=target).render(lang), err=True)
        data = imported.calendar.to_ical()
        atomic_write(target, lambda temp: Path(temp).write_bytes(data))
    except (oparl.OParlError, OutputError) as error:
        fail(error, lang)
    say(oparl.import_summary(imported, target, lang))


@cli.command("import", help=t("help.import", HELP_LANGUAGE))
@click.argument("source", type=FILE_PATH)
@click.option("-o", "--out", "out", default=None, metavar="FILE",
              help=t("help.import.out", HELP_LANGUAGE))
@click.option("--state", default=None, metavar="LAND",
              help=t("help.import.state", HELP_LANGUAGE))
@click.option("--lang", type=click.Choice(["de", "en"]), default=None,
              help=t("help.import.lang", HELP_LANGUAGE))
@click.option("--force", is_flag=True, help=t("help.import.force", HELP_LANGUAGE))
def import_command(source, out, state, lang, force):
    from pathlib import Path

    from roadmap.exchange.mspdi import MspdiError, read_mspdi_file
    from roadmap.output import OutputError, atomic_write_text

    language = choose_language(lang)
    if out and Path(out).exists() and not force:
        fail(Message("mspdi.exists", path=out), language)
    try:
        result = read_mspdi_file(source, state=state, language=lang or "de")
    except MspdiError as error:
        fail(error, language)
    for warning in result.warnings:
        say(f"{source}: warning: {warning.render(language)}", err=True)
    if out is None:
        say(result.text, nl=False)
        return
    try:
        atomic_write_text(out, result.text, inputs=[source])
    except OutputError as error:
        fail(error, language)
    say(Message("mspdi.import-written", path=out, count=result.packages, state=result.state).render(language))

"""``roadmap export`` and ``roadmap oparl``: plans and council calendars to and from other tools."""
from __future__ import annotations

import dataclasses
import datetime as dt

import click

from roadmap.cli.app import HELP_LANGUAGE, cli, fail, load_or_exit, report, schedule_or_exit, status_date_option
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
@click.argument("plan", type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(list(EXPORT_FORMATS)), default=None,
              help=t("help.export.format", HELP_LANGUAGE))
@click.option("-o", "--out", "out", default=None, metavar="FILE",
              help=t("help.export.out", HELP_LANGUAGE))
@click.option("--all", "all_packages", is_flag=True,
              help=t("help.export.all", HELP_LANGUAGE))
@click.option("--lang", type=click.Choice(["de", "en"]), default=None,
              help=t("help.export.lang", HELP_LANGUAGE))
@status_date_option
def export_command(plan, fmt, out, all_packages, lang, status_date):
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
    result = schedule_or_exit(loaded, status_date, lang)
    message_lang = choose_language(lang, result.language)
    report(result.diagnostics, message_lang)
    spec = EXPORT_FORMATS[fmt]
    target = out or Path(plan).stem + spec.suffix
    options = ExportOptions(language=result.language, all_packages=all_packages, plan=loaded)
    try:
        path, rendered = export(result, fmt, target, options, inputs=[plan])
    except OutputError as error:
        fail(error, message_lang)
    click.echo(text("export.written", message_lang, path=path, format=text(spec.label_key, message_lang),
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
    client = oparl.Client(progress=lambda message: click.echo(message.render(lang), err=True))
    try:
        info = oparl.discover(client, url)
        if not organizations:
            click.echo(_oparl_listing(info, url, show_all, lang))
            return
        chosen = []
        for wanted in organizations:
            organization = oparl.find_organization(info, wanted)
            if organization not in chosen:
                chosen.append(organization)
        target = out or _ics_name(chosen[0])
        _refuse_non_calendar(target)
        if refresh and info.version == "1.0":
            click.echo(Message("oparl.full-reload", version=info.version).render(lang), err=True)
        imported = oparl.import_meetings(client, info, chosen, refresh_from=target if refresh else None)
        if refresh and info.version != "1.0" and imported.since is None:
            click.echo(Message("oparl.no-previous", path=target).render(lang), err=True)
        data = imported.calendar.to_ical()
        atomic_write(target, lambda temp: Path(temp).write_bytes(data))
    except (oparl.OParlError, OutputError) as error:
        fail(error, lang)
    click.echo("\n".join(_oparl_summary(imported, target, lang)))


def _refuse_non_calendar(target) -> None:
    """``-o fahrplan.yaml`` by mistake must not replace the plan: only a missing file or
    an iCalendar file is overwritten."""
    from pathlib import Path

    from roadmap.output import OutputError

    path = Path(target)
    if path.is_file():
        with path.open("rb") as handle:
            head = handle.read(64).lstrip(b"\xef\xbb\xbf \t\r\n").upper()
        if not head.startswith(b"BEGIN:VCALENDAR"):
            raise OutputError(Message("oparl.not-a-calendar", target=target))


def _ics_name(organization) -> str:
    from roadmap.exchange.ics_export import slug

    return slug(organization.short_name or organization.name) + ".ics"


def _oparl_listing(info, url: str, show_all: bool, lang: str) -> str:
    """The bodies of an OParl system with their committees, as a table to pick from."""
    lines = [Message("oparl.system", version=info.version or "?", name=info.name).render(lang)]
    example = None
    for body in info.bodies:
        lines.append(Message("oparl.body", name=body.name).render(lang))
        shown = [o for o in body.organizations if show_all or o.is_gremium]
        others = [o for o in body.organizations if o not in shown]
        key = "oparl.all-organizations" if show_all else "oparl.gremien"
        lines.append(Message(key, count=len(shown)).render(lang))
        rows = []
        for o in shown:
            until = Message("oparl.until", date=_iso_day(o.end_date)).render(lang) if o.end_date else ""
            kind = o.classification or (o.organization_type if show_all else "")
            rows.append([o.name, o.short_name, kind, until, o.id])
            if example is None and not o.ended:
                example = o
        if rows:
            widths = [min(max(len(r[i]) for r in rows), 50) for i in range(4)]
            for row in rows:
                cells = [row[i].ljust(widths[i]) for i in range(4)] + [row[4]]
                lines.append("    " + "  ".join(cells).rstrip())
        if others:
            types = ", ".join(sorted({o.organization_type or "?" for o in others}))
            lines.append(Message("oparl.others", count=len(others), types=types).render(lang))
    if example is not None:
        lines.append(Message("oparl.next").render(lang))
        lines.append(f'  roadmap oparl {url} --organization "{example.name}" -o {_ics_name(example)}')
    return "\n".join(lines)


def _iso_day(text: str):
    """An OParl date (``2020-10-31``) as a date, so it prints as 31.10.2020; else the text."""
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return text


def _oparl_summary(imported, target: str, lang: str) -> list[str]:
    import json
    import re

    from roadmap.exchange.ics_export import slug

    names = ", ".join(o.name for o in imported.organizations)
    span = Message("oparl.span", first=imported.first, last=imported.last) if imported.first else ""
    lines = [Message("oparl.written", path=target, count=imported.events, names=names, span=span).render(lang)]
    if imported.since is not None:
        lines.append(Message("oparl.refreshed", since=imported.since.date(), changed=imported.changed,
                             removed=imported.removed).render(lang))
    if imported.cancelled or imported.undated:
        lines.append(Message("oparl.dropped", cancelled=imported.cancelled, undated=imported.undated).render(lang))
    if not imported.events:
        lines.append(Message("oparl.none").render(lang))
    lines.append(Message("oparl.hint").render(lang))
    for organization in imported.organizations:
        body_id = slug(organization.short_name or organization.name).replace("-", "_")[:20].strip("_") or "gremium"
        lines.append(f"  {body_id}:")
        lines.append(f"    name: {json.dumps(organization.name, ensure_ascii=False)}")
        lines.append(f"    sessions_ics: {json.dumps(str(target), ensure_ascii=False)}")
        if len(imported.organizations) > 1:
            pattern = "^" + re.sub(r"([.^$*+?{}\[\]\\|()])", r"\\\1", organization.name) + "$"
            lines.append("    match: '" + pattern.replace("'", "''") + "'")
    return lines



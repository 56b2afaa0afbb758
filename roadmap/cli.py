"""The ``roadmap`` command line: a thin layer over the library.

Messages (diagnostics, errors, summaries) are German by default and English with
``--lang en`` or ``ROADMAP_LANG=en``; without either, a plan with ``language: en`` gets
English messages (see :func:`roadmap.messages.choose_language`). ``ROADMAP_LANG`` never
changes the language of the files written; ``--lang`` of schedule/build/new does.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import json

import click

from roadmap.plan.diagnostics import PlanError
from roadmap.text import format_date
from roadmap.text.messages import Message, choose_language, render

#: ``--help`` is printed before any option is read, so its language is ROADMAP_LANG or
#: German. (click's own words, "Usage:" and "Options:", stay English.)
HELP_LANGUAGE = choose_language()


def t(german: str, english: str) -> str:
    """A help text in HELP_LANGUAGE."""
    return english if HELP_LANGUAGE == "en" else german


class _Command(click.Command):
    """A command whose --help option speaks HELP_LANGUAGE too."""

    def get_help_option(self, ctx):
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = t("Diese Hilfe zeigen und beenden.", "Show this message and exit.")
        return option


class _Group(_Command, click.Group):
    command_class = _Command


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]},
             help=t("Smart-City-Fahrplan: Arbeitspakete planen, auf Arbeitstage und Ratssitzungen "
                    "terminieren, als Excel-Plan und HTML-Gantt ausgeben. Englisch: ROADMAP_LANG=en.",
                    "Smart city roadmap: plan work packages, schedule them on working days and council "
                    "sessions, write an Excel plan and an HTML Gantt."))
@click.version_option(package_name="roadmap", help=t("Version zeigen und beenden.", "Show the version and exit."))
def cli():
    pass


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


def schedule_or_exit(plan, status_date=None, lang: str | None = None):
    from roadmap.engine.scheduler import schedule

    try:
        return schedule(plan, status_date)
    except PlanError as error:
        report(error.diagnostics, choose_language(lang, plan.project.language))
        raise SystemExit(1) from None


plan_argument = click.argument("plan", type=click.Path(exists=True, dir_okay=False))


LANG_HELP = t("Sprache der Meldungen (Standard: ROADMAP_LANG, sonst die des Plans, sonst de).",
              "Language of the messages (default: ROADMAP_LANG, else the plan's language, else de).")
STATUS_HELP = t("Stichtag (Stand), JJJJ-MM-TT oder TT.MM.JJJJ; Standard: der des Plans, sonst heute.",
                "Status date (Stand), YYYY-MM-DD or TT.MM.JJJJ; default: the plan's, else today.")


@cli.command(help=t("""Prüft PLAN und meldet jedes Problem als Datei:Zeile: error: ...

    Exit-Status 0, wenn der Plan in Ordnung ist oder nur Warnungen hat, 1 bei Fehlern.

    \b
    Beispiel:
      roadmap check examples/plettenberg.yaml
    """, """Check PLAN and report every problem as file:line: error: ...

    Exit status 0 when the plan is clean or has only warnings, 1 on errors.

    \b
    Example:
      roadmap check examples/plettenberg.yaml
    """))
@plan_argument
@click.option("--lang", type=click.Choice(["de", "en"]), default=None, help=LANG_HELP)
def check(plan, lang):
    loaded = load_or_exit(plan, lang=lang)
    result = schedule_or_exit(loaded, lang=lang)
    lang = choose_language(lang, result.language)
    report(result.diagnostics, lang)
    warnings = sum(d.severity == "warning" for d in result.diagnostics)
    span = f"{format_date(result.start, lang)} – {format_date(result.finish, lang)}"
    click.echo(Message("cli.check-ok", plan=plan, count=len(result.packages), span=span).render(lang)
               + (Message("cli.warnings", count=warnings).render(lang) if warnings else ""))


@cli.command("schedule", help=t("""Terminiert PLAN und zeigt die Termine aller Arbeitspakete.

    \b
    Beispiele:
      roadmap schedule examples/plettenberg.yaml
      roadmap schedule examples/soest.yaml --format json > soest.json
    """, """Schedule PLAN and print the dates of every work package.

    \b
    Examples:
      roadmap schedule examples/plettenberg.yaml
      roadmap schedule examples/soest.yaml --format json > soest.json
    """))
@plan_argument
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "csv-en", "json"]), default="table",
              show_default=True, help=t("table zum Lesen, csv für Excel (deutsch: ; und TT.MM.JJJJ), csv-en für "
                                        "Skripte (Komma, ISO-Datum), json wie im Formatvertrag",
                                        "table for reading, csv for Excel (German plans: ; and TT.MM.JJJJ), "
                                        "csv-en for scripts (commas, ISO dates), json as in the contract"))
@click.option("--lang", type=click.Choice(["de", "en"]), default=None,
              help=t("Sprache der Namen, Überschriften und Meldungen (Standard: die des Plans).",
                     "Language of names, headers and messages (default: the plan's language)."))
@click.option("--status-date", callback=parse_date_option, help=STATUS_HELP)
def schedule_command(plan, fmt, lang, status_date):
    from roadmap.exchange.tabular import csv_for, csv_text, table_text

    loaded = load_or_exit(plan, lang=lang)
    if lang:
        loaded = dataclasses.replace(loaded, project=dataclasses.replace(loaded.project, language=lang))
    result = schedule_or_exit(loaded, status_date, lang)
    if fmt == "json":
        click.echo(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
    elif fmt == "csv-en" or (fmt == "csv" and result.language == "en"):
        click.echo(csv_text(result), nl=False)
    elif fmt == "csv":  # German Excel: bytes, so the BOM, CRLF and umlauts reach the file unchanged
        click.echo(csv_for(result, fmt), nl=False)
    else:
        click.echo(table_text(result))
    report(result.diagnostics, choose_language(lang, result.language))


# ---- commands: build (Excel plan + HTML Gantt) ------------------------------------


@cli.command("build", help=t("""Terminiert PLAN und schreibt DIR/<name>.xlsx (Excel-Plan) und DIR/<name>.html (Gantt).

    Ohne PLAN entsteht der eingebaute Standard-Fahrplan (Name 'kickoff'). Beide Dateien
    beruhen auf demselben Zeitplan. Ausgegeben werden Laufzeit, kritischer Pfad und die
    Ratsbeschlüsse mit ihren Sitzungsterminen.

    \b
    Beispiele:
      roadmap build examples/plettenberg.yaml -o ausgabe
      roadmap build --status-date 01.03.2027
    """, """Schedule PLAN and write DIR/<name>.xlsx (Excel plan) and DIR/<name>.html (Gantt).

    Without PLAN, builds the built-in default kickoff roadmap (name 'kickoff').
    Both files come from the same schedule. Prints the span, the critical path and
    the council decisions with their session dates.

    \b
    Examples:
      roadmap build examples/plettenberg.yaml -o ausgabe
      roadmap build --status-date 01.03.2027
    """))
@click.argument("plan", required=False, type=click.Path(exists=True, dir_okay=False))
@click.option("-o", "--out", "out_dir", default="roadmap-out", show_default=True,
              type=click.Path(file_okay=False),
              help=t("Ordner für Excel-Plan und HTML-Gantt.", "Folder for the Excel plan and the HTML Gantt."))
@click.option("--lang", type=click.Choice(["de", "en"]), default=None,
              help=t("Sprache von Tabellenblättern, Diagramm und Ausgabe (Standard: die des Plans).",
                     "Language of sheets, chart and summary (default: the plan's language)."))
@click.option("--status-date", callback=parse_date_option, help=STATUS_HELP)
def build_command(plan, out_dir, lang, status_date):
    from roadmap.build import build, summary_lines
    from roadmap.output import OutputError

    try:
        result = build(plan, out_dir, language=lang, status_date=status_date)
    except PlanError as error:
        report(error.diagnostics, choose_language(lang, error.language))
        raise SystemExit(1) from None
    except OutputError as error:
        raise click.ClickException(render(error, choose_language(lang))) from None
    click.echo("\n".join(summary_lines(result, choose_language(lang, result.schedule.language))))


# ---- commands: templates, new (template library) -----------------------------------


#: Words of the two template commands; they talk to project managers who may never have
#: used a command line before.
NEW_WORDS = {
    "de": {
        "options": "Optionen", "default": "Standard",
        "town": "Name der Stadt oder Gemeinde", "state": "Bundesland (Kürzel, z. B. NW)",
        "start": "Starttermin (TT.MM.JJJJ)", "choose": "Auswahl (Nummer)",
        "written": "Plan geschrieben: {file} ({count} Arbeitspakete, Start {start}).",
        "next": "Weiter: roadmap check {file}  ·  roadmap schedule {file}",
        "bad_number": "Bitte eine Nummer von 1 bis {n} eingeben.",
    },
    "en": {
        "options": "Options", "default": "default",
        "town": "Name of the town", "state": "German Land (code, e.g. NW)",
        "start": "Start date (YYYY-MM-DD)", "choose": "Choice (number)",
        "written": "Plan written: {file} ({count} work packages, start {start}).",
        "next": "Next: roadmap check {file}  ·  roadmap schedule {file}",
        "bad_number": "Please enter a number from 1 to {n}.",
    },
}


def _template_error(error, lang: str) -> click.ClickException:
    return click.ClickException(render(error, lang))


@cli.command("templates", help=t("""Listet die eingebauten Vorlagen mit ihren Optionen.

    \b
    Beispiel:
      roadmap templates --lang en
    """, """List the built-in plan templates with their options.

    \b
    Example:
      roadmap templates --lang en
    """))
@click.option("--lang", type=click.Choice(["de", "en"]), default=None,
              help=t("Sprache der Namen und Beschreibungen (Standard: ROADMAP_LANG, sonst de).",
                     "Language of names and descriptions (default: ROADMAP_LANG, else de)."))
def templates_command(lang):
    import textwrap

    from roadmap.templates.library import TemplateError, list_templates

    lang = choose_language(lang)
    words = NEW_WORDS[lang]
    try:
        infos = list_templates()
    except TemplateError as error:
        raise _template_error(error, lang) from None
    for number, info in enumerate(infos):
        if number:
            click.echo("")
        click.echo(f"{info.id} – {info.name.get(lang)}")
        for line in textwrap.wrap(info.description.get(lang), 86):
            click.echo(f"  {line}")
        click.echo(f"  {words['options']}:")
        for spec in info.options:
            click.echo(f"    {spec.key} – {spec.name.get(lang)}")
            width = max(len(value) for value, _ in spec.choices)
            for value, label in spec.choices:
                mark = f"  ({words['default']})" if value == spec.default else ""
                click.echo(f"      {value.ljust(width)}  {label.get(lang)}{mark}")


def _ask_choice(spec, lang: str) -> str:
    """Ask for one option as a numbered list; the template's default is preselected."""
    words = NEW_WORDS[lang]
    values = [value for value, _ in spec.choices]
    click.echo(f"{spec.name.get(lang)}:")
    for number, (value, label) in enumerate(spec.choices, 1):
        click.echo(f"  {number}) {label.get(lang)} [{value}]")

    def to_value(text):
        text = str(text).strip()
        if text in values:
            return text
        if text.isdigit() and 1 <= int(text) <= len(values):
            return values[int(text) - 1]
        raise click.BadParameter(words["bad_number"].format(n=len(values)))

    answer = click.prompt(words["choose"], default=str(values.index(spec.default) + 1),
                          value_proc=to_value)
    return to_value(answer)


@cli.command("new", help=t("""Schreibt einen neuen Plan PLAN aus einer Vorlage, fertig zum Bearbeiten.

    Was nicht als Option angegeben ist, wird im Terminal abgefragt; sonst gelten die
    Vorgaben der Vorlage. Die Sitzungstermine im neuen Plan sind Beispiele: ersetzen Sie
    sie durch den echten Sitzungskalender Ihrer Kommune (sessions_ics).

    \b
    Beispiele:
      roadmap new fahrplan.yaml
      roadmap new fahrplan.yaml --town Plettenberg --start 11.01.2027 --option funding=own_budget
    """, """Write a new plan PLAN from a template, ready to edit.

    Values not given as options are asked for when you type in a terminal; otherwise the
    template's defaults are used. The council session dates in the new plan are samples:
    replace them with your town's real calendar (sessions_ics).

    \b
    Examples:
      roadmap new fahrplan.yaml
      roadmap new fahrplan.yaml --town Plettenberg --start 2027-01-11 --option funding=own_budget
    """))
@click.argument("plan", type=click.Path(dir_okay=False))
@click.option("--template", "template_id", default="kickoff", show_default=True,
              help=t("Vorlage (siehe 'roadmap templates').", "Template to start from (see 'roadmap templates')."))
@click.option("--town", help=t("Name der Stadt oder Gemeinde.", "Name of the town or municipality."))
@click.option("--state", help=t("Bundesland-Kürzel für die Feiertage, z. B. NW.", "German Land code for holidays, e.g. NW."))
@click.option("--start", "start", help=t("Starttermin (TT.MM.JJJJ oder JJJJ-MM-TT).", "Start date (YYYY-MM-DD or TT.MM.JJJJ)."))
@click.option("--option", "option_pairs", multiple=True, metavar="KEY=VALUE",
              help=t("Option der Vorlage, z. B. --option funding=own_budget (mehrfach möglich).",
                     "Template option, e.g. --option funding=own_budget (repeatable)."))
@click.option("--lang", type=click.Choice(["de", "en"]), default=None,
              help=t("Sprache von Fragen, Kommentaren und Ausgaben des Plans (Standard: de; "
                     "ROADMAP_LANG ändert nur Fragen und Meldungen).",
                     "Language of questions, comments and the plan's outputs (default: de; "
                     "ROADMAP_LANG changes only the questions and messages)."))
@click.option("--force", is_flag=True, help=t("PLAN überschreiben, wenn es ihn schon gibt.", "Overwrite PLAN if it exists."))
@click.option("--interactive/--no-interactive", default=None,
              help=t("Fehlende Angaben abfragen (Standard: nur bei Eingabe im Terminal).",
                     "Ask for missing values (default: only when typing in a terminal)."))
def new_command(plan, template_id, town, state, start, option_pairs, lang, force, interactive):
    import sys
    from pathlib import Path

    from roadmap.templates import library as templating
    from roadmap.text import format_date
    from roadmap.plan.loader import active_packages, parse_plan

    plan_language = lang or "de"  # the written plan; ROADMAP_LANG changes only what we say
    lang = choose_language(lang)
    words = NEW_WORDS[lang]
    if Path(plan).exists() and not force:
        raise click.ClickException(Message("template.exists", path=plan).render(lang))
    if interactive is None:
        interactive = sys.stdin.isatty()
    try:
        info = templating.load_template(template_id)
        given = templating.parse_option_args(option_pairs)
        templating.apply_options(info, given)  # check the given values before asking more
        state = templating.check_state(state) if state else None
        start = templating.parse_start(start) if start else None
    except templating.TemplateError as error:
        raise _template_error(error, lang) from None

    def checked(function):
        def proc(text):
            try:
                return function(text)
            except templating.TemplateError as error:
                raise click.BadParameter(render(error, lang)) from None
        return proc

    if interactive:
        if town is None:
            town = click.prompt(words["town"], default=templating.DEFAULT_TOWN).strip()
        if state is None:
            state = click.prompt(words["state"], default=templating.DEFAULT_STATE,
                                 value_proc=checked(templating.check_state))
        if start is None:
            start = click.prompt(words["start"], value_proc=checked(templating.parse_start),
                                 default=format_date(templating.default_start(), lang))
        for spec in info.options:
            if spec.key not in given:
                given[spec.key] = _ask_choice(spec, lang)
    try:
        text = templating.plan_text(template_id, town=town or templating.DEFAULT_TOWN,
                                    state=state or templating.DEFAULT_STATE,
                                    start=start or templating.default_start(),
                                    options=given, language=plan_language, file_name=plan)
        written = parse_plan(text, plan, Path(plan).parent)
        templating.write_plan(plan, text, force=force)
    except templating.TemplateError as error:
        raise _template_error(error, lang) from None
    except PlanError as error:  # a template bug, not the user's: say where
        report(error.diagnostics, lang)
        raise SystemExit(1) from None
    click.echo(words["written"].format(file=plan, count=len(active_packages(written)),
                                       start=format_date(written.project.start, lang)))
    click.echo(templating.SESSIONS_WARNING[lang].format(file=plan), err=True)
    click.echo(words["next"].format(file=plan))


# ---- commands: export, oparl (exchange with other tools) ------------------------------
# Self-contained: they use only the helpers above (t, load_or_exit, schedule_or_exit,
# report, parse_date_option, plan_argument-like arguments) and roadmap.exchange.

from roadmap.exchange import FORMATS as EXPORT_FORMATS  # noqa: E402  (cheap: no renderer loaded)


def _fail(error, lang: str) -> None:
    """One sentence (a catalog message or an error carrying one) on stderr, exit status 1."""
    click.echo(render(error, lang), err=True)
    raise SystemExit(1)


def _export_help() -> str:
    """``roadmap export --help``, with the formats listed from the registry."""
    import textwrap

    from roadmap.text import t as text

    lines = []
    for name, spec in EXPORT_FORMATS.items():
        wrapped = textwrap.wrap(text(spec.help_key or spec.label_key, HELP_LANGUAGE), 70)
        lines += [f"  {name:<7} {wrapped[0]}"] + [f"  {'':<7} {line}" for line in wrapped[1:]]
    formats = "\n    ".join(lines)
    return t(f"""Terminiert PLAN und schreibt ihn in ein Format anderer Werkzeuge.

    \b
    Formate:
    {formats}

    Ohne --format gilt die Endung von -o; ohne -o entsteht <Planname>.<Endung>.

    \b
    Beispiele:
      roadmap export examples/plettenberg.yaml --format ics -o termine.ics
      roadmap export examples/plettenberg.yaml -o plan.csv
    """, f"""Schedule PLAN and write it in another tool's format.

    \b
    Formats:
    {formats}

    Without --format, the suffix of -o decides; without -o, writes <plan name>.<suffix>.

    \b
    Examples:
      roadmap export examples/plettenberg.yaml --format ics -o termine.ics
      roadmap export examples/plettenberg.yaml -o plan.csv
    """)


@cli.command("export", help=_export_help())
@click.argument("plan", type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(list(EXPORT_FORMATS)), default=None,
              help=t("Zielformat (Standard: nach der Endung von -o).", "Target format (default: from the suffix of -o)."))
@click.option("-o", "--out", "out", default=None, metavar="FILE",
              help=t("Ausgabedatei (Standard: <Planname>.<Endung> im aktuellen Ordner).",
                     "Output file (default: <plan name>.<suffix> in the current folder)."))
@click.option("--all", "all_packages", is_flag=True,
              help=t("ics: auch Beginn und Ende jedes Arbeitspakets.", "ics: also every work package's start and finish."))
@click.option("--lang", type=click.Choice(["de", "en"]), default=None,
              help=t("Sprache der Texte in der Datei und der Meldungen (Standard: die des Plans).",
                     "Language of the texts in the file and of the messages (default: the plan's)."))
@click.option("--status-date", callback=parse_date_option, help=STATUS_HELP)
def export_command(plan, fmt, out, all_packages, lang, status_date):
    from pathlib import Path

    from roadmap.exchange import ExportOptions, export
    from roadmap.output import OutputError
    from roadmap.text import t as text

    if fmt is None:
        suffix = Path(out).suffix.lower() if out else ""
        fmt = next((name for name, spec in EXPORT_FORMATS.items() if spec.suffix == suffix), None)
        if fmt is None:
            _fail(Message("export.no-format", formats=", ".join(EXPORT_FORMATS)), choose_language(lang))
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
        _fail(error, message_lang)
    click.echo(text("export.written", message_lang, path=path, format=text(spec.label_key, message_lang),
                    what=rendered.summary or ""))


@cli.command("oparl", help=t("""Liest Gremien und Sitzungstermine aus einem Ratsinformationssystem (OParl).

    Ohne --organization: listet die Körperschaften und ihre Gremien. Mit --organization:
    schreibt die Sitzungen dieses Gremiums (mehrfach möglich) als iCalendar-Datei, die
    ein Plan mit 'sessions_ics:' liest; abgesagte und gelöschte Sitzungen fehlen. Danach
    arbeitet der Plan ohne Internet. --refresh lädt nur, was sich seit dem letzten Abruf
    geändert hat (OParl 1.1).

    \b
    Beispiele:
      roadmap oparl https://ris.beispielstadt.de/oparl/v1/system
      roadmap oparl https://ris.beispielstadt.de/oparl/v1/system --organization "Rat der Stadt" -o rat.ics
      roadmap oparl https://ris.beispielstadt.de/oparl/v1/system --organization "Rat der Stadt" -o rat.ics --refresh
    """, """Read committees and session dates from a council information system (OParl).

    Without --organization: lists the bodies and their committees. With --organization:
    writes that committee's meetings (repeatable) as an iCalendar file that a plan reads
    with 'sessions_ics:'; cancelled and deleted meetings are left out. The plan then
    works offline. --refresh loads only what changed since the last download (OParl 1.1).

    \b
    Examples:
      roadmap oparl https://ris.example.org/oparl/v1/system
      roadmap oparl https://ris.example.org/oparl/v1/system --organization "Rat der Stadt" -o rat.ics
    """))
@click.argument("url")
@click.option("--organization", "--gremium", "organizations", multiple=True, metavar="NAME|URL",
              help=t("Gremium nach Name, Kurzname oder Adresse (mehrfach möglich).",
                     "Committee by name, short name or address (repeatable)."))
@click.option("-o", "--out", "out", default=None, metavar="FILE",
              help=t("iCalendar-Datei (Standard: <Gremium>.ics).", "iCalendar file (default: <committee>.ics)."))
@click.option("--refresh", is_flag=True,
              help=t("Nur Änderungen seit dem letzten Abruf in -o laden (OParl 1.1: modified_since).",
                     "Load only the changes since the last download into -o (OParl 1.1: modified_since)."))
@click.option("--all", "show_all", is_flag=True,
              help=t("Beim Auflisten auch Fraktionen, Parteien und andere Organisationen zeigen.",
                     "When listing, also show parties, groups and other organisations."))
@click.option("--lang", type=click.Choice(["de", "en"]), default=None,
              help=t("Sprache der Meldungen (Standard: ROADMAP_LANG, sonst de).",
                     "Language of the messages (default: ROADMAP_LANG, else de)."))
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
        _fail(error, lang)
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


def main():
    try:
        cli()
    except Exception as error:  # a bug must still not greet the user with a traceback
        message = Message("cli.unexpected", kind=type(error).__name__, error=error)
        click.echo(message.render(choose_language()), err=True)
        raise SystemExit(1) from None

"""docs/templates.md, generated from the templates: ``python -m roadmap.templates.docs``.

The page lists every template's options, bodies and work packages with the facts behind
each duration (the comment above the package in the YAML), and a table of every lesson of
the seeds: the packages whose ``source`` cites it, the options and rules that carry it, and
the lessons left out with the reason (:mod:`roadmap.templates.lessons`). ``--check`` fails
when the committed page differs from what the templates say; a test runs the same comparison.
"""
from __future__ import annotations

import argparse
import re
from pathlib import Path

from roadmap.engine.result import format_link
from roadmap.plan.loader import parse_plan
from roadmap.plan.yamlio import load_plain
from roadmap.templates.laender import fill, land_profile
from roadmap.templates.lessons import CARRIED, LEFT_OUT
from roadmap.templates.library import DEFAULT_STATE, list_templates
from roadmap.templates.newplan import write_plan

DOCS_PATH = Path("docs") / "templates.md"
COMMAND = "python -m roadmap.templates.docs"


def cell(text) -> str:
    """Text for a Markdown table cell: pipes escaped, no line breaks."""
    return str(text).replace("|", "\\|").replace("\n", " ")


def _package_comments(text: str) -> dict[str, str]:
    """The comment lines directly above each ``- id: ...`` of a template (the facts behind
    its duration), section rulers (``# ----``) left out."""
    lines, found = text.splitlines(), {}
    for number, line in enumerate(lines):
        match = re.match(r"^\s*- id: ([a-z0-9_-]+)", line)
        if not match:
            continue
        above = []
        for previous in reversed(lines[:number]):
            stripped = previous.strip()
            if not stripped.startswith("#") or stripped.startswith("# ----"):
                break
            above.insert(0, stripped.lstrip("# "))
        found[match.group(1)] = " ".join(above)
    return found


def _number(value) -> str:
    return f"{value:g}".replace(".", ",")


def _capacity(raw) -> str:
    """A role's ``capacity`` as written: a number, steps, or by option."""
    if raw is None:
        return "–"
    if isinstance(raw, dict):
        return "; ".join(f"`{key}` = `{choice}`: {_capacity(value)}"
                         for key, choices in raw.items() for choice, value in choices.items())
    if isinstance(raw, list):
        return ", ".join(_number(step["capacity"]) if step.get("from") is None
                         else f"ab `{step['from']}` {_number(step['capacity'])}" for step in raw)
    return _number(raw)


def _roles(text, plan) -> list[str]:
    """The roles with their capacity and the packages' needs (levelling)."""
    raw = load_plain(text).get("roles") or {}
    out = ["", "### Rollen und Kapazität\n",
           "Kapazität: Anteil einer Vollzeitstelle; `ab X`: ab dem Beginn von Arbeitspaket X. "
           + ("Kapazitätsabgleich an (`project.level`)." if plan.project.level else "") + "\n",
           "| Rolle | Kapazität | Bedarf in Arbeitspaketen |", "|---|---|---|"]
    for role in plan.roles.values():
        spec = raw.get(role.id)
        users = [f"`{p.id}` {_number(amount)}" for p in plan.packages for r, amount in p.needs if r == role.id]
        out.append(f"| `{role.id}` {cell(role.name.get('de'))} | "
                   f"{cell(_capacity(spec.get('capacity') if isinstance(spec, dict) else None))} | "
                   f"{cell(', '.join(users) or '–')} |")
    return out


def templates_markdown() -> str:
    """docs/templates.md: every template's options and packages, generated from the YAML."""
    out = ["# Vorlagen (templates)\n",
           f"Diese Datei wird erzeugt: `{COMMAND}` (prüfen mit `--check`).",
           "Nicht von Hand ändern; die Quelle ist `templates/<id>.yaml`. Die Begriffe der "
           "Gremien sind die von Nordrhein-Westfalen; `roadmap new --state XX` setzt die des "
           "Landes ein (docs/laender.md).\n"]
    for info in list_templates():
        text = fill(info.text, land_profile(DEFAULT_STATE))
        plan = parse_plan(text, f"{info.id}.yaml")
        phases = {phase.id: phase.name.get("de") for phase in plan.phases}
        out += [f"## {info.id}: {info.name.get('de')}\n", info.description.get("de") + "\n",
                "### Optionen\n", "| Option | Wahlmöglichkeiten | Standard |", "|---|---|---|"]
        for spec in info.options:
            choices = ("; ".join(f"`{value}` {label.get('de')}" for value, label in spec.choices)
                       or "ein Datum (JJJJ-MM-TT) oder `none`")
            out.append(f"| `{spec.key}` {cell(spec.name.get('de'))} | {cell(choices)} | `{spec.default}` |")
        out += ["", "### Gremien\n", "| Gremium | Vorlauf | Sitzungen in der Vorlage |", "|---|---|---|"]
        for body in plan.bodies.values():
            out.append(f"| `{body.id}` {cell(body.name.get('de'))} | {body.lead_time} | {len(body.sessions)} |")
        out += _roles(text, plan)
        notes = _package_comments(text)
        out += ["", "### Arbeitspakete\n",
                "Quelle: die Lektion aus den Seeds; Grundlage der Dauer: Kommentar in der Vorlage "
                "(Abschnitte von DOMAIN.md, [E] = Schätzung).\n",
                "| ID | Arbeitspaket | Phase | Art | Dauer | Vorgänger | Nur wenn (`when`) | Quelle "
                "| Grundlage der Dauer |",
                "|---|---|---|---|---|---|---|---|---|"]
        kinds = {"task": "Arbeitspaket", "milestone": "Meilenstein", "decision": "Beschluss"}
        for p in plan.packages:
            duration = str(p.duration) if p.kind == "task" and p.duration else "–"
            if p.kind == "decision":
                duration = "Sitzung: " + " → ".join([" + ".join(stage) for stage in p.stages] + [p.body or ""])
            if p.repeat is not None:
                every = f"alle {p.repeat.every}" if p.repeat.every else f"jede Sitzung von {p.repeat.sessions}"
                duration += f" ({every} bis {p.repeat.until or p.repeat.until_date or p.repeat.count})"
            after = ", ".join(format_link(link) for link in p.after) or "–"
            when = "; ".join(f"{key} = {' / '.join(values)}" for key, values in p.when) or "immer"
            extra = " (meidet Schulferien)" if p.avoid else ""
            extra += " (wartet auf den Haushalt)" if p.funds else ""
            extra += {"month_end": " (endet am Monatsende)", "quarter_end": " (endet am Quartalsende)"}.get(p.ends_at or "", "")
            out.append(f"| `{p.id}` | {cell(p.name.get('de'))}{extra} | {cell(phases.get(p.phase, p.phase))} "
                       f"| {kinds[p.kind]} | {cell(duration)} | {cell(after)} | {cell(when)} "
                       f"| {cell(p.source)} | {cell(notes.get(p.id, '')) or '–'} |")
        out.append("")
        out += lessons_table(plan)
    return "\n".join(out)


def _split(source: str) -> tuple[str, str]:
    """``Titel, Ort, Jahr: „Passage“`` as (citation, passage)."""
    citation, _, passage = source.partition(": „")
    return citation, passage.removesuffix("“")


def _target(name: str) -> str:
    kind, _, rest = name.partition(":")
    if kind == "option":
        return f"Option `{rest}`"
    if kind == "rule":
        return f"Regel `{rest}`"
    return f"`{name}`"


def lesson_rows(plan) -> list[tuple[str, str, str, str]]:
    """(citation, passage, carried by, how) for every lesson: the packages' sources, then
    the lessons carried by options and rules, then those left out; in seed order."""
    by_source: dict[str, list] = {}
    for p in plan.packages:
        by_source.setdefault(p.source, []).append(p)
    rows = []
    for source, packages in by_source.items():
        citation, passage = _split(source)
        rows.append((citation, passage, ", ".join(f"`{p.id}`" for p in packages),
                     "; ".join(p.name.get("de") for p in packages)))
    for citation, passage, targets, note in CARRIED:
        rows.append((citation, passage, ", ".join(_target(t) for t in targets), note))
    for citation, passage, reason in LEFT_OUT:
        rows.append((citation, passage, "– (weggelassen)", reason))
    order = [c for c, *_ in CARRIED + LEFT_OUT]
    seeds = list(dict.fromkeys(order))
    return sorted(rows, key=lambda row: seeds.index(row[0]) if row[0] in seeds else len(seeds))


def lessons_table(plan) -> list[str]:
    """The section "Lektionen": every lesson of the seeds and where it is carried."""
    out = ["### Lektionen und wo sie stecken\n",
           "Jede Lektion der Erfahrungsberichte (Quelle: Titel, Ort, Jahr; Textstelle wörtlich) und "
           "das Arbeitspaket, die Option oder die Regel der Vorlage, die sie trägt – oder warum sie "
           "weggelassen ist. Zeilen mit Arbeitspaketen kommen aus deren `source`; die übrigen aus "
           "`roadmap/templates/lessons.py`.\n",
           "| Quelle | Textstelle | Getragen von | Wie |", "|---|---|---|---|"]
    for citation, passage, targets, how in lesson_rows(plan):
        out.append(f"| {cell(citation)} | „{cell(passage)}“ | {cell(targets)} | {cell(how)} |")
    out.append("")
    return out


def write_or_check(text: str, path, command: str, check: bool) -> int:
    """Write a generated page, or with ``check`` say (exit status 1) that the committed one
    differs: the one step behind ``python -m roadmap.templates.docs`` and ``….laender_docs``."""
    path = Path(path)
    if check:
        current = path.read_text(encoding="utf-8") if path.exists() else ""
        if current != text:
            print(f"{path} is out of date; run: {command}")
            return 1
        return 0
    write_plan(path, text, force=True)
    print(f"wrote {path}")
    return 0


def main(argv=None) -> int:
    """``python -m roadmap.templates.docs [--check] [PATH]``: write or check docs/templates.md."""
    parser = argparse.ArgumentParser(prog=COMMAND, description=main.__doc__)
    parser.add_argument("path", nargs="?", default=str(DOCS_PATH))
    parser.add_argument("--check", action="store_true", help="exit 1 if PATH is out of date")
    args = parser.parse_args(argv)
    return write_or_check(templates_markdown(), args.path, COMMAND, args.check)



if __name__ == "__main__":
    raise SystemExit(main())

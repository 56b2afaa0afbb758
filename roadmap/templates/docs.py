"""docs/templates.md, generated from the templates: ``python -m roadmap.templates.docs``.

The page lists every template's options, bodies and work packages with the facts behind
each duration (the comment above the package in the YAML). ``--check`` fails when the
committed page differs from what the templates say; a test runs the same comparison.
"""
from __future__ import annotations

import argparse
import re
from pathlib import Path

from roadmap.engine.result import format_link
from roadmap.plan.loader import parse_plan
from roadmap.plan.yamlio import load_plain
from roadmap.templates.library import list_templates
from roadmap.templates.newplan import write_plan

DOCS_PATH = Path("docs") / "templates.md"
COMMAND = "python -m roadmap.templates.docs"


def _cell(text) -> str:
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


def _roles(info, plan) -> list[str]:
    """The roles with their capacity and the packages' needs (levelling)."""
    raw = load_plain(info.text).get("roles") or {}
    out = ["", "### Rollen und Kapazität\n",
           "Kapazität: Anteil einer Vollzeitstelle; `ab X`: ab dem Beginn von Arbeitspaket X. "
           + ("Kapazitätsabgleich an (`project.level`)." if plan.project.level else "") + "\n",
           "| Rolle | Kapazität | Bedarf in Arbeitspaketen |", "|---|---|---|"]
    for role in plan.roles.values():
        spec = raw.get(role.id)
        users = [f"`{p.id}` {_number(amount)}" for p in plan.packages for r, amount in p.needs if r == role.id]
        out.append(f"| `{role.id}` {_cell(role.name.get('de'))} | "
                   f"{_cell(_capacity(spec.get('capacity') if isinstance(spec, dict) else None))} | "
                   f"{_cell(', '.join(users) or '–')} |")
    return out


def templates_markdown() -> str:
    """docs/templates.md: every template's options and packages, generated from the YAML."""
    out = ["# Vorlagen (templates)\n",
           f"Diese Datei wird erzeugt: `{COMMAND}` (prüfen mit `--check`).",
           "Nicht von Hand ändern; die Quelle ist `templates/<id>.yaml`.\n"]
    for info in list_templates():
        plan = parse_plan(info.text, f"{info.id}.yaml")
        phases = {phase.id: phase.name.get("de") for phase in plan.phases}
        out += [f"## {info.id}: {info.name.get('de')}\n", info.description.get("de") + "\n",
                "### Optionen\n", "| Option | Wahlmöglichkeiten | Standard |", "|---|---|---|"]
        for spec in info.options:
            choices = "; ".join(f"`{value}` {label.get('de')}" for value, label in spec.choices)
            out.append(f"| `{spec.key}` {_cell(spec.name.get('de'))} | {_cell(choices)} | `{spec.default}` |")
        out += ["", "### Gremien\n", "| Gremium | Vorlauf | Sitzungen in der Vorlage |", "|---|---|---|"]
        for body in plan.bodies.values():
            out.append(f"| `{body.id}` {_cell(body.name.get('de'))} | {body.lead_time} | {len(body.sessions)} |")
        out += _roles(info, plan)
        notes = _package_comments(info.text)
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
                duration = "Sitzung: " + " → ".join(list(p.via) + [p.body or ""])
            after = ", ".join(format_link(link) for link in p.after) or "–"
            when = "; ".join(f"{key} = {' / '.join(values)}" for key, values in p.when) or "immer"
            extra = " (meidet Schulferien)" if p.avoid else ""
            out.append(f"| `{p.id}` | {_cell(p.name.get('de'))}{extra} | {_cell(phases.get(p.phase, p.phase))} "
                       f"| {kinds[p.kind]} | {_cell(duration)} | {_cell(after)} | {_cell(when)} "
                       f"| {_cell(p.source)} | {_cell(notes.get(p.id, '')) or '–'} |")
        out.append("")
    return "\n".join(out)


def main(argv=None) -> int:
    """``python -m roadmap.templates.docs [--check] [PATH]``: write or check docs/templates.md."""
    parser = argparse.ArgumentParser(prog=COMMAND, description=main.__doc__)
    parser.add_argument("path", nargs="?", default=str(DOCS_PATH))
    parser.add_argument("--check", action="store_true", help="exit 1 if PATH is out of date")
    args = parser.parse_args(argv)
    text = templates_markdown()
    path = Path(args.path)
    if args.check:
        current = path.read_text(encoding="utf-8") if path.exists() else ""
        if current != text:
            print(f"{path} is out of date; run: {COMMAND}")
            return 1
        return 0
    write_plan(path, text, force=True)
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

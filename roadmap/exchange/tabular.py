"""Plain-text views of a schedule: the terminal table and CSV of ``roadmap schedule``."""
from __future__ import annotations

import csv
import io

from roadmap.text import format_date, word
from roadmap.engine.result import Schedule

CSV_COLUMNS = ["id", "name", "phase", "kind", "start", "finish", "duration_days",
               "total_float", "free_float", "critical", "sessions"]


def csv_text(schedule: Schedule) -> str:
    """CSV with the JSON fields; ISO dates so any program reads them unambiguously."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for row in schedule.to_json()["packages"]:
        sessions = " ".join(f"{s['body']}:{s['date']}" for s in row["sessions"])
        values = [str(row[c]).lower() if isinstance(row[c], bool) else row[c] for c in CSV_COLUMNS[:-1]]
        writer.writerow(values + [sessions])
    return out.getvalue()


def table_text(schedule: Schedule) -> str:
    """A fixed-width table in the plan's language, then the span and the critical path."""
    lang = schedule.language
    header = ["ID", word("task", lang), word("start", lang), word("finish", lang),
              word("duration", lang), word("total_float", lang), "!"]
    rows, consultations = [], {}
    for p in schedule.packages:
        rows.append([p.id, p.name, format_date(p.start, lang), format_date(p.finish, lang),
                     str(p.duration_days), str(p.total_float), "*" if p.critical else ""])
        if p.sessions:  # the Beratungsfolge goes on its own line under the decision
            consultations[len(rows) - 1] = schedule.beratungsfolge(p)
    widths = [max(len(r[i]) for r in rows + [header]) for i in range(len(header))]
    widths[1] = min(widths[1], 50)
    lines = []
    for index, row in enumerate([header] + rows):
        cells = [row[i][: widths[i]].ljust(widths[i]) if i in (0, 1) else row[i].rjust(widths[i])
                 for i in range(len(row))]
        lines.append("  ".join(cells).rstrip())
        if index - 1 in consultations:
            lines.append(" " * (widths[0] + 2) + "  " + consultations[index - 1])
    lines.insert(1, "  ".join("-" * w for w in widths))
    lines.append("")
    lines.append(f"{format_date(schedule.start, lang)} – {format_date(schedule.finish, lang)}; "
                 f"* = {word('critical_path', lang)}")
    return "\n".join(lines)

"""How far the project is, in words a Kämmerer reads: state of each package, lateness,
the one count of entries, and the Hinweise in plain German (no file names, no codes).

A package is *late* when it is not finished and either slips against the baseline or
misses its deadline. Every state has a mark besides its colour (:data:`MARKS`), so a
colour-blind reader and a grey printout tell them apart.
"""
from __future__ import annotations

from roadmap.engine.result import Schedule
from roadmap.text import format_date, t
from roadmap.text.messages import Message

STATES = ("finished", "running", "late", "not_started")
#: The mark of each state, on every sheet and in the legend.
MARKS = {"finished": "✓", "running": "▶", "late": "!", "not_started": "○"}


def deadline_late(schedule: Schedule) -> dict[str, int]:
    """Package id -> working days its finish lies after its deadline (only the missed ones)."""
    late = {p.id: p.deadline_late for p in schedule.packages if p.deadline_late > 0}
    for d in schedule.diagnostics:  # an engine that does not fill deadline_late yet says it here
        if d.code == "deadline-missed" and isinstance(d.message, Message):
            package_id, days = d.message.args.get("id"), d.message.args.get("days")
            if package_id and isinstance(days, int) and days > 0:
                late.setdefault(package_id, days)
    return late


def baseline(schedule: Schedule):
    """The comparison with the baseline (:class:`roadmap.engine.baseline.Comparison`), or
    ``None`` (built without --baseline)."""
    return schedule.baseline


def states(schedule: Schedule) -> dict[str, str]:
    """Package id -> finished | running | late | not_started."""
    late = deadline_late(schedule)
    found = {}
    for p in schedule.packages:
        if p.status == "finished":
            found[p.id] = "finished"
        elif late.get(p.id, 0) > 0 or schedule.is_late(p):
            found[p.id] = "late"
        else:
            found[p.id] = p.status if p.status in STATES else "not_started"
    return found


def state_word(state: str, language: str) -> str:
    """``✓ erledigt``, ``▶ läuft``, ``! verspätet``, ``○ nicht begonnen``."""
    return f"{MARKS[state]} {t(f'sheet.state.{state}', language)}"


def workdays(n: int, language: str) -> str:
    """``1 Arbeitstag``, ``3 Arbeitstage``."""
    return t(f"sheet.n.workday.{'one' if n == 1 else 'many'}", language, n=n)


def percent_text(value: float, language: str) -> str:
    """``12,5 %`` / ``12.5 %``; whole numbers without decimals."""
    text = f"{value:.0f}" if abs(value - round(value)) < 0.05 else f"{value:.1f}"
    return (text.replace(".", ",") if language == "de" else text) + " %"


def states_text(schedule: Schedule) -> str:
    """``✓ 3 erledigt · ▶ 2 laufen · ! 1 verspätet · ○ 39 nicht begonnen`` (empty states left out)."""
    lang = schedule.language
    found = list(states(schedule).values())
    parts = [f"{MARKS[s]} {found.count(s)} {t(f'sheet.state.{s}', lang)}" for s in STATES if s in found]
    return " · ".join(parts)


def critical_sentence(schedule: Schedule) -> str | None:
    """One sentence when the critical path is only decisions waiting for their sessions."""
    path = schedule.critical_path()
    if path and all(p.kind == "decision" for p in path):
        return t("sheet.critical_sessions", schedule.language)
    return None


def hints(schedule: Schedule) -> list[str]:
    """The Hinweise: each missed deadline (package, deadline, expected finish, how late),
    then the other warnings as their message alone, ids replaced by names."""
    lang = schedule.language
    late = deadline_late(schedule)
    lines = []
    for p in schedule.packages:
        if p.id in late and p.deadline:
            lines.append(t("sheet.deadline_missed", lang, name=p.name, deadline=format_date(p.deadline, lang),
                           finish=format_date(p.finish, lang), late=workdays(late[p.id], lang)))
    for d in schedule.diagnostics:
        if d.severity == "warning" and d.code != "deadline-missed":
            lines.append(_plain(d, schedule))
    return lines


def _plain(diagnostic, schedule: Schedule) -> str:
    """A warning's message without place and code, package and body ids as their names."""
    message = diagnostic.message
    if not isinstance(message, Message):
        return diagnostic.text(schedule.language)
    names = {p.id: p.name for p in schedule.packages}
    args = {}
    for key, value in message.args.items():
        if key in ("id", "package") and value in names:
            value = names[value]
        elif key == "body" and value in schedule.bodies:
            value = schedule.body_name(value)
        args[key] = value
    return Message(message.key, **args).render(schedule.language)

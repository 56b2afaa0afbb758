"""German (default) and English words and date formats shared by all writers."""
from __future__ import annotations

import datetime as dt

MONTHS = {
    "de": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
           "September", "Oktober", "November", "Dezember"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"],
}
WEEKDAYS = {
    "de": ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"],
    "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
}
WEEKDAY_NAMES = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
GERMAN_WEEKDAY_NAMES = ["mo", "di", "mi", "do", "fr", "sa", "so"]

#: Words of the trade, used by every writer so the outputs agree.
WORDS = {
    "de": {
        "task": "Arbeitspaket",
        "milestone": "Meilenstein",
        "decision": "Beschluss",
        "critical_path": "Kritischer Pfad",
        "total_float": "Gesamtpuffer",
        "free_float": "Freier Puffer",
        "start": "Beginn",
        "finish": "Ende",
        "duration": "Dauer",
        "days": "Tage",
        "day": "Tag",
        "phase": "Phase",
        "owner": "Verantwortlich",
        "predecessors": "Vorgänger",
        "source": "Quelle",
        "status": "Stand",
        "sessions": "Beratungsfolge",
        "body": "Gremium",
        "session_date": "Sitzung",
        "vorlage_due": "Vorlage fertig bis",
        "week": "KW",
        "yes": "ja",
        "no": "nein",
        "school_holidays": "Schulferien",
        "holidays": "Feiertage",
        "closures": "Schließtage",
    },
    "en": {
        "task": "Work package",
        "milestone": "Milestone",
        "decision": "Decision",
        "critical_path": "Critical path",
        "total_float": "Total float",
        "free_float": "Free float",
        "start": "Start",
        "finish": "Finish",
        "duration": "Duration",
        "days": "days",
        "day": "day",
        "phase": "Phase",
        "owner": "Owner",
        "predecessors": "Predecessors",
        "source": "Source",
        "status": "Status",
        "sessions": "Consultation sequence",
        "body": "Body",
        "session_date": "Session",
        "vorlage_due": "Paper ready by",
        "week": "CW",
        "yes": "yes",
        "no": "no",
        "school_holidays": "School holidays",
        "holidays": "Public holidays",
        "closures": "Closures",
    },
}


def word(key: str, language: str = "de") -> str:
    return WORDS.get(language, WORDS["de"])[key]


def format_date(day: dt.date | None, language: str = "de") -> str:
    """``31.12.2027`` in German, ``2027-12-31`` in English (unambiguous for EU partners)."""
    if day is None:
        return ""
    return day.strftime("%d.%m.%Y") if language == "de" else day.isoformat()


def month_name(month: int, language: str = "de") -> str:
    return MONTHS.get(language, MONTHS["de"])[month - 1]


def iso_week(day: dt.date) -> int:
    """The ISO calendar week (KW), as German calendars count it."""
    return day.isocalendar()[1]

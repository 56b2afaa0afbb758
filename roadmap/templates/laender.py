"""Land profiles: the words, bodies, session rhythm and budget calendar of each German Land.

Each Land has a data file ``roadmap/templates/laender/<CODE>.yaml`` (shipped as package
data) with its sources. A template writes ``${key}`` where a Land's word belongs (German
keys in German texts, English keys in English texts); :func:`fill` replaces them.
docs/laender.md lists all 16 profiles side by side.
"""
from __future__ import annotations

import functools
import importlib.resources
import re
from dataclasses import dataclass

import yaml

from roadmap.plan.loader import STATES
from roadmap.plan.model import Text

#: The placeholders every profile defines (docs/laender.md; /tmp/laender-keys.md for the
#: template authors). German keys go into German texts, English keys into English texts.
KEYS_DE = ("Rat", "des_Rates", "im_Rat", "den_Rat", "dem_Rat", "Ratsbeschluss", "Ratssitzung",
           "Ratsmitglieder", "Hauptausschuss", "Verwaltungsvorstand", "des_Verwaltungsvorstands",
           "den_Verwaltungsvorstand", "dem_Verwaltungsvorstand", "Dringlichkeitsentscheidung",
           "Gemeindeordnung", "Personalvertretungsgesetz", "Aufsicht")
KEYS_EN = ("council", "councils", "council_decision", "council_session", "councillors",
           "main_committee", "executive_board", "urgent_decision", "municipal_code",
           "staff_council_law", "supervisory_authority")

#: The council bodies a profile names, in the order of a Sitzungsfolge.
ROLES = ("fachausschuss", "stadtentwicklung", "hauptausschuss", "rat")
#: Body ids of templates written before the Land profiles, and the role they play.
OLD_IDS = {"digital": "fachausschuss", "hfa": "hauptausschuss"}

PLACEHOLDER = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")


class ProfileError(ValueError):
    """A Land profile that is incomplete or malformed (a bug in the package data)."""


@dataclass(frozen=True)
class BodyProfile:
    name: Text
    short: str
    lead_time: str


@dataclass(frozen=True)
class Rhythm:
    """The typical Sitzungsfolge: a new chain every ``cycle_days``, at least
    ``min_gap_days`` after the last; each body ``offsets[role]`` days after the first."""

    cycle_days: int
    min_gap_days: int
    offsets: dict


@dataclass(frozen=True)
class LandProfile:
    code: str
    name: Text
    words: dict  # language -> {key: word}
    bodies: dict  # role -> BodyProfile
    rhythm: Rhythm
    budget: dict  # bid_deadline, in_force as "MM-DD"
    data: dict  # the whole file, for docs/laender.md

    def word(self, key: str, language: str = "de") -> str:
        return self.words[language][key]


def role_of(body_id: str) -> str | None:
    """The role a template's body plays (``digital`` is the old id of ``fachausschuss``)."""
    body_id = OLD_IDS.get(body_id, body_id)
    return body_id if body_id in ROLES else None


def land_codes() -> tuple[str, ...]:
    return tuple(STATES)


@functools.lru_cache(maxsize=None)
def land_profile(code: str) -> LandProfile:
    """The profile of a Land (``NW``, ``HE``, ...); an unknown code is a :class:`ProfileError`."""
    code = str(code).strip().upper()
    if code not in STATES:
        raise ProfileError(f"unknown Land {code!r}")
    resource = importlib.resources.files("roadmap.templates") / "laender" / f"{code}.yaml"
    data = yaml.safe_load(resource.read_text(encoding="utf-8"))
    return _profile(code, data)


def _profile(code: str, data: dict) -> LandProfile:
    if data.get("code") != code:
        raise ProfileError(f"{code}.yaml: code is {data.get('code')!r}")
    words = {}
    for language, keys in (("de", KEYS_DE), ("en", KEYS_EN)):
        given = data["words"][language]
        missing = [key for key in keys if not given.get(key)]
        extra = [key for key in given if key not in keys]
        if missing or extra:
            raise ProfileError(f"{code}.yaml: words.{language}: missing {missing}, unknown {extra}")
        for key, value in given.items():
            if '"' in str(value) or "\\" in str(value) or "\n" in str(value):
                raise ProfileError(f"{code}.yaml: words.{language}.{key} may not hold quotes or line breaks")
        words[language] = {key: str(value) for key, value in given.items()}
    bodies = {}
    for role in ROLES:
        spec = data["bodies"][role]
        bodies[role] = BodyProfile(Text(spec["name"]["de"], spec["name"]["en"]), str(spec["short"]),
                                   str(spec.get("lead_time", "3w")))
    rhythm_data = data["sessions"]
    offsets = {role: int(rhythm_data["offsets"][role]) for role in ("fachausschuss", "hauptausschuss", "rat")}
    rhythm = Rhythm(int(rhythm_data["cycle_weeks"]) * 7, int(rhythm_data["min_gap_weeks"]) * 7, offsets)
    budget = {key: str(data["budget"][key]) for key in ("bid_deadline", "in_force")}
    for key, value in budget.items():
        if not re.fullmatch(r"(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])", value):
            raise ProfileError(f"{code}.yaml: budget.{key} {value!r} is not MM-DD")
    return LandProfile(code, Text(data["name"]["de"], data["name"]["en"]), words, bodies, rhythm,
                       budget, data)


def fill(text: str, profile: LandProfile) -> str:
    """``text`` with every known ``${key}`` replaced by the profile's word; German and
    English keys have different names, so one pass serves both languages. Unknown
    placeholders stay (see :func:`unknown_placeholders`)."""
    words = {**profile.words["en"], **profile.words["de"]}
    return PLACEHOLDER.sub(lambda match: words.get(match.group(1), match.group(0)), text)


def unknown_placeholders(text: str) -> list[str]:
    """The ``${...}`` names in ``text`` that no profile defines (a template bug)."""
    known = set(KEYS_DE) | set(KEYS_EN)
    return sorted({name for name in PLACEHOLDER.findall(text) if name not in known})

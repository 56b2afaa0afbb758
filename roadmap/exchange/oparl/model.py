"""The OParl object model: :func:`oparl_type`, :class:`Organization`, :class:`BodyInfo`
and :class:`SystemInfo`; :func:`discover` walks System -> Body -> Organization, and
:func:`find_organization` picks the committee a user names.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from roadmap.exchange.oparl.http import Client, OParlError
from roadmap.text.messages import Message as M

#: ``type`` of OParl objects: ``https://schema.oparl.org/1.1/Meeting``.
TYPE = re.compile(r"^https?://schema\.oparl\.org/(\d+\.\d+)/?(\w+)$")

#: organizationType values that hold council sessions (the rest: Fraktion, Partei, ...).
GREMIUM_TYPES = ("gremium", "")


def oparl_type(obj: dict) -> tuple[str, str]:
    """``("1.1", "Meeting")`` from an object's ``type``; ``("", "")`` if it has none."""
    match = TYPE.match(str(obj.get("type", "")).strip())
    return (match.group(1), match.group(2)) if match else ("", "")


def _text(obj: dict, key: str) -> str:
    value = obj.get(key)
    return value.strip() if isinstance(value, str) else ""


@dataclass(frozen=True)
class Organization:
    id: str
    name: str
    short_name: str = ""
    organization_type: str = ""
    classification: str = ""
    end_date: str = ""
    meeting: object = None  # URL of the external list, a list of meetings, or None
    body_id: str = ""
    body_name: str = ""
    body_meeting: str = ""  # the Body's meeting list, if the organisation has none

    @property
    def is_gremium(self) -> bool:
        return self.organization_type.lower() in GREMIUM_TYPES

    @property
    def ended(self) -> bool:
        return bool(self.end_date) and self.end_date[:10] < dt.date.today().isoformat()

    @classmethod
    def from_json(cls, obj: dict, body: dict) -> Organization:
        return cls(id=_text(obj, "id"), name=_text(obj, "name") or _text(obj, "shortName") or _text(obj, "id"),
                   short_name=_text(obj, "shortName"), organization_type=_text(obj, "organizationType"),
                   classification=_text(obj, "classification"), end_date=_text(obj, "endDate"),
                   meeting=obj.get("meeting"), body_id=_text(body, "id"),
                   body_name=_text(body, "name") or _text(body, "shortName"),
                   body_meeting=_text(body, "meeting"))


@dataclass
class BodyInfo:
    id: str
    name: str
    organizations: list[Organization] = field(default_factory=list)


@dataclass
class SystemInfo:
    url: str
    name: str
    version: str  # "1.0" or "1.1"
    bodies: list[BodyInfo] = field(default_factory=list)

    def organizations(self) -> list[Organization]:
        return [org for body in self.bodies for org in body.organizations]


def discover(client: Client, url: str) -> SystemInfo:
    """The system at ``url`` (or a single body, if ``url`` is a Body) with its bodies and
    their organisations; deleted objects are left out."""
    root = client.get(url)
    version, kind = oparl_type(root)
    if kind == "System":
        body_list = root.get("body")
        if isinstance(body_list, str) and body_list:
            bodies = list(client.items(body_list, what=M("oparl.what-bodies")))
        elif isinstance(body_list, list):  # early 1.0 drafts listed bodies inline
            bodies = [b if isinstance(b, dict) else client.get(b) for b in body_list]
        else:
            raise OParlError(M("oparl.not-oparl", url=url, why=M("oparl.why-no-body")))
        info = SystemInfo(url, _text(root, "name") or url, version)
    elif kind == "Body":
        bodies = [root]
        info = SystemInfo(url, _text(root, "name") or url, version)
    else:
        raise OParlError(M("oparl.not-oparl", url=url, why=M("oparl.why-no-system")))
    for body in bodies:
        if body.get("deleted") is True or oparl_type(body)[1] not in ("Body", ""):
            continue
        entry = BodyInfo(_text(body, "id"), _text(body, "name") or _text(body, "shortName"))
        organization_list = body.get("organization")
        if isinstance(organization_list, str) and organization_list:
            what = M("oparl.what-organizations", body=entry.name)
            for obj in client.items(organization_list, what=what):
                if obj.get("deleted") is not True:
                    entry.organizations.append(Organization.from_json(obj, body))
        info.bodies.append(entry)
    if not info.bodies:
        raise OParlError(M("oparl.no-bodies", url=url))
    return info


def _normal(text: str) -> str:
    return " ".join(text.casefold().split())


def find_organization(info: SystemInfo, wanted: str) -> Organization:
    """The organisation ``wanted`` names: its URL, its name or short name (any case), or a
    unique part of its name. Among equal names, the ones still existing win (committees
    are formed anew each Wahlperiode under the same name)."""
    organizations = info.organizations()
    by_id = [o for o in organizations if o.id and o.id.rstrip("/") == wanted.strip().rstrip("/")]
    if by_id:
        return by_id[0]
    key = _normal(wanted)
    exact = [o for o in organizations if key in (_normal(o.name), _normal(o.short_name))]
    candidates = exact or [o for o in organizations
                           if key and (key in _normal(o.name) or key in _normal(o.short_name))]
    if len(candidates) > 1:
        current = [o for o in candidates if not o.ended]
        candidates = current or candidates
    if len(candidates) == 1:
        return candidates[0]
    if candidates:
        matches = "; ".join(f"{o.name} ({o.id})" for o in candidates[:10])
        raise OParlError(M("oparl.ambiguous", name=wanted, matches=matches))
    gremien = [o for o in organizations if o.is_gremium and not o.ended] or organizations
    known = ", ".join(sorted({o.name for o in gremien}, key=str.casefold)) or "-"
    where = info.bodies[0].name if len(info.bodies) == 1 else info.name
    raise OParlError(M("oparl.unknown-organization", name=wanted, where=where, known=known))

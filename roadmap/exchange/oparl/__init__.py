"""Council meetings from a Ratsinformationssystem over OParl 1.0/1.1, written as .ics.

OParl (https://oparl.org, spec repository OParl/spec) is the open JSON API that ALLRIS,
SessionNet, SD.NET and others serve. This package walks it exactly as the standard says:

- the **System** object (its URL is what the town publishes) names the list of bodies;
- each **Body** (Körperschaft) names the list of its **Organizations** (Gremien,
  Fraktionen, ...), and each Organization the list of its **Meetings**; if an
  Organization names none, the Body's meeting list is filtered by the meeting's
  ``organization`` (some systems leave the link out);
- lists are *external object lists*: pages of ``{data, pagination, links}``, followed
  through ``links.next`` until a page has none;
- a meeting with ``cancelled: true`` is dropped, as is one whose name says it is cancelled
  ("entfällt", as ALLRIS writes it); a **deleted** object (``deleted: true``, soft delete)
  is never shown and, on ``--refresh``, removes the meeting from the file;
- ``start``/``end`` are RFC 3339 date-times with an offset; they are written in
  Europe/Berlin time with a VTIMEZONE, so a session at 23:30 UTC lands on the next day
  in the calendar exactly as in the town hall;
- ``--refresh`` uses the **update mechanism of OParl 1.1**: the lists are asked only for
  what changed since the last download (``modified_since``, with ``omit_internal``), and
  the answer includes deleted meetings. OParl 1.0 servers do not promise deleted objects
  there, so for them everything is loaded again.

The HTTP client is ``requests`` with urllib3's ``Retry``: connect and read timeouts on
every request, and up to :data:`RETRIES` retries with exponential backoff on connection
errors and on 429/500/502/503/504 (honouring ``Retry-After``), for GET only. Every failure
becomes an :class:`OParlError` carrying one catalog sentence.

The modules, each importing only the ones before it:

- :mod:`~roadmap.exchange.oparl.http`: :class:`Client`, :func:`check_url`, the timeouts,
  retries and :class:`OParlError`;
- :mod:`~roadmap.exchange.oparl.model`: System, Body and Organization, :func:`discover`
  and :func:`find_organization`;
- :mod:`~roadmap.exchange.oparl.meetings`: :class:`Meeting`, :func:`parse_instant` and
  :func:`meeting_objects`;
- :mod:`~roadmap.exchange.oparl.ics`: the calendar, :func:`import_meetings` and ``--refresh``;
- :mod:`~roadmap.exchange.oparl.listing`: what ``roadmap oparl`` shows, as text.

Everything is re-exported here, so ``from roadmap.exchange import oparl`` and
``oparl.import_meetings(...)`` is all a caller needs. The tunables (``TIMEOUT``, ``RETRIES``,
``BACKOFF``, ``MAX_PAGES``) are read from :mod:`~roadmap.exchange.oparl.http`; set them there.
"""
from __future__ import annotations

from roadmap.exchange.oparl import http, ics
from roadmap.exchange.oparl.http import (
    BACKOFF,
    MAX_PAGES,
    RETRIES,
    TIMEOUT,
    Client,
    OParlError,
    check_url,
)
from roadmap.exchange.oparl.ics import (
    CLOCK_SKEW,
    ImportResult,
    berlin_timezone,
    event_uid,
    import_meetings,
    meeting_event,
    previous_download,
)
from roadmap.exchange.oparl.listing import (
    ics_name,
    import_summary,
    iso_day,
    organization_listing,
    refuse_non_calendar,
)
from roadmap.exchange.oparl.meetings import (
    BERLIN,
    Meeting,
    meeting_objects,
    parse_instant,
)
from roadmap.exchange.oparl.model import (
    GREMIUM_TYPES,
    TYPE,
    BodyInfo,
    Organization,
    SystemInfo,
    discover,
    find_organization,
    oparl_type,
)

__all__ = [
    "BACKOFF",
    "BERLIN",
    "CLOCK_SKEW",
    "GREMIUM_TYPES",
    "MAX_PAGES",
    "RETRIES",
    "TIMEOUT",
    "TYPE",
    "BodyInfo",
    "Client",
    "ImportResult",
    "Meeting",
    "OParlError",
    "Organization",
    "SystemInfo",
    "berlin_timezone",
    "check_url",
    "discover",
    "event_uid",
    "find_organization",
    "ics_name",
    "import_meetings",
    "import_summary",
    "iso_day",
    "meeting_event",
    "meeting_objects",
    "oparl_type",
    "organization_listing",
    "parse_instant",
    "previous_download",
    "refuse_non_calendar",
]

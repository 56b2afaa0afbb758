"""What the MSPDI writer and reader agree on: the namespace, MS Project's codes for link
types, constraints and duration formats, the times of day, and roadmap's custom fields.

Time of day. MS Project's standard calendar works 08:00-12:00 and 13:00-17:00, eight hours
a day. The contract's *opening* of a working day is 08:00, its *closing* 17:00 (plan-format
section 2), so every instant of a schedule has an exact MS Project time.
"""
from __future__ import annotations

import datetime as dt

from roadmap.text import t

NAMESPACE = "http://schemas.microsoft.com/project"
OPENING, CLOSING = dt.time(8, 0), dt.time(17, 0)
HOURS_PER_DAY = 8
TENTHS_PER_HOUR = 600  # MSPDI lags and slack: tenths of a minute

#: MS Project link types (PredecessorLink/Type) and constraint types.
LINK_TYPES = {"FF": 0, "FS": 1, "SF": 2, "SS": 3}
LINK_NAMES = {code: name for name, code in LINK_TYPES.items()}
ASAP, MUST_START_ON, START_NO_EARLIER_THAN = 0, 2, 4

#: Duration and lag formats: 7 days, 9 weeks, 11 months, 6 elapsed hours, 8 elapsed days,
#: 10 elapsed weeks.
FORMAT_DAYS, FORMAT_WEEKS, FORMAT_MONTHS = 7, 9, 11
FORMAT_ELAPSED_HOURS, FORMAT_ELAPSED_DAYS, FORMAT_ELAPSED_WEEKS = 6, 8, 10
#: Every elapsed, percentage, week and month format MS Project knows (the reader's view;
#: the ``estimated`` variants are 32 higher).
ELAPSED_FORMATS = {4, 6, 8, 10, 12, 36, 38, 40, 42, 44}
PERCENT_FORMATS = {19, 20, 51, 52}
WEEK_FORMATS, MONTH_FORMATS = {9, 10, 41, 42}, {11, 12, 43, 44}

#: The custom fields: (key, MS Project field id, field name). The alias shown in MS Project
#: comes from the catalog (``mspdi.field.<key>``).
FIELDS = (
    ("id", 188743731, "Text1"),
    ("kind", 188743734, "Text2"),
    ("owner", 188743737, "Text3"),
    ("sessions", 188743740, "Text4"),
    ("body", 188743743, "Text5"),
    ("source", 188743746, "Text6"),
)
FIELD_IDS = {key: field_id for key, field_id, _ in FIELDS}

#: The custom fields the reader takes back, by field id: (key, the aliases in either
#: language). A field counts only if the file's alias is ours, so a foreign Text1 is not
#: mistaken for an id.
OUR_ALIASES = {field_id: (key, {t(f"mspdi.field.{key}", "de"), t(f"mspdi.field.{key}", "en")})
               for key, field_id, _ in FIELDS if key in ("id", "owner", "body", "source")}

"""MS Project XML (MSPDI), both ways: what MS Project, ProjectLibre and GanttProject open
and save as "XML-Format (*.xml)".

Export (``roadmap export --format mspdi``): :func:`mspdi_text` / :func:`render_mspdi` in
:mod:`.document`, on :mod:`.calendar` (the project calendar), :mod:`.tasks` (summary
tasks per phase, tasks with links and constraints) and :mod:`.xmlwriter`.

Import (``roadmap import``): :func:`import_mspdi` / :func:`read_mspdi_file` in
:mod:`.reader`, on :mod:`.parse` (safe XML), :mod:`.read_calendar`, :mod:`.convert`,
:mod:`.timing`, :mod:`.plan_yaml` and :mod:`.warnings`.

Both agree on :mod:`.base`: the namespace, MS Project's codes, the times of day (08:00 is
a day's opening, 17:00 its closing) and roadmap's custom fields. Field by field, and every
difference: docs/interop.md.
"""
from roadmap.exchange.mspdi.base import FIELDS, NAMESPACE
from roadmap.exchange.mspdi.document import mspdi_text, render_mspdi
from roadmap.exchange.mspdi.parse import MspdiError
from roadmap.exchange.mspdi.reader import ImportResult, import_mspdi, read_mspdi_file
from roadmap.exchange.mspdi.xmlwriter import escape

__all__ = ["FIELDS", "NAMESPACE", "ImportResult", "MspdiError", "escape", "import_mspdi", "mspdi_text",
           "read_mspdi_file", "render_mspdi"]

"""Paper: every sheet's print setup on A3 or A4 landscape, with page breaks made to measure.

Left alone, Excel and LibreOffice fit a sheet to the paper without knowing what belongs
together: the Zeitplan's 112 weeks came out on one page at 4 pt, the Arbeitspakete sheet
spilled four rows onto a page of their own. Here each sheet is laid out as a print shop
would do it, from what its writer says about it (:func:`print_layout`):

* The scale is fixed so that no text prints smaller than :data:`MIN_POINTS`: a sheet whose
  smallest font is 8 pt prints at 100 %, one set in 11 pt at 73 % or more.
* A sheet too wide for that is split across pages between the column groups its writer
  names (the Zeitplan at month boundaries, the Arbeitspakete sheet between plan, progress
  and source columns); its title columns repeat on every page. The groups are spread
  evenly over as few pages as that needs.
* Rows go onto as few pages as they need and are spread evenly over them, so no page
  carries a short tail; a tail that fits on the page before at a slightly smaller scale
  (at most :data:`SHRINK` smaller, never below the 8 pt) goes there instead. Blocks the
  writer names (a phase heading and its first package) stay on one page, and so do the
  first and last five rows of every table (:data:`MIN_ROWS`).

The geometry is LibreOffice's, which renders the tests' PDFs: a column ``w`` wide is
``7 * w`` pt (Excel draws it ``5.25 * w + 3.75`` pt, so Excel's pages have room to spare),
a row is its height in pt (15 pt unless set). Page breaks are explicit, so both print the
same pages.
"""
from __future__ import annotations

from dataclasses import dataclass

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from roadmap.engine.result import Schedule
from roadmap.text import format_date, t, word

INCH = 72.0
#: paper -> (openpyxl paperSize code, width and height of the landscape page in pt)
PAPERS = {"a3": (8, 1190.55, 841.89), "a4": (9, 841.89, 595.28)}
DEFAULT_PAPER = "a3"
MARGIN_SIDE, MARGIN_TOP, MARGIN_HEADER = 0.4, 0.75, 0.3  # inches
#: No text prints smaller than this (pt).
MIN_POINTS = 8.0
#: A row whose height is not set: LibreOffice's height for one line of 11 pt text.
DEFAULT_ROW = 15.0
#: A column whose width is not set.
DEFAULT_COLUMN = 64.0
#: Share of a page the layout fills at most: row heights of wrapped text are estimates.
HEIGHT_SAFETY, WIDTH_SAFETY = 0.94, 0.98
#: A tail of rows may move onto the page before when the scale shrinks by at most this.
SHRINK = 0.9
#: No page starts or ends a table with fewer rows than this.
MIN_ROWS = 5


@dataclass(frozen=True)
class Pages:
    """The layout :func:`print_layout` chose: scale, and the last row/column of each page."""

    scale: float
    row_ends: tuple[int, ...]
    column_ends: tuple[int, ...]

    @property
    def count(self) -> int:
        return len(self.row_ends) * len(self.column_ends)


def usable(paper: str) -> tuple[float, float]:
    """Width and height (pt) inside the margins of a landscape page."""
    _, width, height = PAPERS[paper]
    return width - 2 * MARGIN_SIDE * INCH, height - 2 * MARGIN_TOP * INCH


def column_points(ws: Worksheet, column: int) -> float:
    dim = ws.column_dimensions.get(get_column_letter(column))
    if dim is None:
        return DEFAULT_COLUMN
    if dim.hidden:
        return 0.0
    return 7.0 * dim.width if dim.width else DEFAULT_COLUMN


def row_points(ws: Worksheet, row: int) -> float:
    dim = ws.row_dimensions.get(row)
    if dim is None:
        return DEFAULT_ROW
    if dim.hidden:
        return 0.0
    return float(dim.height) if dim.height else DEFAULT_ROW


def _greedy(sizes: list[float], limit: float) -> list[int]:
    """Pages filled in order up to ``limit`` each: the index after each page's last item."""
    ends, total = [], 0.0
    for index, size in enumerate(sizes):
        if total and total + size > limit:
            ends.append(index)
            total = 0.0
        total += size
    ends.append(len(sizes))
    return ends


def _count(sizes: list[float], limit: float) -> int:
    pages, total = 1, 0.0
    for size in sizes:
        if total and total + size > limit:
            pages += 1
            total = 0.0
        total += size
    return pages


def partition(sizes: list[float], capacity: float) -> list[int]:
    """The fewest pages for ``sizes`` in order, each page at most ``capacity`` (an item
    larger than that gets a page of its own), spread evenly: the largest page is as small
    as it can be with that many pages. Returns the index after each page's last item."""
    if not sizes:
        return [0]
    count = _count(sizes, capacity)
    low, high = max(sizes), max(capacity, max(sizes))
    while high - low > 0.5:  # bisect the smallest limit (to half a point) that needs no more pages
        middle = (low + high) / 2
        if _count(sizes, middle) <= count:
            high = middle
        else:
            low = middle
    return _greedy(sizes, high)


def _units(first: int, last: int, keep) -> list[tuple[int, int]]:
    """Rows first..last as blocks; each pair (a, b) in ``keep`` makes rows a..b one block
    (overlapping pairs join into one)."""
    spans = sorted((max(a, first), min(b, last)) for a, b in keep if a <= last and b >= first and a < b)
    joined: dict[int, int] = {}
    start = end = None
    for a, b in spans:
        if start is not None and a <= end:
            end = max(end, b)
            continue
        if start is not None:
            joined[start] = end
        start, end = a, b
    if start is not None:
        joined[start] = end
    units, row = [], first
    while row <= last:
        stop = joined.get(row, row)
        units.append((row, stop))
        row = stop + 1
    return units


def table_keep(first: int, last: int) -> list[tuple[int, int]]:
    """A table's first and last :data:`MIN_ROWS` rows stay together, so no page starts
    or ends a table with a short remnant."""
    if last - first + 1 <= 2 * MIN_ROWS:
        return [(first, last)]
    return [(first, first + MIN_ROWS - 1), (last - MIN_ROWS + 1, last)]


def _columns(ws, last_col: int, title_cols, groups, scale_floor: float, width: float):
    """(scale, last column of each page) across the sheet."""
    widths = {c: column_points(ws, c) for c in range(1, last_col + 1)}
    total = sum(widths.values())
    one = min(1.0, width * WIDTH_SAFETY / total) if total else 1.0
    if not groups or one >= scale_floor:
        return one, (last_col,)
    titles = sum(widths[c] for c in range(title_cols[0], title_cols[1] + 1)) if title_cols else 0.0
    sizes = [sum(widths[c] for c in range(a, b + 1)) for a, b in groups]
    room = width * WIDTH_SAFETY / scale_floor - titles
    ends = partition(sizes, room)
    # the first page has the columns before the first group, too (they are the titles)
    widest = max(sum(sizes[a:b]) for a, b in zip([0] + ends[:-1], ends)) + titles
    scale = min(1.0, width * WIDTH_SAFETY / widest)
    return scale, tuple(groups[end - 1][1] for end in ends)


def _rows(ws, first: int, last: int, title_rows, keep, scale: float, scale_floor: float, height: float,
          one_page: bool = False):
    """(scale, last row of each page) down the sheet."""
    titles = sum(row_points(ws, r) for r in range(title_rows[0], title_rows[1] + 1)) if title_rows else 0.0
    above = sum(row_points(ws, r) for r in range(1, first) if not title_rows or r < title_rows[0])
    units = _units(first, last, keep)
    sizes = [sum(row_points(ws, r) for r in range(a, b + 1)) for a, b in units]

    everything = [above] + sizes  # the first page also carries what stands above the titles

    def room(at: float) -> float:
        return height * HEIGHT_SAFETY / at - titles

    count = _count(everything, room(scale))
    if count > 1:
        smallest = max(scale_floor, scale * SHRINK)
        if one_page and _count(everything, room(scale_floor)) == 1:
            smallest = scale_floor  # the whole sheet on one page, still 8 pt or more
        low = min(scale, smallest)
        if _count(everything, room(low)) < count:
            high = scale
            for _ in range(12):  # the largest scale that saves the page
                middle = (low + high) / 2
                if _count(everything, room(middle)) < count:
                    low = middle
                else:
                    high = middle
            scale = low
    ends = partition(everything, room(scale))
    # ends count the 'above' unit at index 0
    row_ends = tuple(units[end - 2][1] for end in ends if end >= 2)
    return scale, row_ends or (last,)


def print_layout(ws: Worksheet, schedule: Schedule, paper: str = DEFAULT_PAPER, *,
                 title_rows: tuple[int, int] | None = None, title_cols: tuple[int, int] | None = None,
                 groups: list[tuple[int, int]] | None = None, keep=(), min_font: float = 11.0,
                 first_row: int | None = None, last_row: int | None = None,
                 last_col: int | None = None, one_page: bool = False, tables=None) -> Pages:
    """Paper, scale, page breaks, print titles, header and footer of ``ws``.

    Parameters
    ----------
    title_rows, title_cols : (first, last), optional
        Rows repeated at the top of every page; columns repeated at the left of every page
        when the sheet is split across pages by columns.
    groups : list of (first, last) columns, optional
        Where the sheet may be split by columns (in order, after the title columns);
        ``None``: the sheet is printed one page wide.
    keep : pairs (first, last) of rows that stay on one page.
    min_font : the smallest font size on the sheet; the scale keeps it at 8 pt or more.
    first_row, last_row, last_col : the body to lay out (default: below the title rows,
        to the sheet's last row and column).
    one_page : shrink the sheet onto one page when that keeps its text at 8 pt or more
        (the Übersicht, printed for a meeting).
    tables : pairs (first, last) of the tables on the sheet (default: the body is one);
        each keeps its first and last :data:`MIN_ROWS` rows on one page.
    """
    width, height = usable(paper)
    floor = min(1.0, MIN_POINTS / min_font)
    last_col = last_col or ws.max_column
    last_row = last_row or ws.max_row
    first_row = first_row or ((title_rows[1] + 1) if title_rows else 1)
    if tables is None:
        tables = [(first_row, last_row)]
    keep = list(keep) + [span for a, b in tables for span in table_keep(a, b)]
    scale, column_ends = _columns(ws, last_col, title_cols, groups, floor, width)
    scale, row_ends = _rows(ws, first_row, last_row, title_rows, keep, scale, floor, height, one_page)
    _setup(ws, schedule, paper, max(scale, 0.1))
    if title_rows:
        ws.print_title_rows = f"{title_rows[0]}:{title_rows[1]}"
    if title_cols and len(column_ends) > 1:
        ws.print_title_cols = f"{get_column_letter(title_cols[0])}:{get_column_letter(title_cols[1])}"
        ws.page_setup.pageOrder = "overThenDown"  # a band of rows through all the time, then the next
    for row in row_ends[:-1]:
        ws.row_breaks.append(Break(id=row))
    for column in column_ends[:-1]:
        ws.col_breaks.append(Break(id=column))
    ws.print_area = f"A1:{get_column_letter(last_col)}{last_row}"
    return Pages(scale, row_ends, column_ends)


def _setup(ws: Worksheet, schedule: Schedule, paper: str, scale: float) -> None:
    """Paper, landscape, a fixed scale, margins, header (plan, sheet), footer (town, status, page)."""
    lang = schedule.language
    ws.page_setup.paperSize = PAPERS[paper][0]
    ws.page_setup.orientation = "landscape"
    ws.page_setup.scale = max(10, int(scale * 100))
    ws.sheet_properties.pageSetUpPr.fitToPage = False
    ws.page_margins.left = ws.page_margins.right = MARGIN_SIDE
    ws.page_margins.top = ws.page_margins.bottom = MARGIN_TOP
    ws.page_margins.header = ws.page_margins.footer = MARGIN_HEADER
    town = schedule.project.municipality or schedule.project.name
    ws.oddFooter.left.text = header_text(town)
    ws.oddFooter.center.text = f"{word('status', lang)}: {format_date(schedule.status_date, lang)}"
    ws.oddFooter.right.text = t("sheet.page", lang)
    ws.oddHeader.left.text = header_text(schedule.project.name)
    ws.oddHeader.right.text = header_text(ws.title)


def header_text(text: str) -> str:
    """Plan text for a header or footer: '&' starts a code there, so "A&B" is written "A&&B"."""
    return "".join(c for c in text if c >= " " or c == "\t").replace("&", "&&")

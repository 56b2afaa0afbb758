"""Issue 17, the output side: safe text in every output, and the outputs of a build as one set.

- hostile text (control characters, U+FFFE/U+FFFF, formula starts, over-long names) gives a
  workbook whose every XML part parses, that openpyxl reopens, with headers and footers
  within Excel's 255 characters; CSV cells are defused and hold no control characters;
- ``roadmap build`` writes all files to temporary names and renames them only when all
  succeeded; stale temporary files of killed runs are removed;
- a plan over the documented size is refused before anything is drawn.
"""
from __future__ import annotations

import csv
import errno
import io
import os
import time
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import openpyxl
import pytest
from click.testing import CliRunner
from openpyxl import Workbook

import roadmap.build as build_module
from roadmap.build import build
from roadmap.cli import cli
from roadmap.excel.cells import MAX_HEADER, fit_header_footer, xml_text
from roadmap.exchange.tabular import csv_german, csv_text, defuse, json_text, visible
from roadmap.output import STALE_SECONDS, OutputError, OutputSet, clean_stale

CONTROL = "".join(chr(c) for c in range(1, 32))
YAML_CONTROL = "".join(f"\\x{c:02x}" for c in range(1, 32))

HOSTILE = f'''roadmap: 1
project:
  name: "Fahrplan{YAML_CONTROL}\\uFFFE\\uFFFF Ende"
  municipality: "Stadt{YAML_CONTROL}\\uFFFF"
  start: 2027-01-11
phases:
  - {{id: ph, name: "Phase\\x1b[5m\\uFFFE\\x07"}}
roles:
  lead: {{name: "Leitung\\uFFFF\\x03"}}
bodies:
  rat: {{name: "Rat\\uFFFE\\x1b[2J", short: "R\\x1b\\uFFFF", sessions: [2027-03-01, 2027-06-07], lead_time: 1w}}
packages:
  - {{id: a, name: "A\\uFFFE\\x1b]0;Titel\\x07{YAML_CONTROL}", duration: 2d, phase: ph, owner: lead,
     description: "Beschreibung\\uFFFF\\x1b\\x0b", deliverable: "Ergebnis\\uFFFE\\x1f", source: "Quelle\\uFFFF"}}
  - {{id: b, name: "=HYPERLINK(\\"http://x\\",\\"y\\")\\r\\x1b[2J", duration: 2d, after: [a]}}
  - {{id: c, name: "Beschluss\\x1b[1A\\uFFFF", kind: decision, body: rat, after: [b]}}
  - {{id: d, name: "+Meilenstein\\u202Eevil\\u2028x", kind: milestone, after: [c]}}
'''

ONE = "roadmap: 1\nproject: {name: P, start: 2027-01-11}\npackages:\n  - {id: a, name: A, duration: 2d}\n"

#: Characters XML 1.0 does not allow (what makes Excel offer a repair).
NOT_XML = [chr(c) for c in range(0, 32) if chr(c) not in "\t\n\r"] + ["\ufffe", "\uffff"]


def _plan(tmp_path, text: str, name: str = "plan.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _check_workbook(book: Path) -> openpyxl.Workbook:
    """Every XML part parses and holds no character XML forbids; openpyxl reopens it."""
    with zipfile.ZipFile(book) as archive:
        assert archive.testzip() is None
        for member in archive.namelist():
            if not member.endswith((".xml", ".rels")):
                continue
            data = archive.read(member)
            text = data.decode("utf-8")
            bad = [c for c in NOT_XML if c in text]
            assert not bad, (member, bad)
            ElementTree.fromstring(data)  # a strict parser, as Excel's is
    return openpyxl.load_workbook(book)


# ---- the workbook ---------------------------------------------------------------------------


def test_hostile_text_gives_a_workbook_that_reopens(tmp_path):
    result = build(str(_plan(tmp_path, HOSTILE)), tmp_path / "out")
    wb = _check_workbook(result.excel)
    assert wb.properties.title == "Smart-City-Fahrplan: Fahrplan Ende"  # one line: tab, LF, CR as one space
    assert wb.properties.subject == "Stadt"
    texts = [cell.value for ws in wb.worksheets for row in ws.iter_rows() for cell in row
             if isinstance(cell.value, str)]
    assert any(text.startswith("A") and "Titel" in text for text in texts)
    assert not any(c in text for text in texts for c in NOT_XML)
    # the formula-like name is a text cell, never a formula
    cells = [cell for ws in wb.worksheets for row in ws.iter_rows() for cell in row
             if isinstance(cell.value, str) and cell.value.startswith("=HYPERLINK")]
    assert cells and all(cell.data_type == "s" for cell in cells)
    for ws in wb.worksheets:
        for item in (ws.oddHeader, ws.oddFooter):
            assert not any(c in str(item) for c in NOT_XML)
    assert result.html.read_text(encoding="utf-8").rstrip().endswith("</html>")


def test_long_names_are_cut_in_headers_footers_and_properties(tmp_path):
    name = "Sehr langer Name & Co. " * 2000
    plan = _plan(tmp_path, f'roadmap: 1\nproject: {{name: "{name}", municipality: "{"Gemeinde&&" * 3000}", '
                           'start: 2027-01-11}\npackages:\n  - {id: a, name: A, duration: 2d}\n')
    result = build(str(plan), tmp_path / "out")
    wb = _check_workbook(result.excel)
    for ws in wb.worksheets:
        for item in (ws.oddHeader, ws.oddFooter):
            assert len(str(item)) <= MAX_HEADER, (ws.title, len(str(item)))
        assert ws.oddHeader.left.text.endswith("…")
        assert ws.oddFooter.left.text.endswith("…")
        assert ws.oddHeader.right.text == ws.title  # the short part stays whole
    assert len(wb.properties.title) <= 255 and wb.properties.title.endswith("…")


def test_header_cut_never_splits_an_escaped_ampersand():
    ws = Workbook().active
    ws.oddHeader.left.text = "&&" * 200
    ws.oddHeader.right.text = "Blatt"
    fit_header_footer(ws)
    left = ws.oddHeader.left.text
    assert len(str(ws.oddHeader)) <= MAX_HEADER
    assert left.endswith("…") and (len(left) - 1) % 2 == 0 and set(left[:-1]) == {"&"}
    assert ws.oddHeader.right.text == "Blatt"


def test_xml_text_drops_what_xml_cannot_hold():
    assert xml_text(f"a{CONTROL}\ufffe\uffff\ud800b") == "a\t\n\rb"
    assert xml_text("x" * 300, 255) == "x" * 254 + "…"


# ---- CSV, JSON and the terminal --------------------------------------------------------------


@pytest.mark.parametrize("name", ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", "\uff1d1"])
def test_formula_starts_are_defused_in_both_csv_shapes(tmp_path, name):
    from roadmap.engine.scheduler import schedule
    from roadmap.plan.loader import load_plan

    escaped = name.replace("\t", "\\t").replace("\r", "\\r")
    plan = _plan(tmp_path, f'roadmap: 1\nproject: {{name: P, start: 2027-01-11}}\npackages:\n'
                           f'  - {{id: a, name: "{escaped}", duration: 2d}}\n')
    result = schedule(load_plan(plan))
    german = list(csv.reader(io.StringIO(csv_german(result).decode("utf-8-sig")), delimiter=";"))
    english = list(csv.reader(io.StringIO(csv_text(result))))
    for rows, column in ((german, 1), (english, 1)):
        cell = rows[1][column]
        assert cell.startswith("'"), cell
        assert "\r" not in cell


def test_csv_cells_hold_no_control_characters():
    assert defuse("a\x1bb\x00c\x9bd") == "a\\x1bb\\x00c\\x9bd"
    assert defuse("Zeile\r\nzwei\tdrei") == "Zeile\nzwei\tdrei"
    assert defuse("=1") == "'=1"


def test_visible_shows_every_terminal_control_as_an_escape():
    text = "a\x1b[2J\rb\x07\x7f\x9b\u202e\u2028\ufeff\udcff\nc"
    shown = visible(text)
    assert shown == "a\\x1b[2J\\x0db\\x07\\x7f\\x9b\\u202e\\u2028\\ufeff\\udcff\\x0ac"
    assert visible(text, keep="\n").endswith("\\udcff\nc")
    assert visible("Grüße – „Rat“ ✓") == "Grüße – „Rat“ ✓"


def test_json_text_is_the_same_data_and_inert():
    import json

    data = {"name": "a\x1b\x9b\u202e\n\udcffb"}
    text = json_text(data)
    assert json.loads(text) == data
    assert not any(c in text for c in "\x1b\x9b\u202e\udcff")


@pytest.mark.parametrize("args", [["schedule"], ["schedule", "--format", "json"],
                                  ["schedule", "--format", "csv-en"], ["schedule", "--format", "csv"],
                                  ["check"], ["build", "-o", "out"]])
def test_no_command_lets_plan_text_drive_the_terminal(tmp_path, monkeypatch, args):
    monkeypatch.chdir(tmp_path)
    plan = _plan(tmp_path, HOSTILE)
    result = CliRunner().invoke(cli, [args[0], str(plan), *args[1:]])
    assert result.exit_code == 0, result.output
    shown = result.stdout_bytes.decode("utf-8") + result.stderr
    for char in ("\x1b", "\x07", "\x9b", "\u202e", "\x00"):
        assert char not in shown, (args, repr(char))
    if "json" not in args:
        assert "\r" not in shown.replace("\r\n", "\n")  # the German CSV's CRLF is its line end


# ---- outputs as a set --------------------------------------------------------------------------


def _old_outputs(out: Path) -> dict[str, bytes]:
    out.mkdir()
    old = {"plan.xlsx": b"old workbook", "plan.html": b"<html>old page</html>"}
    for name, data in old.items():
        (out / name).write_bytes(data)
    return old


def _left(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}


def test_a_failing_second_writer_replaces_nothing(tmp_path, monkeypatch):
    out = tmp_path / "out"
    old = _old_outputs(out)

    def disk_full(schedule, path, *args, **kwargs):
        Path(path).write_text("half a pa")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(build_module, "write_gantt_html", disk_full)
    with pytest.raises(OutputError) as caught:
        build(str(_plan(tmp_path, ONE)), out)
    assert caught.value.args[0].render("de") == (
        f"'{out}/plan.html' kann nicht geschrieben werden: der Datenträger ist voll. Keine der Dateien "
        f"'{out}/plan.xlsx', '{out}/plan.html' wurde geschrieben; vorhandene Dateien sind unverändert.")
    assert _left(out) == old  # the old pair, and no temporary file


def test_a_bug_in_the_second_writer_replaces_nothing_either(tmp_path, monkeypatch):
    out = tmp_path / "out"
    old = _old_outputs(out)
    monkeypatch.setattr(build_module, "write_gantt_html", lambda *a, **k: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        build(str(_plan(tmp_path, ONE)), out)
    assert _left(out) == old


def test_a_folder_in_place_of_the_page_is_found_before_anything_is_written(tmp_path):
    out = tmp_path / "out"
    (out / "plan.html").mkdir(parents=True)
    result = CliRunner().invoke(cli, ["build", str(_plan(tmp_path, ONE)), "-o", str(out)])
    assert result.exit_code == 1
    assert result.stderr == (f"Fehler: '{out}/plan.html' kann nicht geschrieben werden: das ist ein Ordner. "
                             f"Keine der Dateien '{out}/plan.xlsx', '{out}/plan.html' wurde geschrieben; "
                             "vorhandene Dateien sind unverändert.\n")
    assert [p.name for p in out.iterdir()] == ["plan.html"]


def test_a_read_only_folder_is_a_sentence(tmp_path, monkeypatch):
    import tempfile

    out = tmp_path / "out"
    old = _old_outputs(out)

    def refused(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refused)  # root ignores chmod; this is what it does
    with pytest.raises(OutputError) as caught:
        build(str(_plan(tmp_path, ONE)), out)
    assert caught.value.args[0].render("de").startswith(
        f"'{out}/plan.xlsx' kann nicht geschrieben werden: keine Berechtigung oder die Datei ist geöffnet")
    assert "Keine der Dateien" in caught.value.args[0].render("de")
    assert _left(out) == old


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write into a read-only folder")
def test_a_really_read_only_folder(tmp_path):
    out = tmp_path / "out"
    old = _old_outputs(out)
    out.chmod(0o555)
    try:
        result = CliRunner().invoke(cli, ["build", str(_plan(tmp_path, ONE)), "-o", str(out)])
    finally:
        out.chmod(0o755)
    assert result.exit_code == 1 and "Keine der Dateien" in result.stderr
    assert _left(out) == old


def test_a_failed_rename_puts_the_old_files_back(tmp_path, monkeypatch):
    out = tmp_path / "out"
    old = _old_outputs(out)
    real_replace = os.replace
    calls = []

    def second_fails(source, target):
        calls.append(target)
        if str(target).endswith("plan.html") and not str(source).endswith(".old.tmp"):
            raise PermissionError(errno.EACCES, "locked")  # Excel or a browser holds it
        return real_replace(source, target)

    monkeypatch.setattr(os, "replace", second_fails)
    files = [out / "plan.xlsx", out / "plan.html"]
    with pytest.raises(OutputError) as caught:
        with OutputSet(files) as outputs:
            for target in files:
                Path(outputs.temp(target)).write_text("new")
            outputs.commit()
    assert "Keine der Dateien" in caught.value.args[0].render("de")
    assert _left(out) == old  # the workbook already renamed got its old file back


def test_a_successful_build_replaces_both_and_leaves_no_temporary_file(tmp_path):
    out = tmp_path / "out"
    old = _old_outputs(out)
    build(str(_plan(tmp_path, ONE)), out)
    left = _left(out)
    assert sorted(left) == ["plan.html", "plan.xlsx"]
    assert left["plan.xlsx"] != old["plan.xlsx"] and left["plan.html"] != old["plan.html"]
    assert oct((out / "plan.xlsx").stat().st_mode & 0o777) == oct(0o666 & ~_umask())


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_stale_temporary_files_are_removed_young_ones_stay(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    hour_ago = time.time() - 3600
    stale = [".plan.xlsx.x1.tmp", ".plan.html.x2.tmp", "..plan.xlsx.x3.tmp.x4.tmp", ".plan.pdf.x5.tmp",
             ".plan.xlsx.x6.old.tmp"]
    for name in stale + [".plan.html.young.tmp", ".other.xlsx.x7.tmp"]:
        (out / name).write_text("half")
    for name in stale + [".other.xlsx.x7.tmp"]:
        os.utime(out / name, (hour_ago, hour_ago))
    build(str(_plan(tmp_path, ONE)), out)
    assert sorted(p.name for p in out.iterdir()) == [".other.xlsx.x7.tmp", ".plan.html.young.tmp",
                                                       "plan.html", "plan.xlsx"]


def test_clean_stale_keeps_folders_and_links(tmp_path):
    target = tmp_path / "plan.xlsx"
    (tmp_path / ".plan.xlsx.dir.tmp").mkdir()
    (tmp_path / ".plan.xlsx.link.tmp").symlink_to("/etc/hostname")
    old = time.time() - STALE_SECONDS - 10
    os.utime(tmp_path / ".plan.xlsx.dir.tmp", (old, old))
    assert clean_stale(target) == []
    assert (tmp_path / ".plan.xlsx.dir.tmp").is_dir() and (tmp_path / ".plan.xlsx.link.tmp").is_symlink()


# ---- the size limit ---------------------------------------------------------------------------


def test_a_plan_over_the_limit_is_refused_before_anything_is_written(tmp_path, monkeypatch):
    monkeypatch.setattr(build_module, "MAX_PACKAGES", 2)
    lines = ["roadmap: 1", "project: {name: P, start: 2027-01-11}", "packages:"]
    lines += [f"  - {{id: p{i}, name: P{i}, duration: 1d}}" for i in range(3)]
    plan = _plan(tmp_path, "\n".join(lines) + "\n")
    result = CliRunner().invoke(cli, ["build", str(plan), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert result.stderr.startswith("Der Plan ist zu groß für roadmap build: 3 Arbeitspakete und 0 "
                                    "Verknüpfungen; Excel-Plan und Gantt-Diagramm entstehen für höchstens 2 "
                                    "Arbeitspakete und 30.000 Verknüpfungen")
    assert not (tmp_path / "out").exists()
    english = CliRunner().invoke(cli, ["build", str(plan), "-o", str(tmp_path / "out"), "--lang", "en"])
    assert "at most 2 packages and 30,000 links" in english.stderr


def test_the_limits_are_documented():
    text = (Path(__file__).resolve().parent.parent / "docs" / "scheduling.md").read_text(encoding="utf-8")
    section = text[text.index("## Grenzen"):]
    assert f"{build_module.MAX_PACKAGES:,}".replace(",", ".") in section
    assert f"{build_module.MAX_LINKS:,}".replace(",", ".") in section


# ---- the other outputs: page, calendar, MS Project, TaskJuggler, report -------------------------

#: What no text output may carry from the plan: C0 controls but tab and line breaks, DEL, C1,
#: noncharacters.
NOT_TEXT = [chr(c) for c in range(0, 32) if chr(c) not in "\t\n\r"] + [chr(c) for c in range(0x7f, 0xa0)] \
    + ["\ufffe", "\uffff"]


def test_the_page_carries_no_control_characters(tmp_path):
    result = build(str(_plan(tmp_path, HOSTILE)), tmp_path / "out")
    page = result.html.read_text(encoding="utf-8")
    assert not [c for c in NOT_TEXT if c in page]
    assert "Fahrplan" in page and "Ende" in page


@pytest.mark.parametrize("fmt, suffix", [("ics", "ics"), ("mspdi", "xml"), ("tjp", "tjp"), ("csv", "csv"),
                                         ("csv-en", "csv")])
def test_every_export_of_hostile_text_is_whole(tmp_path, fmt, suffix):
    plan = _plan(tmp_path, HOSTILE)
    target = tmp_path / f"plan.{suffix}"
    result = CliRunner().invoke(cli, ["export", str(plan), "--format", fmt, "-o", str(target)])
    assert result.exit_code == 0, result.output
    data = target.read_bytes()
    text = data.decode("utf-8-sig")
    assert not [c for c in NOT_TEXT if c in text], fmt
    if fmt == "ics":
        import icalendar

        calendar = icalendar.Calendar.from_ical(data)
        assert "Fahrplan" in str(calendar.get("x-wr-calname"))
    if fmt == "mspdi":
        ElementTree.fromstring(data)


@pytest.mark.parametrize("suffix", ["docx", "md"])
def test_the_report_of_hostile_text_is_whole(tmp_path, suffix):
    plan = _plan(tmp_path, HOSTILE)
    target = tmp_path / f"bericht.{suffix}"
    result = CliRunner().invoke(cli, ["report", str(plan), "-o", str(target), "--status-date", "2027-02-01"])
    assert result.exit_code == 0, result.output
    if suffix == "docx":
        import docx

        document = docx.Document(str(target))
        assert any("Fahrplan" in p.text for p in document.paragraphs)
        _check_workbook_like(target)
    else:
        text = target.read_text(encoding="utf-8")
        assert not [c for c in NOT_TEXT if c in text]


def _check_workbook_like(archive_path: Path) -> None:
    with zipfile.ZipFile(archive_path) as archive:
        for member in archive.namelist():
            if member.endswith((".xml", ".rels")):
                data = archive.read(member)
                assert not [c for c in NOT_XML if c in data.decode("utf-8")], member
                ElementTree.fromstring(data)

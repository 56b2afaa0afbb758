"""The Sachstandsbericht as a Word document (``.docx``), for the Mitteilungsvorlage.

Verwaltungen write their Vorlagen in Word, so the report is a plain document they can
paste from or attach: Word's own heading styles (the navigation pane and a table of
contents pick them up), tables in a built-in table style, A4 portrait, German set as the
proofing language. Written with python-docx; the same report gives the same bytes
(the document's dates are the status date, the zip members carry a fixed time).
"""
from __future__ import annotations

import datetime as dt
import io
import zipfile

from roadmap.output import atomic_write
from roadmap.report.document import Report, Section
from roadmap.text import t

TABLE_STYLE = "Light Grid Accent 1"
TEXT_WIDTH_CM = 17.0  # A4 portrait less 2 cm margins
ZIP_TIME = (2000, 1, 1, 0, 0, 0)


def _language(document, language: str) -> None:
    """Set the proofing language of the Normal style (and so of every paragraph)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    rpr = document.styles["Normal"].element.get_or_add_rPr()
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), t("report.language-tag", language))


def _page(document) -> None:
    from docx.shared import Cm

    section = document.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2.0))


def _table(document, section: Section) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    table = document.add_table(rows=1, cols=len(section.columns))
    table.style = TABLE_STYLE
    table.autofit = False
    look = table._tbl.tblPr.find(qn("w:tblLook"))
    if look is not None:  # the style's bold first column would make every name bold
        look.set(qn("w:firstColumn"), "0")
        look.set(qn("w:val"), "0420")
    for cell, text in zip(table.rows[0].cells, section.columns):
        cell.text = text
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for row in section.rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row):
            cell.text = str(text)
    weights = section.weights or (1.0,) * len(section.columns)
    widths = [Cm(TEXT_WIDTH_CM * w / sum(weights)) for w in weights]
    for column, width in zip(table.columns, widths):
        column.width = width
    for row in table.rows:
        for cell, width in zip(row.cells, widths):
            cell.width = width
            for paragraph in cell.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(9)


def build_document(report: Report):
    """The report as a python-docx ``Document`` (not yet saved)."""
    import docx

    document = docx.Document()
    _page(document)
    _language(document, report.language)
    document.add_heading(report.title, level=0)
    document.add_paragraph().add_run(report.subtitle).bold = True
    for label, value in report.facts:
        paragraph = document.add_paragraph(style="List Bullet")
        paragraph.add_run(f"{label}: ").bold = True
        paragraph.add_run(value)
    for section in report.sections:
        document.add_heading(section.title, level=1)
        if section.intro:
            document.add_paragraph(section.intro)
        if section.rows:
            _table(document, section)
        else:
            document.add_paragraph(section.empty)
    if report.footer:
        document.add_paragraph().add_run(report.footer).italic = True
    properties = document.core_properties
    properties.title = report.title
    properties.subject = report.subtitle
    properties.author = properties.last_modified_by = "roadmap (Smart-City-Fahrplan)"
    properties.language = t("report.language-tag", report.language)
    properties.revision = 1
    if isinstance(report.created, dt.date):
        stamp = dt.datetime.combine(report.created, dt.time(0, 0))
        properties.created = properties.modified = stamp
    return document


def _save(document, path) -> None:
    buffer = io.BytesIO()
    document.save(buffer)
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o644 << 16
            target.writestr(member, source.read(info.filename))


def write_docx(report: Report, path, inputs=()):
    """Write the report to ``path`` as ``.docx``, atomically."""
    document = build_document(report)
    return atomic_write(path, lambda temp: _save(document, temp), inputs)

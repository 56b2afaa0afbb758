"""The Gantt figure: what it draws, where, and that plan text stays text."""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import re
import stat

import pytest

from roadmap.gantt.figure import gantt_figure, write_gantt_html
from roadmap.gantt.rows import bar_span
from roadmap.gantt.page import page
from roadmap.plan.model import Body, Duration, Link, Phase, Project, Role, Text
from roadmap.engine.result import Consultation, Holiday, Schedule, ScheduledPackage, Window

D = dt.date
EVIL = "<img src=x onerror=alert(1)>"
SCRIPT_CLOSER = "Pilot </script><script>alert(2)</script>"


def _add_working_days(day: dt.date, days: int) -> dt.date:
    """Inclusive finish of a task of ``days`` working days (Mon-Fri) starting ``day``."""
    left = days - 1
    while left:
        day += dt.timedelta(days=1)
        if day.weekday() < 5:
            left -= 1
    return day


def _task(id_, name, phase, start, days, total_float=0, after=(), **extra):
    finish = _add_working_days(start, days)
    late_start = start + dt.timedelta(days=7 * (total_float // 5))
    return ScheduledPackage(
        id=id_, name=name, kind="task", phase=phase, start=start, finish=finish,
        duration_days=days, duration=Duration(days, text=f"{days}d"), late_start=late_start,
        late_finish=finish, total_float=total_float, free_float=0, critical=total_float <= 0,
        predecessors=tuple(Link(p) for p in after), **extra)


def _instant(id_, name, phase, kind, day, total_float=0, after=(), **extra):
    return ScheduledPackage(
        id=id_, name=name, kind=kind, phase=phase, start=day, finish=day, duration_days=0,
        duration=None, late_start=day, late_finish=day, total_float=total_float, free_float=0,
        critical=total_float <= 0, predecessors=tuple(Link(p) for p in after), **extra)


def sample_schedule(language: str = "de", extra_name: str = EVIL) -> Schedule:
    """A hand-built schedule (no engine): 3 phases, 7 tasks, 1 milestone, 1 decision."""
    bodies = {
        "digital": Body("digital", Text("Ausschuss für Digitalisierung", "Digital committee"),
                        (D(2027, 2, 18), D(2027, 5, 20), D(2027, 9, 16)), short="DigA"),
        "hfa": Body("hfa", Text("Haupt- und Finanzausschuss", "Main and finance committee"),
                    (D(2027, 3, 2), D(2027, 6, 15), D(2027, 9, 28)), short="HFA"),
        "rat": Body("rat", Text("Rat der Stadt", "Town council"),
                    (D(2027, 3, 16), D(2027, 6, 29), D(2027, 10, 12)), short="Rat"),
    }
    sessions = (
        Consultation("digital", "Ausschuss für Digitalisierung", D(2027, 5, 20), D(2027, 4, 29)),
        Consultation("hfa", "Haupt- und Finanzausschuss", D(2027, 6, 15), D(2027, 5, 25)),
        Consultation("rat", "Rat der Stadt", D(2027, 6, 29), D(2027, 6, 8)),
    )
    packages = [
        _task("ag", "Lenkungsgruppe einrichten", "org", D(2027, 1, 11), 20, owner="pl",
              source="Soest: Team vor Strategie aufstellen (Leitfaden 1-1)"),
        _task("stelle", "Stelle Projektleitung ausschreiben und besetzen", "org",
              D(2027, 2, 8), 60, total_float=25, after=("ag",), owner="hr"),
        _task("analyse", "Bestandsaufnahme digitale Dienste", "strat", D(2027, 2, 8), 40,
              after=("ag",), owner="pl", driver="ag", driver_reason="link"),
        _task("vorlage", "Strategie-Entwurf und Beschlussvorlage", "strat", D(2027, 4, 5), 18,
              after=("analyse",), owner="pl", driver="analyse", driver_reason="link"),
        _instant("beschluss", "Ratsbeschluss Smart-City-Strategie", "strat", "decision",
                 D(2027, 6, 29), after=("vorlage",), body="rat", via=("digital", "hfa"),
                 sessions=sessions, driver="vorlage", driver_reason="link"),
        _instant("start", "Startschuss Umsetzung", "umsetzung", "milestone", D(2027, 6, 30),
                 after=("beschluss",), driver="beschluss", driver_reason="link"),
        _task("pilot", extra_name, "umsetzung", D(2027, 6, 30), 30, after=("start",)),
        _task("pilot2", SCRIPT_CLOSER, "umsetzung", D(2027, 6, 30), 20, total_float=10,
              after=("start",)),
        _task("bericht", "Bericht an den Rat", "umsetzung", D(2027, 8, 11), 10,
              after=("pilot",)),
    ]
    return Schedule(
        project=Project("Smart-City-Fahrplan Musterstadt", "Musterstadt", "NW", D(2027, 1, 11),
                        language, D(2027, 3, 1)),
        start=D(2027, 1, 11), finish=D(2027, 8, 24), packages=packages,
        phases=(Phase("org", Text("Organisation", "Organisation")),
                Phase("strat", Text("Strategie", "Strategy")),
                Phase("umsetzung", Text("Umsetzung", "Implementation"))),
        roles={"pl": Role("pl", Text("Projektleitung", "Project lead")),
               "hr": Role("hr", Text("Personalamt", "HR office"))},
        bodies=bodies,
        holidays=(Holiday(D(2027, 3, 26), "Karfreitag"),),
        school_holidays=(Window(D(2027, 3, 22), D(2027, 4, 3), "Osterferien"),
                         Window(D(2027, 7, 19), D(2027, 8, 31), "Sommerferien")),
    )


@pytest.fixture
def schedule():
    return sample_schedule()


CRITICAL_NAME = "Kritischer Pfad (rote Umrandung)"


def _bars(fig):
    """The phase bar traces (not the red critical-path outlines over them, nor the float)."""
    return [t for t in fig.data if t.type == "bar" and t.meta["role"] == "bars"]


def _role(fig, role):
    return [t for t in fig.data if t.meta and t.meta["role"] == role]


def _trace(fig, name):
    return next(t for t in fig.data if t.name == name)


def test_one_bar_per_task_ending_the_day_after_the_inclusive_finish(schedule):
    """A task finishing Fri 05.02.2027 (inclusive) has its bar end at Sat 06.02. 00:00."""
    fig = gantt_figure(schedule)
    ends = {}
    for trace in _bars(fig):
        for pid, base, length in zip(trace.customdata, trace.base, trace.x):
            ends[pid] = dt.datetime.fromisoformat(base) + dt.timedelta(milliseconds=length)
    tasks = [p.id for p in schedule.packages if p.kind == "task"]
    assert sorted(ends) == sorted(tasks)
    assert ends["ag"] == dt.datetime(2027, 2, 6)  # 20 working days from Mon 11.01.2027
    assert bar_span(schedule.package("ag")) == (dt.datetime(2027, 1, 11), dt.datetime(2027, 2, 6))


def test_bars_are_coloured_by_phase_and_critical_ones_have_a_red_outline(schedule):
    fig = gantt_figure(schedule)
    bars = {t.name: t for t in _bars(fig)}
    assert list(bars) == ["Organisation", "Strategie", "Umsetzung"]  # plan order
    assert bars["Organisation"].marker.color == "#0072B2"  # Okabe-Ito blue
    outline = [t for t in fig.data if t.type == "bar" and t.name == CRITICAL_NAME][0]
    assert outline.marker.line.color == "#C0002B" and outline.marker.line.width == 3
    # stelle (25 days float) and pilot2 (10) are not critical.
    assert list(outline.customdata) == ["ag", "analyse", "vorlage", "pilot", "bericht"]
    assert list(outline.base) == list(_bars(fig)[0].base[:1]) + list(_bars(fig)[1].base[:2]) + \
        list(_bars(fig)[2].base[::2])
    diamonds = [t for t in fig.data if t.legendgroup == "critical" and t.type == "scatter"][0]
    assert len(diamonds.x) == 2 and diamonds.marker.symbol == "diamond-open"


def test_phase_color_from_the_plan_wins(schedule):
    schedule.phases = (Phase("org", Text("Organisation"), color="#123456"),) + schedule.phases[1:]
    assert _bars(gantt_figure(schedule))[0].marker.color == "#123456"


def test_rows_are_phase_headers_then_packages_in_plan_order(schedule):
    fig = gantt_figure(schedule)
    labels = list(fig.layout.yaxis.ticktext)
    # session rows, in Beratungsfolge order
    assert labels[:4] == ["<b>Gremiensitzungen</b>", "DigA", "HFA", "Rat"]
    assert labels[4:9] == ["<b>Organisation</b>", "Lenkungsgruppe einrichten",
                           "Stelle Projektleitung ausschreiben und besetzen",
                           "<b>Strategie</b>", "Bestandsaufnahme digitale Dienste"]
    assert list(fig.layout.yaxis.tickvals) == list(range(len(labels)))
    assert fig.layout.yaxis.range == (len(labels) - 0.5, -0.5)  # top row first


def test_one_diamond_per_milestone_and_decision_with_labels(schedule):
    fig = gantt_figure(schedule)
    milestones, decisions = _trace(fig, "Meilenstein"), _trace(fig, "Beschluss")
    assert milestones.marker.symbol == decisions.marker.symbol == "diamond"
    assert list(milestones.customdata) == ["start"]
    assert list(decisions.customdata) == ["beschluss"]
    assert list(decisions.text) == ["\u2002Rat 29.06.2027"]  # an en space apart from the diamond
    assert list(decisions.x) == ["2027-06-29T12:00:00"]


def test_sessions_are_marked_on_their_rows(schedule):
    fig = gantt_figure(schedule)
    sessions = [t for t in fig.data if t.name == "Gremiensitzungen" and t.mode == "markers"][0]
    points = sorted(zip(sessions.y, sessions.x))
    # the chart ends a sixth of the span after the last finish: 24.08. + 225 // 6 = 37 days
    # = 30.09.2027, so HFA 28.09. is on it and Rat 12.10. lies after its end
    assert len(points) == 8
    assert (3, "2027-06-29T12:00:00") in points  # Rat row
    assert "Sitzung: Di 29.06.2027" in " ".join(sessions.hovertext)


def test_german_dates_months_and_locale(schedule):
    fig = gantt_figure(schedule)
    assert fig.layout.xaxis.tickformat == "%b\n%Y"
    assert fig.layout.separators == ",."
    text = page(schedule, fig)
    assert "<h1>Smart-City-Fahrplan Musterstadt</h1>" in text
    assert '<p class="status"><b>Stand: 01.03.2027</b> · Beginn 11.01.2027 · Ende 24.08.2027' in text
    assert '"locale":"de"' in text
    assert "months: [" in text and "'März'" in text  # the embedded plotly locale
    hover = dict(zip(_bars(fig)[0].customdata, _bars(fig)[0].hovertext))["ag"]
    assert "Beginn: Mo 11.01.2027 (KW 2)" in hover
    assert "Ende: Fr 05.02.2027 (KW 5)" in hover
    assert "Dauer: 20 Arbeitstage (20d)" in hover
    assert "Verantwortlich: Projektleitung" in hover
    assert "Gesamtpuffer: 0 Tage" in hover
    assert "Quelle: Soest: Team vor Strategie aufstellen (Leitfaden 1-1)" in hover


def test_english_plan_gets_english_words_and_no_german_locale():
    schedule = sample_schedule("en")
    fig = gantt_figure(schedule)
    assert [t.name for t in _bars(fig)] == ["Organisation", "Strategy", "Implementation"]
    text = page(schedule, fig)
    assert "<b>Status: 2027-03-01</b>" in text
    assert "9 entries: 7 work packages, 1 milestone, 1 decision" in text
    assert '"locale":"en"' in text and "'März'" not in text


def test_decision_hover_lists_the_beratungsfolge(schedule):
    decisions = _trace(gantt_figure(schedule), "Beschluss")
    assert ("Beratungsfolge: DigA 20.05.2027 → HFA 15.06.2027 → Rat 29.06.2027"
            in decisions.hovertext[0])


def test_status_line_and_school_holidays(schedule):
    fig = gantt_figure(schedule)
    status = [s for s in fig.layout.shapes if s.type == "line" and s.x0 == "2027-03-01T12:00:00"]
    assert len(status) == 1
    holidays = [s for s in fig.layout.shapes if s.name == "Schulferien"]
    assert [(s.x0, s.x1) for s in holidays] == [
        ("2027-03-22T00:00:00", "2027-04-04T00:00:00"),
        ("2027-07-19T00:00:00", "2027-09-01T00:00:00")]
    # The legend is the page's (HTML): a plotly legend that wraps pushes the plot down.
    assert fig.layout.showlegend is False
    assert [a.text for a in fig.layout.annotations if a.name == "window"] == ["Osterferien", "Sommerferien"]


def test_critical_links_shown_all_links_behind_a_button(schedule):
    fig = gantt_figure(schedule)
    every, critical = _trace(fig, "Abhängigkeit"), _trace(fig, "Abhängigkeit (kritisch)")
    assert critical.visible is True and every.visible is False
    heads = lambda t: sum(1 for s in t.marker.size if s)  # noqa: E731  one arrowhead per link
    assert heads(every) == 8  # every predecessor link of the sample
    assert heads(critical) == 6  # ag->analyse->vorlage->beschluss->start->pilot->bericht
    assert (critical.meta["role"], every.meta["role"]) == ("links-critical", "links-all")
    # The buttons are the page's; tests/test_gantt_page.py presses them.
    text = page(schedule, fig)
    buttons = re.findall(r'<button type="button" data-links="(\w+)" aria-pressed="(\w+)">(\w+)</button>', text)
    assert buttons == [("critical", "true", "kritische"), ("all", "false", "alle"), ("none", "false", "keine")]


def test_fs_arrow_runs_from_predecessor_finish_to_successor_start(schedule):
    every = _trace(gantt_figure(schedule), "Abhängigkeit")
    paths, path = [], []
    for x, y in zip(every.x, every.y):
        if x is None:
            paths.append(path)
            path = []
        else:
            path.append((x, y))
    # analyse (Fri 02.04.) -> vorlage (Mon 05.04.): from 03.04. 00:00 to 05.04. 00:00.
    assert ["2027-04-03T00:00:00", "2027-04-05T00:00:00"] in [[p[0][0], p[-1][0]] for p in paths]


def test_plan_text_is_escaped_for_plotly(schedule):
    fig = gantt_figure(schedule)
    dump = json.dumps(fig.to_plotly_json(), default=str)
    assert "<img" not in dump and "<script" not in dump
    assert "&lt;img src=x onerror=alert(1)&gt;" in dump  # plotly shows the entity as "<"
    assert "&lt;/script&gt;" in dump


def test_page_cannot_be_broken_out_of(schedule):
    text = page(schedule, gantt_figure(schedule))
    body = text.split("<body>", 1)[1]
    assert "<img" not in body
    assert body.count("</script>") == 2  # the chart's data (JSON) and the page's script
    assert "&lt;img src=x onerror=alert(1)&gt;" in body  # the labels and the tables
    data = body.split('<script type="application/json" id="gantt-spec">', 1)[1].split("</script>", 1)[0]
    assert "<" not in data and ">" not in data and "&" not in data  # all as \u003c ... in the JSON
    assert json.loads(data)["chains"]["beschluss"]["steps"][-1].startswith("Ratsbeschluss")
    assert "http://" not in text.split("<script>", 1)[0]
    assert "Content-Security-Policy" in text and "default-src 'none'" in text


def test_page_has_no_external_resources(schedule):
    text = page(schedule, gantt_figure(schedule))
    assert not re.search(r"""<(script|link|img|iframe)[^>]+(src|href)=["']?https?:""", text)
    # plotly.js, its German locale, the chart's data, the page's script: all inline.
    assert re.findall(r"<script[^>]*>", text) == ["<script>", "<script>",
                                                  '<script type="application/json" id="gantt-spec">', "<script>"]
    assert "MathJax.js" not in text


def test_milestone_table_lists_date_name_and_beratungsfolge(schedule):
    text = page(schedule, gantt_figure(schedule))
    table = text.split('<section class="milestones">', 1)[1].split("</section>", 1)[0]
    rows = re.findall(r"<tr[^>]*>(.*?)</tr>", table, re.S)
    cells = [re.findall(r"<td[^>]*>(.*?)</td>", row) for row in rows[1:]]
    chain = ("Projektbeginn 11.01.2027 → Lenkungsgruppe einrichten (Ende 05.02.2027) → "
             "Bestandsaufnahme digitale Dienste (Ende 02.04.2027) → "
             "Strategie-Entwurf und Beschlussvorlage (Ende 28.04.2027) → "
             "Ratsbeschluss Smart-City-Strategie (Rat 29.06.2027)")
    assert cells == [
        ["Di 29.06.2027", "Beschluss", "Ratsbeschluss Smart-City-Strategie",
         "DigA 20.05.2027 → HFA 15.06.2027 → Rat 29.06.2027", "0 Tage (kritisch)", chain],
        ["Mi 30.06.2027", "Meilenstein", "Startschuss Umsetzung", "", "0 Tage (kritisch)",
         chain + " → Startschuss Umsetzung (30.06.2027)"],
    ]


def test_print_stylesheet_is_a3_landscape(schedule):
    text = page(schedule, gantt_figure(schedule))
    assert "@page { size: A3 landscape;" in text


def test_write_is_atomic_and_leaves_no_temp_files(schedule, tmp_path):
    target = tmp_path / "gantt.html"
    target.write_text("old")
    write_gantt_html(schedule, target)
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in tmp_path.iterdir()] == ["gantt.html"]


def test_output_is_deterministic(schedule, tmp_path):
    write_gantt_html(schedule, tmp_path / "a.html")
    write_gantt_html(schedule, tmp_path / "b.html")
    assert (tmp_path / "a.html").read_bytes() == (tmp_path / "b.html").read_bytes()


def test_page_draws_row_labels_as_html_beside_the_plot(schedule):
    """Plotly measures each SVG tick label (seconds for 500 rows); the page uses HTML,
    one label per row, placed by the page's script (tests/test_gantt_page.py measures)."""
    fig = gantt_figure(schedule)
    text = page(schedule, fig)
    column = text.split('<div id="gantt-rows" class="rows">', 1)[1].split("\n</div>", 1)[0]
    lines = re.findall(r'<(?:div|button)[^>]* class="label (\w+)[^"]*" data-row="(\d+)"[^>]*>.*?'
                       r'<span class="name">(.*?)</span>', column)
    assert [int(row) for _, row, _ in lines] == list(range(len(fig.layout.yaxis.ticktext)))
    assert lines[0] == ("sessions", "0", "Gremiensitzungen")
    assert ("phase", "4", "Organisation") in lines
    assert ("package", "13", "&lt;img src=x onerror=alert(1)&gt;") in lines
    # Phase headers are buttons that fold the phase; milestones show their driving path.
    assert '<button type="button" class="label phase" data-row="4" data-key="phase:org" ' in column
    assert 'class="label package milestone" data-row="10" data-key="package:beschluss" data-id="beschluss"' in column
    # the figure itself keeps its labels; the page's copy hides plotly's
    assert fig.layout.yaxis.showticklabels is not False
    assert '"showticklabels":false' in text


def test_all_links_shown_when_no_link_is_critical():
    relaxed = sample_schedule()
    relaxed.packages = [dataclasses.replace(p, critical=False, total_float=5) for p in relaxed.packages]
    fig = gantt_figure(relaxed)
    every, critical = _trace(fig, "Abhängigkeit"), _trace(fig, "Abhängigkeit (kritisch)")
    assert not critical.x and every.visible is True
    assert '<button type="button" data-links="all" aria-pressed="true">alle</button>' in page(relaxed, fig)


def test_page_file_is_readable_by_others(schedule, tmp_path):
    target = tmp_path / "gantt.html"
    old = os.umask(0o022)
    try:
        write_gantt_html(schedule, target)
    finally:
        os.umask(old)
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


def test_page_inlines_plotlys_basic_bundle_of_the_matching_release(schedule):
    from plotly.offline import get_plotlyjs_version

    text = page(schedule, gantt_figure(schedule))
    assert f"plotly.js (basic - minified) v{get_plotlyjs_version()}\n" in text
    assert len(text) < 2_000_000  # the full bundle alone is 4.7 MB


def test_page_falls_back_to_the_full_bundle_for_another_plotly_release(schedule, monkeypatch):
    import roadmap.gantt.page as gantt_html

    monkeypatch.setattr(gantt_html, "get_plotlyjs_version", lambda: "0.0.1")
    text = page(schedule, gantt_figure(schedule))
    assert "plotly.js (basic - minified)" not in text
    assert len(text) > 4_000_000


def test_total_float_is_drawn_from_the_bar_end_to_the_latest_finish():
    from conftest import run

    _, result = run("""
        - {id: a, name: Konzept, duration: 5d}
        - {id: b, name: Umfrage, duration: 2d}
        - {id: c, name: Bericht, duration: 3d, after: [a, b]}
    """)
    fig = gantt_figure(result)
    slack = _trace(fig, "Puffer bis zum spätesten Ende")
    assert len(slack.base) == 1  # only b has float: 3 working days
    start = dt.datetime.fromisoformat(slack.base[0])
    end = start + dt.timedelta(milliseconds=slack.x[0])
    assert (start, end) == (dt.datetime(2027, 2, 3), dt.datetime(2027, 2, 6))  # Wed .. end of Fri
    assert "Gesamtpuffer: 3 Tage" in slack.hovertext[0]


def test_workbook_and_gantt_colour_each_phase_alike():
    """Phases without a colour get the palette's by position, in both outputs (they
    once had two palettes in different orders: phase 4 was pink in Excel, blue here)."""
    from conftest import run

    from roadmap.excel.styles import phase_colors

    phases = "\n".join(f"  - {{id: f{i}, name: Phase {i}}}" for i in range(6))
    packages = "\n".join(f"- {{id: a{i}, name: A{i}, duration: 2d, phase: f{i}}}" for i in range(6))
    _, result = run(packages + "\n- {id: lose, name: Ohne, duration: 1d}\n", head="phases:\n" + phases + "\n")
    gantt = {t.name: t.marker.color for t in _bars(gantt_figure(result))}
    excel = phase_colors(result)
    assert gantt == {**{f"Phase {i}": "#" + excel[f"f{i}"] for i in range(6)}, "Ohne Phase": "#" + excel[None]}
    assert len(set(gantt.values())) == 7  # six phase colours and the grey of "no phase"

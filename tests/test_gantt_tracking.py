"""What the Gantt page says and draws about the living plan: the one count, the start,
the critical path in words, near-critical packages, deadlines, % done, the baseline,
each package's state, and the driving path (without a browser; the page's behaviour in
Chromium is tests/test_gantt_page.py)."""
from __future__ import annotations

import dataclasses
import datetime as dt
import re

import pytest

from roadmap.engine.baseline import Baseline, Comparison, Deviation
from roadmap.gantt.chains import chain_steps, critical_sentence
from roadmap.gantt.figure import gantt_figure
from roadmap.gantt.frame import x_range
from roadmap.gantt.header import counts_text, start_text
from roadmap.gantt.page import page
from test_gantt import sample_schedule

D = dt.date


def _role(fig, role):
    return [t for t in fig.data if t.meta and t.meta["role"] == role]


def _replace(schedule, **changes):
    """The schedule with some packages changed: ``id={field: value}``."""
    schedule.packages = [dataclasses.replace(p, **changes.get(p.id, {})) for p in schedule.packages]
    return schedule


@pytest.fixture
def tracked():
    """The sample nine weeks in: ag finished, analyse 40 % done, bericht misses its deadline
    by 2 working days, stelle meets its one; vorlage 5 working days behind the baseline."""
    schedule = _replace(
        sample_schedule(),
        ag=dict(status="finished", progress=100.0, actual_start=D(2027, 1, 11), actual_finish=D(2027, 2, 5)),
        analyse=dict(status="running", progress=40.0, actual_start=D(2027, 2, 8)),
        stelle=dict(deadline=D(2027, 4, 30)),
        bericht=dict(deadline=D(2027, 8, 20), deadline_late=2))
    frozen = Baseline("Smart-City-Fahrplan Musterstadt", "Musterstadt", schedule.plan_id, "plan.yaml", "",
                      D(2027, 1, 4), ())
    schedule.baseline = Comparison(frozen, {
        "vorlage": Deviation("vorlage", D(2027, 3, 29), D(2027, 4, 21), D(2027, 4, 5), D(2027, 4, 28), 5, 5),
        "beschluss": Deviation("beschluss", D(2027, 3, 16), D(2027, 3, 16), D(2027, 6, 29), D(2027, 6, 29), 73, 73),
    })
    return schedule


def test_one_count_of_entries_with_singular_and_plural():
    assert counts_text(sample_schedule()) == "9 Einträge: 7 Arbeitspakete, 1 Meilenstein, 1 Beschluss"
    assert counts_text(sample_schedule("en")) == "9 entries: 7 work packages, 1 milestone, 1 decision"
    assert "9 Einträge: 7 Arbeitspakete, 1 Meilenstein, 1 Beschluss" in page(sample_schedule(),
                                                                             gantt_figure(sample_schedule()))


@pytest.mark.parametrize("status, said", [
    (D(2026, 12, 21), "Projektbeginn in 3 Wochen"),  # start Mon 11.01.2027: 21 days
    (D(2026, 9, 1), "Projektbeginn in 19 Wochen"),  # 132 days
    (D(2026, 12, 28), "Projektbeginn in 2 Wochen"),
    (D(2027, 1, 4), "Projektbeginn in 7 Tagen"),
    (D(2027, 1, 1), "Projektbeginn in 10 Tagen"),
    (D(2027, 1, 10), "Projektbeginn morgen"),
    (D(2027, 1, 11), ""),
    (D(2027, 3, 1), ""),
])
def test_the_page_says_how_far_off_the_start_is(status, said):
    schedule = sample_schedule()
    schedule.project = dataclasses.replace(schedule.project, status_date=status)
    assert start_text(schedule) == said
    text = page(schedule, gantt_figure(schedule))
    assert (f'<b class="soon">{said}</b>' in text) == bool(said)


def test_a_status_date_shortly_before_the_start_gets_its_line():
    schedule = sample_schedule()
    schedule.project = dataclasses.replace(schedule.project, status_date=D(2026, 12, 21))
    low, _ = x_range(schedule)
    assert low == dt.datetime(2026, 12, 14)  # a week before the status date
    lines = [s for s in gantt_figure(schedule).layout.shapes if s.type == "line" and s.x0 == "2026-12-21T12:00:00"]
    assert len(lines) == 1
    # Months before the start the axis stays on the plan, and the header alone says it.
    schedule.project = dataclasses.replace(schedule.project, status_date=D(2026, 9, 1))
    assert x_range(schedule)[0] == dt.datetime(2027, 1, 4)
    assert not [s for s in gantt_figure(schedule).layout.shapes if s.type == "line" and s.yref == "paper"]


def test_critical_path_of_session_bound_decisions_is_explained():
    schedule = _replace(sample_schedule(), **{p: dict(critical=False, total_float=15) for p in
                                               ("ag", "analyse", "vorlage", "start", "pilot", "bericht")})
    assert critical_sentence(schedule) == (
        "Der kritische Pfad besteht aus Ratsbeschlüssen (Rat 29.06.2027): Die Wartezeit auf die "
        "nächste Sitzung nimmt den Puffer der Vorarbeiten auf, und verpasst eine Vorlage ihre "
        "Sitzung, verschiebt sich das Projektende bis zur nächsten.")
    assert '<p class="note critical-note">Der kritische Pfad besteht aus Ratsbeschlüssen' in page(
        schedule, gantt_figure(schedule))


def test_critical_path_of_tasks_is_named_from_first_to_last():
    assert critical_sentence(sample_schedule()) == (
        "Der kritische Pfad (rot umrandet) führt über 7 Einträge von „Lenkungsgruppe einrichten“ "
        "bis „Bericht an den Rat“: Jede Verzögerung dort verschiebt das Projektende.")


def test_near_critical_packages_are_hatched_and_named():
    schedule = sample_schedule()
    fig = gantt_figure(schedule)
    near = _role(fig, "near")
    assert [list(t.customdata) for t in near] == [["pilot2"]]  # float 10; stelle has 25
    assert near[0].marker.pattern.shape == "/"  # a pattern reads in a grey printout too
    text = page(schedule, fig)
    assert ("Fast kritisch (Puffer bis 10 Arbeitstage, schraffiert): „Pilot &lt;/script&gt;"
            "&lt;script&gt;alert(2)&lt;/script&gt;“.") in text
    assert "Gesamtpuffer: 10 Tage · <b>fast kritisch</b>" in _role(fig, "bars")[2].hovertext[1]


def test_deadlines_are_marked_on_their_rows_and_a_missed_one_in_red_with_days_late(tracked):
    fig = gantt_figure(tracked)
    ticks = _role(fig, "deadline")[0]
    assert list(ticks.customdata) == ["stelle", "bericht"]
    assert list(ticks.x) == ["2027-05-01T00:00:00", "2027-08-21T00:00:00"]  # end of the deadline day
    assert list(ticks.marker.line.color) == ["#333333", "#C0002B"]
    late = _role(fig, "late")[0]
    assert list(late.x) == ["2027-08-25T00:00:00"]  # after the bar's end (finish Tue 24.08.)
    assert list(late.text) == [" <b>2 AT zu spät</b>"] and late.textfont.color == "#C0002B"
    assert "Frist: <span style=\"color:#C0002B\"><b>20.08.2027, verpasst um 2 Arbeitstage</b></span>" in \
        ticks.hovertext[1]
    text = page(tracked, fig)
    assert ('<p class="note late-note">⚠ Frist verpasst: „Bericht an den Rat“ – Frist 20.08.2027, '
            "voraussichtliches Ende 24.08.2027, 2 Arbeitstage später.</p>") in text


def test_bars_are_filled_to_their_share_done(tracked):
    stripes = _role(gantt_figure(tracked), "progress")[0]
    lengths = dict(zip(stripes.customdata, stripes.x))
    day = 86_400_000
    assert lengths == {"ag": 26 * day,  # finished: the whole bar, Mon 11.01. to end of Fri 05.02.
                       "analyse": pytest.approx(0.4 * 54 * day)}  # 40 % of 08.02. .. end of 02.04.
    text = page(tracked, gantt_figure(tracked))
    # 20 of 200 planned working days done plus 40 % of 40: (20 + 16) / 200
    assert "Ende 24.08.2027 · <span class=\"counts\">9 Einträge: 7 Arbeitspakete, 1 Meilenstein, " \
           "1 Beschluss</span> · 18 % erledigt</p>" in text


def test_baseline_bars_under_the_bars_and_the_slip_on_hover(tracked):
    fig = gantt_figure(tracked)
    bars, points = _role(fig, "baseline")
    assert list(bars.customdata) == ["vorlage"] and list(points.customdata) == ["beschluss"]
    assert list(bars.base) == ["2027-03-29T00:00:00"]
    assert list(bars.x) == [24 * 86_400_000]  # 29.03. to the end of 21.04.
    assert list(bars.y) == [9 + 0.4] and bars.width < 0.2  # thin, under the bar of row 9
    assert list(points.x) == ["2027-03-16T12:00:00"]
    hover = dict(zip(_role(fig, "bars")[1].customdata, _role(fig, "bars")[1].hovertext))["vorlage"]
    assert "Basisplan: 29.03.2027 – 21.04.2027<br>Abweichung: +5 Arbeitstage" in hover
    assert 'class="sw baseline"></span>Basisplan (dünner Balken darunter)' in page(tracked, fig)
    assert "Basisplan" not in page(sample_schedule(), gantt_figure(sample_schedule()))


def test_state_told_by_a_mark_in_the_label_as_well_as_colour(tracked):
    text = page(tracked, gantt_figure(tracked))
    marks = dict(re.findall(r'data-key="package:(\w+)"><span class="mark \w+" title="([^"]+)">', text))
    # vorlage is behind the baseline, bericht past its deadline: late; the rest not started.
    assert marks == {"ag": "fertig", "analyse": "läuft", "vorlage": "verspätet", "bericht": "verspätet"}
    assert '<span class="mark finished" title="fertig">✓</span>' in text
    assert '<span class="mark running" title="läuft">▶</span>' in text
    assert "✓ fertig · ▶ läuft · ⚠ verspätet · ohne Zeichen: nicht begonnen" in text
    assert "Fortschritt: 40 % (läuft)" in _role(gantt_figure(tracked), "bars")[1].hovertext[0]


def test_no_state_marks_for_a_plan_without_progress():
    text = page(sample_schedule(), gantt_figure(sample_schedule()))
    assert 'class="mark' not in text and "ohne Zeichen" not in text


def test_driving_path_from_the_origin_to_the_milestone():
    schedule = sample_schedule()
    assert chain_steps(schedule, "start") == [
        "Projektbeginn 11.01.2027", "Lenkungsgruppe einrichten (Ende 05.02.2027)",
        "Bestandsaufnahme digitale Dienste (Ende 02.04.2027)",
        "Strategie-Entwurf und Beschlussvorlage (Ende 28.04.2027)",
        "Ratsbeschluss Smart-City-Strategie (Rat 29.06.2027)", "Startschuss Umsetzung (30.06.2027)"]
    hover = _role(gantt_figure(schedule), "milestone")[0].hovertext[0]
    assert "Treiberkette: Projektbeginn 11.01.2027 → Lenkungsgruppe einrichten" in hover
    fixed = _replace(sample_schedule(), analyse=dict(driver=None, driver_reason="not_before",
                                                     not_before=D(2027, 2, 8)))
    assert chain_steps(fixed, "beschluss")[:2] == ["fester Termin: frühestens 08.02.2027",
                                                   "Bestandsaufnahme digitale Dienste (Ende 02.04.2027)"]


def test_the_page_hands_its_script_the_driving_paths_of_milestones_and_decisions():
    import json

    text = page(sample_schedule(), gantt_figure(sample_schedule()))
    spec = json.loads(text.split('id="gantt-spec">', 1)[1].split("</script>", 1)[0])
    assert sorted(spec["chains"]) == ["beschluss", "start"]
    chain = spec["chains"]["beschluss"]
    assert chain["rows"] == [5, 8, 9, 10]  # ag, analyse, vorlage, beschluss
    assert chain["y"] == [5, 5, 8, 8, None, 8, 8, 9, 9, None, 9, 9, 10, 10, None]  # three links

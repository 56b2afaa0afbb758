"""TaskJuggler export: the .tjp text, and tj3 scheduling it to our dates.

tj3 runs on the export of the default roadmap, both examples and the interop plan (every
link type, elapsed durations and lags, closures, a decision, avoid, not_before, hostile
names). Its CSV is read as in test_tj3_golden.py (working hours 9:00-17:00, exclusive
ends), with the project in UTC. Locally skipped without tj3; in CI (CI=true) that fails.
"""
from __future__ import annotations

import csv
import datetime as dt
import re
import shutil
import subprocess

import pytest
from click.testing import CliRunner

from roadmap import schedule
from roadmap.cli import cli
from roadmap.exchange.tjp import WORD_JOINER, quote, tjp_text
from roadmap.plan.loader import parse_plan
from test_mspdi import INTEROP, PLANS

CSV_REPORT = """
taskreport "dates" {
  formats csv
  columns COLUMNS
  timeformat "%Y-%m-%d %H:%M"
}
"""


class Calendar:
    """The schedule's working days (weekend, holidays, closures) read as tj3 counts them."""

    def __init__(self, result):
        self.off = {h.date for h in result.holidays}
        for closure in result.closures:
            day = closure.start
            while day <= closure.end:
                self.off.add(day)
                day += dt.timedelta(days=1)
        self.weekend = set(result.weekend)

    def working(self, day):
        return day.weekday() not in self.weekend and day not in self.off

    def next_working(self, day):
        while not self.working(day):
            day += dt.timedelta(days=1)
        return day

    def start_date(self, t):
        if self.working(t.date()) and t.hour < 17:
            return t.date()
        return self.next_working(t.date() + dt.timedelta(days=1))

    def finish_date(self, t):
        day = t.date()
        if self.working(day) and t.hour > 9:
            return day
        day -= dt.timedelta(days=1)
        while not self.working(day):
            day -= dt.timedelta(days=1)
        return day

    def milestone_date(self, t):
        if self.working(t.date()) and (t.hour, t.minute) <= (17, 0):
            return t.date()
        return self.next_working(t.date() + dt.timedelta(days=1))


def run_tj3(text: str, tmp_path, columns: str = "id, start, end") -> list[dict]:
    if shutil.which("tj3") is None:  # an oracle that is missing must not pass as a skip
        pytest.fail("tj3 is not installed: apt-get install tj3 (.ci/run installs it)")
    (tmp_path / "plan.tjp").write_text(text + CSV_REPORT.replace("COLUMNS", columns), encoding="utf-8")
    done = subprocess.run(["tj3", "--no-color", "--output-dir", str(tmp_path), "plan.tjp"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0 and "Error" not in done.stderr, done.stdout + done.stderr
    with open(tmp_path / "dates.csv", newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter=";"))


def instants(rows) -> dict:
    parse = lambda text: dt.datetime.strptime(text, "%Y-%m-%d %H:%M")  # noqa: E731
    return {row["Id"]: (parse(row["Start"]), parse(row["End"])) for row in rows}


def tj3_dates(result, rows) -> dict:
    cal = Calendar(result)
    found = {}
    for p in result.packages:
        leaf = p.id.replace("-", "_")
        (key,) = [k for k in rows if k.rsplit(".", 1)[-1] == leaf]
        start, end = rows[key]
        if p.is_milestone and not p.exported_span:  # a recurring milestone: a task over its span
            found[p.id] = (cal.milestone_date(start),) * 2
        elif p.duration is not None and p.duration.elapsed and not p.exported_span:
            found[p.id] = (cal.start_date(start), (end - dt.timedelta(hours=1)).date())
        else:
            found[p.id] = (cal.start_date(start), cal.finish_date(end))
    return found


@pytest.mark.parametrize("name", ["default", "plettenberg", "soest", "interop", "rathaus"])
def test_tj3_schedules_the_export_to_our_dates(tmp_path, name):
    result = schedule(PLANS[name]())
    rows = instants(run_tj3(tjp_text(result), tmp_path))
    ours = {p.id: (p.start, p.finish) for p in result.packages}
    assert tj3_dates(result, rows) == ours
    assert (tmp_path / "terminplan.html").exists()


def test_tj3_reads_names_as_they_are(tmp_path):
    rows = run_tj3(tjp_text(schedule(PLANS["interop"]())), tmp_path, "id, name")
    assert {"Id": "links", "Name": "Links & Abstände"} in rows
    # tj3 shows the text as it is (its CSV does not double quotes, so read it raw); the
    # invisible word joiners keep ${ and $( from being expanded and the final backslash
    # from escaping the closing quote
    raw = (tmp_path / "dates.csv").read_text(encoding="utf-8")
    assert ('"links.p";"  P "quoted" <b>x</b> & $' + WORD_JOINER + '{x} $' + WORD_JOINER
            + '(HOME) ]\nzweite Zeile\\' + WORD_JOINER + '"\n') in raw


def test_quote():
    assert quote('a "b" c') == '"a \\"b\\" c"'
    assert quote("${HOME} $(HOME) $ {x} $x") == f'"${WORD_JOINER}{{HOME}} ${WORD_JOINER}(HOME) $ {{x}} $x"'
    assert quote("end\\") == f'"end\\{WORD_JOINER}"'
    assert quote("a\\\"b") == '"a\\\\"b"'
    assert quote("x\x00y\rz\n]") == '"x y z\n]"'


def test_export_text_for_the_interop_plan():
    text = tjp_text(schedule(PLANS["interop"]()))
    assert 'project roadmap "Zoo \\"<&>\\" $\u2060{HOME} $\u2060(HOME) ] \\\u2060" 2027-01-25 - 2030-12-31 {' in text
    assert '  timezone "UTC"' in text
    assert "  workinghours mon, tue, wed, thu, fri 9:00 - 17:00\n  workinghours sat, sun off" in text
    assert 'leaves holiday "Karfreitag" 2027-03-26\n' in text
    # closures: tj3 intervals end before the given day
    assert 'leaves holiday "Betriebsruhe <Rathaus>" 2027-12-23 - 2028-01-01\n' in text
    assert "task after_nb2 " in text  # tj3 ids have no hyphen
    block = lambda tid: re.search(rf"task {tid} .*?\n(.*?)\n\s*}}", text, re.S).group(1)  # noqa: E731
    assert "depends links.q1\n" in block("beschluss") and "start 2027-05-11-17:00" in block("beschluss")
    assert "depends links.p { gaplength 1d }" in block("q2")
    assert "depends links.p { gapduration 3d }" in block("q3")
    assert "depends links.p { onstart gaplength 2d }" in block("q8")
    assert "depends" not in block("q4") and "start 2027-03-05" in block("q4")  # FS-1d
    assert "depends" not in block("q11")  # FF
    assert "duration 10d" in block("e1") and "start 2027-03-08" in block("e1")
    assert "start 2027-09-01" in block("forum")
    assert "milestone" in block("m1") and "start" not in block("m1")
    assert "start 2027-03-01\n" in block("m4")  # SS+0: a milestone at an opening


def test_cli_export_tjp(tmp_path):
    out = tmp_path / "soest.tjp"
    result = CliRunner().invoke(cli, ["export", str(PLANS_PATH("soest")), "--format", "tjp", "-o", str(out)])
    assert result.exit_code == 0, result.output
    # examples/soest.yaml: 67 entries (52 tasks, 11 milestones, 4 decisions), one TaskJuggler task each
    assert result.stdout == f"{out} geschrieben (TaskJuggler-Projekt): 67 Arbeitspakete; terminieren mit tj3.\n"
    assert out.read_text(encoding="utf-8").startswith("# TaskJuggler-Projekt „Smart-City-Kickoff Soest“")
    english = tmp_path / "soest-en.tjp"
    result = CliRunner().invoke(cli, ["export", str(PLANS_PATH("soest")), "-o", str(english), "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert result.stdout == f"Wrote {english} (TaskJuggler project): 67 work packages; schedule it with tj3.\n"
    text = english.read_text(encoding="utf-8")
    assert text.startswith("# TaskJuggler project 'Smart-City-Kickoff Soest'")
    assert '  timeformat "%Y-%m-%d"' in text


def PLANS_PATH(name):
    from test_mspdi import ROOT

    return ROOT / "examples" / f"{name}.yaml"


def test_plan_with_other_weekend_and_fixed_decision_on_saturday(tmp_path):
    plan = parse_plan(
        "roadmap: 1\nproject: {name: W, state: BE, start: 2027-03-01}\n"
        "calendar: {weekend: [fri, sat], school_holidays: false}\n"
        "bodies: {rat: {name: Rat, sessions: [2027-04-10], lead_time: 1w}}\n"
        "packages:\n  - {id: a, name: a, duration: 5d}\n"
        "  - {id: b, name: b, kind: decision, body: rat, after: [a]}\n"
        "  - {id: c, name: c, duration: 2d, after: [b]}\n", "w.yaml")
    result = schedule(plan)
    text = tjp_text(result)
    assert "workinghours mon, tue, wed, thu, sun 9:00 - 17:00\n  workinghours fri, sat off" in text
    rows = instants(run_tj3(text, tmp_path))
    got = tj3_dates(result, rows)
    # the session is on a Saturday (a day off): tj3 dates the 17:00 instant by the next working day
    assert got["b"] == (dt.date(2027, 4, 11),) * 2
    assert {k: v for k, v in got.items() if k != "b"} == {p.id: (p.start, p.finish) for p in result.packages
                                                          if p.id != "b"}
    assert rows["b"][0] == dt.datetime(2027, 4, 10, 17, 0)

"""Baselines: freezing a schedule, reading the file back, and what moved since (hand-made
baseline against a changed plan; NW 2027: Karfreitag 26.03., Ostermontag 29.03.)."""
import datetime as dt
import json
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from roadmap import PlanError
from roadmap.cli import cli
from roadmap.engine.baseline import attach, compare, freeze, read_baseline, write_baseline
from roadmap.engine.scheduler import schedule
from roadmap.plan.loader import load_plan

PLAN = """\
roadmap: 1
project: {name: Basistest, municipality: Teststadt, start: 2027-02-01, status_date: 2027-01-25}
bodies:
  rat: {name: Rat der Stadt, lead_time: 1w, sessions: [2027-03-09, 2027-04-13]}
packages:
  - {id: a, name: Analyse, duration: 10d}
  - {id: b, name: Konzept, duration: 5d, after: [a]}
  - {id: d, name: Beschluss, kind: decision, body: rat, after: [b]}
  - {id: e, name: Umsetzung, duration: 2d, after: [d]}
  - {id: neu, name: Neues Paket, duration: 3d}
"""

# The baseline the council approved, by hand: b was shorter, the decision went to an
# earlier Rat session, e ran into Easter, and "alt" has since been dropped.
BASELINE = """\
{
  "roadmap_baseline": 1,
  "plan": {"name": "Basistest", "municipality": "Teststadt", "id": "", "file": "plan.yaml", "sha256": ""},
  "status_date": "2027-01-25",
  "packages": [
    {"id": "a", "name": "Analyse", "kind": "task", "start": "2027-02-01", "finish": "2027-02-12"},
    {"id": "alt", "name": "Altes Paket", "kind": "task", "start": "2027-02-01", "finish": "2027-02-05"},
    {"id": "b", "name": "Konzept", "kind": "task", "start": "2027-02-15", "finish": "2027-02-17"},
    {"id": "d", "name": "Beschluss", "kind": "decision", "start": "2027-02-23", "finish": "2027-02-23", "sessions": [{"body": "rat", "date": "2027-02-23"}]},
    {"id": "e", "name": "Umsetzung", "kind": "task", "start": "2027-03-30", "finish": "2027-03-31"}
  ]
}
"""


@pytest.fixture
def files(tmp_path):
    (tmp_path / "plan.yaml").write_text(PLAN, encoding="utf-8")
    (tmp_path / "plan.basis.json").write_text(BASELINE, encoding="utf-8")
    return tmp_path


def test_compare_a_changed_plan_with_a_hand_made_baseline(files):
    result = schedule(load_plan(files / "plan.yaml"))
    # now: a 01.-12.02.; b 15.-19.02.; ready at the closing of Fri 19.02. + 1w = Fri 26.02.:
    # Rat 09.03.; e 10.-11.03.
    assert result.package("d").start == dt.date(2027, 3, 9)
    comparison = attach(result, files / "plan.basis.json")
    assert result.baseline is comparison
    slips = {k: (v.baseline_finish.isoformat(), v.finish.isoformat(), v.slip)
             for k, v in comparison.deviations.items()}
    assert slips == {
        "a": ("2027-02-12", "2027-02-12", 0),
        "b": ("2027-02-17", "2027-02-19", 2),  # Thu 18., Fri 19.
        "d": ("2027-02-23", "2027-03-09", 10),  # 24.-26.02., 01.-05.03., 08.-09.03.
        "e": ("2027-03-31", "2027-03-11", -12),  # 12., 15.-19., 22.-25., 30., 31.03. (not 26., 29.)
    }
    assert comparison.deviations["e"].start_slip == -12  # 11.-12., 15.-19., 22.-25., 30.03.
    assert comparison.added == ["neu"]
    assert [(r.id, r.name, r.start.isoformat(), r.finish.isoformat()) for r in comparison.removed] == [
        ("alt", "Altes Paket", "2027-02-01", "2027-02-05")]
    [moved] = comparison.moved
    assert (moved.id, moved.old_date.isoformat(), moved.new_date.isoformat()) == ("d", "2027-02-23", "2027-03-09")
    assert moved.beratungsfolge(result, old=True) == "Rat der Stadt 23.02.2027"
    assert moved.beratungsfolge(result, old=False) == "Rat der Stadt 09.03.2027"
    assert comparison.slip("b") == 2 and comparison.slip("neu") == 0
    assert result.is_late(result.package("b")) and not result.is_late(result.package("e"))
    assert result.diagnostics == []  # an empty plan id in the file: no other-plan warning


def test_a_frozen_schedule_reads_back_and_compares_to_nothing(files):
    plan = files / "plan.yaml"
    result = schedule(load_plan(plan))
    path = write_baseline(freeze(result, plan), files / "frozen.json", inputs=[plan])
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["roadmap_baseline"] == 1
    assert document["plan"]["name"] == "Basistest" and document["plan"]["id"] == result.plan_id
    assert len(document["plan"]["sha256"]) == 64
    assert document["status_date"] == "2027-01-25"
    assert document["packages"][2] == {"id": "d", "name": "Beschluss", "kind": "decision",
                                       "start": "2027-03-09", "finish": "2027-03-09",
                                       "sessions": [{"body": "rat", "date": "2027-03-09"}]}
    # one package per line, so a broken entry is reported on its own line
    assert path.read_text(encoding="utf-8").splitlines()[6].startswith('    {"id": "b"')
    baseline = read_baseline(path)
    assert baseline.entries[3].line == 9
    comparison = compare(result, baseline)
    assert [d.slip for d in comparison.deviations.values()] == [0] * 5
    assert (comparison.moved, comparison.added, comparison.removed) == ([], [], [])


def test_a_baseline_of_another_plan_is_compared_with_a_warning(files):
    result = schedule(load_plan(files / "plan.yaml"))
    other = BASELINE.replace('"id": ""', '"id": "0123456789abcdef"').replace('"Basistest"', '"Anderswo"')
    (files / "other.json").write_text(other, encoding="utf-8")
    attach(result, files / "other.json")
    assert [d.render() for d in result.diagnostics] == [
        f"{files / 'other.json'}:1: warning: der Basisplan gehört zu 'Anderswo', nicht zu 'Basistest'; "
        "verglichen wird trotzdem [baseline-other-plan]"]


@pytest.mark.parametrize("text, expected", [
    ('{\n  "roadmap_baseline": 1,\n  "packages": [\n    {"id": "a",\n', ":5: error: der Basisplan ist beschädigt"),
    ("roadmap: 1\nproject: {name: X}\n", ":1: error: das ist kein Basisplan von roadmap (es fehlt "
                                         "'roadmap_baseline: 1'); erzeugen Sie ihn mit 'roadmap baseline PLAN' "
                                         "[bad-baseline]"),
    ('{"roadmap_baseline": 2}', ":1: error: Basisplan-Format '2' ist unbekannt; diese Version liest Format 1 "
                                "[bad-baseline]"),
    (BASELINE.replace(', "finish": "2027-02-17"', ""), ":8: error: Basisplan: Eintrag 'b' braucht 'finish' "
                                                       "[bad-baseline]"),
    (BASELINE.replace('"2027-02-17"', '"17.02.2027"'), ":8: error: Basisplan: Eintrag 'b': '17.02.2027' ist "
                                                       "kein Datum (JJJJ-MM-TT) [bad-baseline]"),
    (BASELINE.replace('"id": "alt"', '"id": "a"'), ":7: error: Basisplan: die Kennung 'a' steht schon in "
                                                   "Zeile 6 [bad-baseline]"),
    (BASELINE.replace('"status_date": "2027-01-25",\n', ""), ":1: error: Basisplan: Stichtag 'status_date' "
                                                             "braucht 'status_date' [bad-baseline]"),
])
def test_a_damaged_baseline_is_reported_with_its_line(files, text, expected):
    path = files / "broken.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PlanError) as caught:
        read_baseline(path)
    [message] = [d.render() for d in caught.value.diagnostics]
    assert message.startswith(str(path) + expected), message


def test_a_missing_baseline_file_is_one_sentence(files):
    with pytest.raises(PlanError) as caught:
        read_baseline(files / "fehlt.json")
    assert str(caught.value) == (f"{files / 'fehlt.json'}: error: der Basisplan kann nicht gelesen werden: "
                                 "No such file or directory [bad-baseline]")


# ---- the commands ------------------------------------------------------------------------------

def invoke(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def test_baseline_command_writes_next_to_the_plan_and_never_replaces_silently(files):
    plan = files / "plan.yaml"
    (files / "plan.basis.json").unlink()
    result = invoke("baseline", plan)
    assert result.exit_code == 0, result.output
    assert result.stdout == (f"Basisplan geschrieben: {files / 'plan.basis.json'} (5 Einträge: 4 Arbeitspakete, "
                             "0 Meilensteine, 1 Beschluss, Stand 25.01.2027)\n")
    first = (files / "plan.basis.json").read_text(encoding="utf-8")
    again = invoke("baseline", plan, "--status-date", "2027-01-28")
    assert again.exit_code == 1
    assert again.stderr == (f"'{files / 'plan.basis.json'}' gibt es schon: ein Basisplan wird nicht "
                            "stillschweigend ersetzt. Wählen Sie mit -o einen anderen Namen oder ersetzen Sie "
                            "ihn mit --force\n")
    assert (files / "plan.basis.json").read_text(encoding="utf-8") == first
    forced = invoke("baseline", plan, "--status-date", "2027-01-28", "--force", "--lang", "en")
    assert forced.exit_code == 0
    assert forced.stdout.endswith("(5 entries: 4 work packages, 0 milestones, 1 decision, status 2027-01-28)\n")
    assert json.loads((files / "plan.basis.json").read_text(encoding="utf-8"))["status_date"] == "2027-01-28"


def test_baseline_command_never_writes_over_the_plan(files):
    plan = files / "plan.yaml"
    result = invoke("baseline", plan, "-o", plan, "--force")
    assert result.exit_code == 1
    assert "das ist der Eingabeplan" in result.stderr
    assert plan.read_text(encoding="utf-8") == PLAN
    other = invoke("baseline", plan, "-o", files / "sub" / "stand.json")
    assert other.exit_code == 0 and (files / "sub" / "stand.json").is_file()


def test_build_with_a_baseline_carries_the_comparison(files, monkeypatch):
    import roadmap.build as build_module

    seen = {}
    monkeypatch.setattr(build_module, "write_excel", lambda schedule, *a, **k: seen.setdefault("s", schedule))
    monkeypatch.setattr(build_module, "write_gantt_html", lambda *a, **k: None)
    result = invoke("build", files / "plan.yaml", "-o", files / "out", "--baseline", files / "plan.basis.json")
    assert result.exit_code == 0, result.output
    assert seen["s"].baseline.slip("b") == 2
    assert result.stdout.splitlines()[2:4] == [
        "5 Einträge: 4 Arbeitspakete, 0 Meilensteine, 1 Beschluss",
        "Basisplan: plan.basis.json (Stand 25.01.2027): später 2, früher 1, Beschlüsse verschoben 1, neu 1, "
        "entfallen 1"]


def test_build_with_a_damaged_baseline_exits_1_with_the_line(files):
    (files / "bad.json").write_text(textwrap.dedent("""\
        {"roadmap_baseline": 1,
         "plan": {"name": "x"},
         "status_date": "2027-01-25",
         "packages": [{"id": "a", "start": "2027-02-01"}]}
        """), encoding="utf-8")
    result = invoke("build", files / "plan.yaml", "-o", files / "out", "--baseline", files / "bad.json")
    assert result.exit_code == 1
    assert result.stderr == (f"{files / 'bad.json'}:4: error: Basisplan: Eintrag 'a' braucht 'finish' "
                             "[bad-baseline]\n")
    assert not Path(files / "out").exists()

"""The one count: "60 Einträge: 46 Arbeitspakete, 10 Meilensteine, 4 Beschlüsse", the same
in the CLI of check and build, singular forms right."""
from click.testing import CliRunner

from conftest import run
from roadmap.cli import cli

ONE = "roadmap: 1\nproject: {name: Eins, start: 2027-01-11}\npackages:\n  - {id: a, name: A, duration: 2d}\n"


def test_count_text_in_both_languages_with_singulars():
    _, result = run("- {id: a, duration: 2d}\n"
                    "- {id: m, kind: milestone, after: [a]}\n"
                    "- {id: z, duration: 0d, after: [a]}\n")  # 0d makes a milestone
    assert result.counts() == {"task": 1, "milestone": 2, "decision": 0}
    assert result.count_text() == "3 Einträge: 1 Arbeitspaket, 2 Meilensteine, 0 Beschlüsse"
    assert result.count_text("en") == "3 entries: 1 work package, 2 milestones, 0 decisions"


def test_the_default_roadmap_counts_60_entries():
    import datetime as dt

    from roadmap.build import load
    from roadmap.engine.scheduler import schedule

    result = schedule(load(None, status_date=dt.date(2027, 3, 1)))
    assert result.count_text() == "60 Einträge: 46 Arbeitspakete, 10 Meilensteine, 4 Beschlüsse"


def test_check_says_the_count_with_singulars(tmp_path):
    plan = tmp_path / "eins.yaml"
    plan.write_text(ONE, encoding="utf-8")
    german = CliRunner().invoke(cli, ["check", str(plan)])
    english = CliRunner().invoke(cli, ["check", str(plan), "--lang", "en"])
    assert german.output == (f"{plan}: in Ordnung, 1 Eintrag: 1 Arbeitspaket, 0 Meilensteine, 0 Beschlüsse "
                             "(11.01.2027 – 12.01.2027)\n")
    assert english.output == (f"{plan}: ok, 1 entry: 1 work package, 0 milestones, 0 decisions "
                              "(2027-01-11 – 2027-01-12)\n")


def test_build_summary_says_the_count_under_the_span(tmp_path, monkeypatch):
    import roadmap.build as build_module

    monkeypatch.setattr(build_module, "write_excel", lambda *a, **k: None)
    monkeypatch.setattr(build_module, "write_gantt_html", lambda *a, **k: None)
    plan = tmp_path / "eins.yaml"
    plan.write_text(ONE, encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", str(plan), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[:3] == [
        "Eins", "Laufzeit: 11.01.2027 – 12.01.2027 (0,1 Monate)",
        "1 Eintrag: 1 Arbeitspaket, 0 Meilensteine, 0 Beschlüsse"]

"""Holidays of the right Land, closures, school holidays as avoid windows."""
import pytest

from conftest import run


@pytest.mark.parametrize("state, start, finish", [
    ("NW", "2027-03-08", "2027-03-12"),
    ("BY", "2027-03-08", "2027-03-12"),
    ("BE", "2027-03-09", "2027-03-15"),  # 8 March, Internationaler Frauentag, only in Berlin
])
def test_frauentag_only_in_berlin(state, start, finish):
    dates, _ = run("- {id: a, duration: 5d, not_before: 2027-03-08}\n", state=state)
    assert dates["a"] == (start, finish)


@pytest.mark.parametrize("state, finish", [
    ("NW", "2027-05-31"),  # Fronleichnam 27.05.2027 is a holiday in NW and BY ...
    ("BY", "2027-05-31"),
    ("BE", "2027-05-28"),  # ... not in Berlin
])
def test_fronleichnam(state, finish):
    dates, _ = run("- {id: a, duration: 3d, not_before: 2027-05-26}\n", state=state)
    assert dates["a"] == ("2027-05-26", finish)


@pytest.mark.parametrize("state, finish", [("NW", "2027-11-03"), ("BE", "2027-11-02")])
def test_allerheiligen(state, finish):
    dates, _ = run("- {id: a, duration: 3d, not_before: 2027-10-29}\n", state=state)
    assert dates["a"] == ("2027-10-29", finish)


def test_closure_between_christmas_and_new_year():
    head = "calendar:\n  closures:\n    - {from: 2027-12-24, to: 2027-12-31, name: Betriebsruhe}\n"
    dates, result = run("- {id: a, duration: 5d, not_before: 2027-12-20}\n", head=head)
    # 20.-23.12. (4 days), closure to 31.12., 01.01.2028 holiday, weekend, Monday 03.01.2028
    assert dates["a"] == ("2027-12-20", "2028-01-03")
    assert [w.name for w in result.closures] == ["Betriebsruhe"]


def test_weekend_can_be_changed():
    head = "calendar: {weekend: [fri, sat, sun]}\n"
    dates, _ = run("- {id: a, duration: 5d, not_before: 2027-03-01}\n", head=head)
    assert dates["a"] == ("2027-03-01", "2027-03-08")


def test_avoid_school_holidays_moves_after_summer_break():
    # NW summer holidays 2027: 19.07.-31.08. (from the holidays package)
    dates, result = run(
        "- {id: p, duration: 5d, not_before: 2027-07-12}\n"
        "- {id: forum, duration: 2d, after: [p], avoid: school_holidays}\n"
        "- {id: m, kind: milestone, after: [p], avoid: school_holidays}\n")
    assert dates["p"] == ("2027-07-12", "2027-07-16")
    assert dates["forum"] == ("2027-09-01", "2027-09-02")
    assert dates["m"] == ("2027-07-16", "2027-07-16")  # Friday's closing is before the break
    assert any(w.name == "Sommerferien" for w in result.school_holidays)


def test_avoid_moves_a_task_that_would_run_into_the_holidays():
    dates, _ = run("- {id: forum, duration: 3d, not_before: 2027-07-15, avoid: school_holidays}\n")
    assert dates["forum"] == ("2027-09-01", "2027-09-03")


def test_school_holidays_are_working_days_for_other_packages():
    dates, _ = run("- {id: a, duration: 5d, not_before: 2027-07-19}\n")
    assert dates["a"] == ("2027-07-19", "2027-07-23")


def test_holidays_listed_in_schedule_use_german_names():
    _, result = run("- {id: a, duration: 60d, not_before: 2027-03-01}\n")
    names = {h.date.isoformat(): h.name for h in result.holidays}
    assert names["2027-03-26"] == "Karfreitag"
    assert names["2027-03-29"] == "Ostermontag"

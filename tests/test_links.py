"""Hand-computed dates for every link type, lag sign and lag kind (contract section 4).

Calendar: NW 2027. The predecessor ``p`` runs Monday 01.03. to Friday 05.03.2027, so the
examples of the contract apply literally.
"""
import pytest

from conftest import run

P = "- {id: p, duration: 5d, not_before: 2027-03-01}\n"


@pytest.mark.parametrize("link, duration, start, finish", [
    ("p", "2d", "2027-03-08", "2027-03-09"),            # FS: a Monday start
    ("p FS+1d", "2d", "2027-03-09", "2027-03-10"),      # Tuesday
    ("p FS+3ed", "2d", "2027-03-09", "2027-03-10"),     # closing Fri + 72 h = closing Mon
    ("p FS-1d", "2d", "2027-03-05", "2027-03-08"),      # Friday
    ("p FS-2ed", "1d", "2027-03-04", "2027-03-04"),     # closing Wed -> Thursday
    ("p EA+1w", "1d", "2027-03-15", "2027-03-15"),      # German alias, week = 5 working days
    ("p SS", "2d", "2027-03-01", "2027-03-02"),
    ("p SS+2d", "2d", "2027-03-03", "2027-03-04"),      # closing Tue -> Wednesday
    ("p AA-1d", "1d", "2027-02-26", "2027-02-26"),      # opening of the Friday before
    ("p SS+2ed", "1d", "2027-03-03", "2027-03-03"),     # opening Mon + 48 h = opening Wed
    ("p FF", "3d", "2027-03-03", "2027-03-05"),
    ("p FF+2d", "3d", "2027-03-05", "2027-03-09"),      # finish >= closing Tue 09.03.
    ("p EE-1d", "3d", "2027-03-02", "2027-03-04"),      # finish >= closing Thu
    ("p FF+1ed", "1d", "2027-03-05", "2027-03-05"),     # closing Sat maps to boundary Fri/Mon
    ("p SF", "2d", "2027-02-25", "2027-02-26"),         # finish on the Friday before
    ("p AE+0ed", "2d", "2027-02-25", "2027-02-26"),
    ("p SF+1d", "2d", "2027-02-26", "2027-03-01"),      # finish >= closing Mon
    ("p SF+2ed", "2d", "2027-03-01", "2027-03-02"),     # opening Wed: finish Tue
])
def test_task_after_link(link, duration, start, finish):
    dates, _ = run(P + f"- {{id: q, duration: {duration}, after: ['{link}']}}\n")
    assert dates["p"] == ("2027-03-01", "2027-03-05")
    assert dates["q"] == (start, finish)


@pytest.mark.parametrize("link, day", [
    ("p", "2027-03-05"),          # FS: the closing of Friday
    ("p FS-1d", "2027-03-05"),    # the opening of Friday
    ("p SS+1d", "2027-03-01"),    # the closing of Monday
    ("p SS", "2027-03-01"),
    ("p FS+1ed", "2027-03-08"),   # closing Saturday is non-working -> opening Monday
    ("p SF-1d", "2027-02-26"),
])
def test_milestone_display_rule(link, day):
    dates, result = run(P + f"- {{id: m, kind: milestone, after: ['{link}']}}\n")
    assert dates["m"] == (day, day)
    assert result.package("m").duration_days == 0


def test_mapping_form_and_lag_without_unit():
    dates, _ = run(P + "- {id: q, duration: 1d, after: [{id: p, type: SS, lag: 2}]}\n")
    assert dates["q"] == ("2027-03-03", "2027-03-03")


def test_negative_lag_never_before_project_start():
    dates, _ = run("- {id: p, duration: 2d}\n- {id: q, duration: 1d, after: ['p SS-5d']}\n")
    assert dates["q"] == ("2027-02-01", "2027-02-01")


def test_successor_of_milestone_after_fs_starts_next_working_day():
    dates, _ = run(P + "- {id: m, kind: milestone, after: [p]}\n- {id: q, duration: 1d, after: [m]}\n")
    assert dates["q"] == ("2027-03-08", "2027-03-08")


def test_zero_duration_task_is_a_milestone():
    _, result = run(P + "- {id: z, duration: 0d, after: [p]}\n")
    assert result.package("z").kind == "milestone"
    assert (result.package("z").start, result.package("z").finish) == (result.package("p").finish,) * 2


def test_start_on_a_saturday_begins_on_monday():
    dates, _ = run("- {id: k, kind: milestone}\n- {id: a, duration: 1d}\n", start="2027-02-06")
    assert dates["k"] == ("2027-02-08", "2027-02-08")
    assert dates["a"] == ("2027-02-08", "2027-02-08")


def test_elapsed_task_counts_calendar_days_and_may_end_on_a_weekend():
    dates, result = run(
        "- {id: a, duration: 10ed, not_before: 2027-03-01}\n"
        "- {id: b, duration: 2ed, not_before: 2027-03-05}\n"
        "- {id: c, duration: 1d, after: [b]}\n"
        "- {id: e, duration: 2ew, not_before: 2027-03-01}\n")
    assert dates["a"] == ("2027-03-01", "2027-03-10")
    assert dates["b"] == ("2027-03-05", "2027-03-06")  # Saturday
    assert result.package("b").duration_days == 1
    assert dates["c"] == ("2027-03-08", "2027-03-08")
    assert dates["e"] == ("2027-03-01", "2027-03-14")


def test_not_before_on_a_weekend_moves_to_monday():
    dates, _ = run("- {id: a, duration: 1d, not_before: 2027-03-06}\n")
    assert dates["a"] == ("2027-03-08", "2027-03-08")

"""Total and free float, deadlines, the critical path, and `when` bridging."""
from conftest import make_plan, run
from roadmap.engine.scheduler import schedule

NETWORK = """\
- {id: a, duration: 5d, not_before: 2027-03-01}
- {id: b, duration: 10d, after: [a]}
- {id: c, duration: 3d, after: [a]}
- {id: d, duration: 2d, after: [c]}
- {id: e, duration: 1d, after: [b, d]}
"""


def test_total_and_free_float_of_a_diamond():
    dates, result = run(NETWORK)
    assert dates["b"] == ("2027-03-08", "2027-03-19")
    assert dates["d"] == ("2027-03-11", "2027-03-12")
    assert dates["e"] == ("2027-03-22", "2027-03-22")
    floats = {p.id: (p.total_float, p.free_float, p.critical) for p in result.packages}
    assert floats == {"a": (0, 0, True), "b": (0, 0, True), "c": (5, 0, False),
                      "d": (5, 5, False), "e": (0, 0, True)}
    assert [p.id for p in result.critical_path()] == ["a", "b", "e"]
    assert result.package("c").late_start.isoformat() == "2027-03-15"


def test_deadline_missed_is_a_warning_with_negative_float():
    dates, result = run("- {id: a, duration: 10d, not_before: 2027-03-01, deadline: 2027-03-10}\n")
    assert dates["a"] == ("2027-03-01", "2027-03-12")
    assert result.package("a").total_float == -2
    assert result.package("a").critical
    [warning] = result.diagnostics
    assert warning.severity == "warning" and warning.code == "deadline-missed"
    assert str(warning) == ("plan.yaml:4: warning: Arbeitspaket 'a' endet am 12.03.2027, nach seiner Frist "
                            "10.03.2027 (2 Arbeitstag(e) zu spät). Grund: 'a' beginnt frühestens am 01.03.2027 "
                            "[deadline-missed]")
    assert warning.render("en") == ("plan.yaml:4: warning: 'a' finishes on 2027-03-12, after its deadline "
                                    "2027-03-10 (2 working day(s) late). Reason: 'a' starts no earlier than 2027-03-01 "
                                    "[deadline-missed]")


def test_deadline_on_a_sunday_means_the_friday_before():
    _, result = run("- {id: a, duration: 10d, not_before: 2027-03-01, deadline: 2027-03-14}\n"
                    "- {id: z, duration: 20d, not_before: 2027-03-01}\n")
    assert result.package("a").total_float == 0
    assert result.diagnostics == []


def test_deadline_propagates_negative_float_to_predecessors():
    _, result = run("- {id: a, duration: 5d, not_before: 2027-03-01}\n"
                    "- {id: b, duration: 5d, after: [a], deadline: 2027-03-10}\n")
    assert [p.total_float for p in result.packages] == [-2, -2]


def test_when_bridges_left_out_packages():
    head = "options: {staffing: internal}\n"
    body = """\
- {id: a, duration: 5d, not_before: 2027-03-01}
- {id: stelle, duration: 20d, after: [a], when: {staffing: new_post}}
- {id: ausschreibung, duration: 10d, after: [stelle], when: {staffing: [new_post]}}
- {id: b, duration: 1d, after: ["ausschreibung FS+2d"]}
- {id: c, duration: 1d, after: [a], when: {staffing: [new_post, internal]}}
"""
    dates, result = run(body, head=head)
    assert list(dates) == ["a", "b", "c"]
    assert dates["b"] == ("2027-03-10", "2027-03-10")  # a FS+2d, kept from b's own link
    assert [str(l.pred) + " " + l.type + str(l.lag.days) for l in result.package("b").predecessors] == ["a FS2"]
    dates, _ = run(body, head="options: {staffing: new_post}\n")
    assert list(dates) == ["a", "stelle", "ausschreibung", "b", "c"]


def test_same_plan_gives_the_same_schedule():
    plan = make_plan(NETWORK)
    assert schedule(plan).to_json() == schedule(plan).to_json()


def test_json_matches_the_contract_shape():
    _, result = run(NETWORK)
    document = result.to_json()
    assert document["project"] == {"name": "Test", "start": "2027-02-01", "finish": "2027-03-22"}
    assert document["packages"][0] == {
        "id": "a", "name": "a", "phase": None, "kind": "task", "start": "2027-03-01",
        "finish": "2027-03-05", "duration_days": 5, "total_float": 0, "free_float": 0,
        "critical": True, "sessions": []}
    assert document["diagnostics"] == []

"""The pandas view of a schedule: one row per package, dates as datetime64."""
from __future__ import annotations

import pandas as pd
from conftest import run


def test_to_frame_has_one_row_per_package_with_dates_and_floats():
    _, result = run("""
        - {id: a, name: Konzept, duration: 5d}
        - {id: b, name: Freigabe, kind: milestone, after: a}
        - {id: c, name: Umsetzung, duration: 2w, after: "a SS+2d"}
    """)
    frame = result.to_frame()
    assert list(frame.index) == ["a", "b", "c"]  # plan order, indexed by id
    assert frame.loc["a", "start"] == pd.Timestamp("2027-02-01")
    assert frame.loc["a", "finish"] == pd.Timestamp("2027-02-05")
    assert frame.loc["b", "start"] == frame.loc["b", "finish"] == pd.Timestamp("2027-02-05")
    assert frame.loc["c", "predecessors"] == "a SS+2d"
    assert str(frame["start"].dtype).startswith("datetime64")
    assert frame.loc["c", "critical"] and frame.loc["c", "total_float"] == 0
    assert frame.loc["b", "total_float"] == 7  # c ends 2 working days after a starts + 10

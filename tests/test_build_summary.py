"""The critical path line of `roadmap build`'s summary stays one readable line."""
from __future__ import annotations

from conftest import run

from roadmap.build import critical_path_text


def chain(n: int) -> str:
    lines = ["- {id: a0, name: A0, duration: 2d}"]
    lines += [f"- {{id: a{i}, name: A{i}, duration: 2d, after: a{i - 1}}}" for i in range(1, n)]
    return "\n".join(lines) + "\n"


def test_short_critical_path_is_listed_in_full():
    _, result = run(chain(3))
    assert critical_path_text(result, "de") == "A0 → A1 → A2"


def test_long_critical_path_keeps_its_ends_and_count():
    _, result = run(chain(12))
    assert critical_path_text(result, "de") == \
        "A0 → A1 → A2 → … (12 Pakete) … → A9 → A10 → A11"
    assert critical_path_text(result, "en").count("(12 packages)") == 1


def test_critical_packages_without_links_between_them_are_not_drawn_as_a_chain():
    _, result = run("""
        - {id: a, name: A, duration: 5d}
        - {id: b, name: B, duration: 5d}
    """)
    assert critical_path_text(result, "de") == "A, B"

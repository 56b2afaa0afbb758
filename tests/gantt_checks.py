"""Measuring the Gantt page in Chromium: where labels, bars, diamonds and texts land.

Used by tests/test_gantt_page.py (and by hand, see ``main``). Every number is a CSS pixel
of the document, read with getBoundingClientRect after the page says it is drawn
(``data-gantt-ready``). Bars and diamonds are found through the data plotly binds to
its SVG elements (``__data__``: the trace and the point's index), not through the
page's own bookkeeping, so a mistake in the page's mapping shows as a distance here.
"""
from __future__ import annotations

import itertools
from dataclasses import dataclass

#: Five screens a council room may have: 1920 x 1080 at 150 % is 1280 x 720 CSS px.
VIEWPORTS = [(1024, 768, 1.0), (1280, 800, 1.0), (1366, 768, 1.0), (1920, 1080, 1.0), (1280, 720, 1.5)]

MEASURE = r"""
(() => {
  const div = document.getElementById("gantt");
  const box = r => ({l: r.left + scrollX, t: r.top + scrollY, r: r.right + scrollX, b: r.bottom + scrollY});
  const shown = el => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden";
  const out = {labels: {}, marks: {}, texts: [], plot: null, column: null};
  document.querySelectorAll("#gantt-rows [data-key]").forEach(el => {
    if (!shown(el)) { return; }
    const name = el.querySelector(".name");
    out.labels[el.dataset.key] = {box: box(el.getBoundingClientRect()), name: box(name.getBoundingClientRect()),
      text: name.textContent, font: parseFloat(getComputedStyle(name).fontSize),
      clipped: el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1};
  });
  div.querySelectorAll("g.trace").forEach(g => {
    const cd = g.__data__;
    if (!cd || !cd[0] || !cd[0].trace) { return; }
    const trace = cd[0].trace, role = trace.meta && trace.meta.role;
    if (!["bars", "milestone", "decision", "sessions", "load"].includes(role)) { return; }
    g.querySelectorAll(".point").forEach(pt => {
      const d = pt.__data__;
      const el = pt.tagName === "g" ? pt.querySelector("path") : pt;
      if (!d || !el || !shown(el)) { return; }
      const key = role === "sessions" || role === "load" ? trace.customdata[d.i] : "package:" + trace.customdata[d.i];
      if (!(key in out.marks)) { out.marks[key] = box(el.getBoundingClientRect()); }
    });
  });
  const full = div._fullLayout;
  div.querySelectorAll(".shapelayer path").forEach(p => {
    const shape = full.shapes[+p.getAttribute("data-index")];
    if (shape && shape.name && shape.name.startsWith("phase:") && shown(p)) {
      out.marks[shape.name] = box(p.getBoundingClientRect());
    }
  });
  const texts = [];
  div.querySelectorAll("text").forEach(t => {
    if (t.closest(".hoverlayer") || !t.textContent.trim() || !shown(t)) { return; }
    let hidden = false;
    for (let p = t; p && p !== div; p = p.parentElement) {
      if (getComputedStyle(p).display === "none" || p.getAttribute("opacity") === "0") { hidden = true; }
    }
    if (!hidden) {
      texts.push({text: t.textContent, box: box(t.getBoundingClientRect()),
                  font: parseFloat(t.style.fontSize || getComputedStyle(t).fontSize)});
    }
  });
  Object.entries(out.labels).forEach(([key, l]) => texts.push({text: l.text, box: l.name, font: l.font, label: key}));
  out.texts = texts;
  const r = div.getBoundingClientRect();
  out.plot = {l: r.left + scrollX + full._size.l, t: r.top + scrollY + full._size.t,
              r: r.left + scrollX + full._size.l + full._size.w, b: r.top + scrollY + full._size.t + full._size.h};
  out.column = box(document.getElementById("gantt-rows").getBoundingClientRect());
  out.width = document.documentElement.clientWidth;
  out.scrollWidth = document.documentElement.scrollWidth;
  return out;
})()
"""


@dataclass
class Measured:
    raw: dict

    def centre(self, b: dict) -> float:
        return (b["t"] + b["b"]) / 2

    def misaligned(self, tolerance: float = 3.0) -> list[str]:
        """Labels whose vertical centre is more than ``tolerance`` px from their row's
        bar, diamond, session marks or phase summary bar (both the label box and the
        name text itself are compared)."""
        wrong = []
        for key, label in self.raw["labels"].items():
            mark = self.raw["marks"].get(key)
            if mark is None:
                continue
            target = self.centre(mark)
            for part in ("box", "name"):
                off = self.centre(label[part]) - target
                if abs(off) > tolerance:
                    wrong.append(f"{key} {label['text'][:40]!r}: {part} {off:+.1f} px")
        return wrong

    def unmatched(self) -> list[str]:
        """Package labels without a measured bar or diamond (a check that checks nothing)."""
        return [k for k in self.raw["labels"] if k.startswith("package:") and k not in self.raw["marks"]]

    def cut_names(self, names: dict[str, str]) -> list[str]:
        """Packages whose label does not show the whole name inside the label column."""
        wrong = []
        column = self.raw["column"]
        for pid, name in names.items():
            label = self.raw["labels"].get(f"package:{pid}")
            if label is None:
                wrong.append(f"{pid}: no label")
                continue
            box = label["name"]
            if label["text"] != name:
                wrong.append(f"{pid}: shows {label['text']!r}")
            elif label["clipped"] or box["l"] < column["l"] - 0.5 or box["r"] > self.raw["plot"]["l"] + 0.5:
                wrong.append(f"{pid}: {name!r} cut or outside the column ({box['l']:.0f}-{box['r']:.0f})")
        return wrong

    def overlaps(self, gap: float = 0.0) -> list[str]:
        """Pairs of visible texts whose boxes intersect (labels, ticks, notes, diamonds)."""
        texts = sorted(self.raw["texts"], key=lambda t: t["box"]["t"])
        found = []
        for a, b in itertools.combinations(texts, 2):
            A, B = a["box"], b["box"]
            if A["l"] < B["r"] - gap and B["l"] < A["r"] - gap and A["t"] < B["b"] - gap and B["t"] < A["b"] - gap:
                found.append(f"{a['text'][:30]!r} / {b['text'][:30]!r}")
        return found

    def smallest_font(self) -> float:
        return min(t["font"] for t in self.raw["texts"])


def measure(browser) -> Measured:
    return Measured(browser.evaluate(MEASURE))

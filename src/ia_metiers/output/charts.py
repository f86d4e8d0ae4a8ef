"""Charts drawn in the terminal (cells of ``layout.Records``) and as inline SVG (no script, no font
to load): bars on a scale that starts at zero, shared by every row of a chart.

A chart's geometry is computed once here (scale, ticks, segments), so that the terminal and the
HTML report draw the same picture: salary bands by level (light from zero to the band's low end,
solid across the band), fit scores out of 100, and a plan's steps over weeks.
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence
from dataclasses import dataclass

from rich.text import Text

from ia_metiers.output.layout import NB

FULL, LEFT, RIGHT, LIGHT = "█", "▌", "▐", "░"


def nice_top(value: float) -> tuple[float, float]:
    """A round top of scale at or above ``value``, and its tick step (1, 2, 2.5 or 5 times a power of ten)."""
    if value <= 0:
        return 1.0, 1.0
    raw = value / 4
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    return step * math.ceil(value / step - 1e-9), step


def ticks(top: float, step: float) -> list[float]:
    return [step * k for k in range(round(top / step) + 1)]


def halves(low: float, high: float, top: float, width: int) -> tuple[int, int]:
    """The half-cells a segment [low, high] covers on a ``width``-cell scale of 0..top (at least one)."""
    a = round(low / top * 2 * width) if top > 0 else 0
    b = round(high / top * 2 * width) if top > 0 else 0
    b = max(1, min(b, 2 * width))
    a = max(0, min(a, b - 1))
    if b - a < 2 or low == high:  # a band, or one figure, is at least a whole cell ending at its top
        a = max(0, b - 2)
    return a, b


def segment_cells(a: int, b: int, width: int, *, lead: bool) -> str:
    """Cells for half-cells [a, b): solid inside, light before ``a`` when ``lead``, blank after."""
    out = []
    for c in range(width):
        h0, h1 = a <= 2 * c < b, a <= 2 * c + 1 < b
        if h0 and h1:
            out.append(FULL)
        elif h0:
            out.append(LEFT)
        elif h1:
            out.append(RIGHT)
        elif lead and 2 * c + 1 < a:
            out.append(LIGHT)
        else:
            out.append(" ")
    return "".join(out).rstrip()


# ---------------------------------------------------------------- terminal cells


@dataclass
class Band:
    """A band [low, high] on a 0..top scale; light from zero to ``low``."""

    low: float
    high: float
    top: float
    least: int = 12
    most: int = 36
    style: str = "cyan"

    def measure(self) -> tuple[int, int]:
        return self.least, self.most

    def lines(self, width: int) -> list[Text]:
        a, b = halves(self.low, self.high, self.top, width)
        cells = segment_cells(a, b, width, lead=True)
        text = Text()
        for ch in cells:
            text.append(ch, style="dim" if ch == LIGHT else self.style)
        return [text]


@dataclass
class Span:
    """A step of a timeline: solid from ``start`` to ``end`` on a 0..top scale, blank elsewhere."""

    start: float
    end: float
    top: float
    least: int = 12
    most: int = 40
    style: str = "cyan"

    def measure(self) -> tuple[int, int]:
        return self.least, self.most

    def lines(self, width: int) -> list[Text]:
        a, b = halves(self.start, self.end, self.top, width)
        return [Text(segment_cells(a, b, width, lead=False), style=self.style)]


@dataclass
class Axis:
    """Tick labels of a 0..top scale, the unit after the last: the header of a chart column."""

    top: float
    step: float
    unit: str
    lang: str = "fr"
    least: int = 12
    most: int = 36

    def measure(self) -> tuple[int, int]:
        return self.least, self.most

    def labels(self) -> list[tuple[float, str]]:
        marks = ticks(self.top, self.step)
        return [(v, number(v, self.lang) + (NB + self.unit if k == len(marks) - 1 else "")) for k, v in enumerate(marks)]

    def lines(self, width: int) -> list[Text]:
        """The labels that fit, the last (with the unit) first, none overlapping."""
        row = [" "] * width
        free = [True] * (width + 1)
        labels = self.labels()
        order = [len(labels) - 1, *range(len(labels) - 1)]
        for k in order:
            value, label = labels[k]
            pos = round(value / self.top * width) if self.top else 0
            if k == len(labels) - 1:
                pos = width - len(label)
            elif k:
                pos -= len(label) // 2
            pos = max(pos, 0)
            span = range(max(pos - 1, 0), min(pos + len(label) + 1, width + 1))
            if pos + len(label) > width or not all(free[i] for i in span):
                continue
            row[pos : pos + len(label)] = list(label)
            for i in range(pos, pos + len(label)):
                free[i] = False
        return [Text("".join(row).rstrip(), style="dim")]


def number(value: float, lang: str) -> str:
    shown = f"{value:g}"
    return shown.replace(".", ",") if lang == "fr" else shown


# ---------------------------------------------------------------- SVG


@dataclass
class Bar:
    """One row of an SVG chart: a label, a segment [start, end], a text after it."""

    label: str
    start: float
    end: float
    text: str = ""
    lead: bool = True  # light from zero to start (bands), or nothing before it (timeline steps)


def svg(rows: Sequence[Bar], top: float, step: float, unit: str, lang: str, title: str) -> str:
    """A horizontal bar chart as an inline SVG: fixed sizes, system fonts, no external resource."""
    longest = max((len(r.label) for r in rows), default=0)
    label_w, bar_w, text_w, row_h = min(max(90, int(longest * 6.6) + 14), 320), 300, 110, 22
    width = label_w + bar_w + text_w
    height = row_h * len(rows) + 34
    scale = bar_w / top if top else 0.0
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {width} {height}" '
        f'width="100%" style="max-width:{width}px" font-family="system-ui, sans-serif" font-size="12">',
        f"<title>{html.escape(title)}</title>",
    ]
    for k, value in enumerate(ticks(top, step)):
        x = label_w + value * scale
        out.append(f'<line x1="{x:.1f}" y1="4" x2="{x:.1f}" y2="{height - 22}" stroke="#ddd"/>')
        label = number(value, lang) + (f" {unit}" if k == len(ticks(top, step)) - 1 else "")
        anchor = "end" if k == len(ticks(top, step)) - 1 and k else "middle" if k else "start"
        out.append(f'<text x="{x:.1f}" y="{height - 6}" text-anchor="{anchor}" fill="#555">{html.escape(label)}</text>')
    for n, row in enumerate(rows):
        y = 6 + n * row_h
        out.append(f'<text x="{label_w - 8}" y="{y + 13}" text-anchor="end">{html.escape(row.label)}</text>')
        if row.lead and row.start > 0:
            out.append(f'<rect x="{label_w}" y="{y + 3}" width="{row.start * scale:.1f}" height="12" fill="#dde6f0"/>')
        w = max((row.end - row.start) * scale, 2.0)
        out.append(f'<rect x="{label_w + row.start * scale:.1f}" y="{y + 2}" width="{w:.1f}" height="14" fill="#2b6cb0"/>')
        if row.text:
            x = label_w + max(row.end * scale, row.start * scale + w) + 6
            out.append(f'<text x="{x:.1f}" y="{y + 13}">{html.escape(row.text)}</text>')
    out.append("</svg>")
    return "\n".join(out)

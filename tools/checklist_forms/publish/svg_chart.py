"""Small SVG charts for the project's self-contained pages (no script, no font files).

Two shapes cover what the panel and monthly pages need:

- :func:`dot_plot`: one row per label, one marker per series on a numeric scale, with a
  line joining the lowest and highest marker of the row (a criterion rated by three
  evaluators, and how far apart they are);
- :func:`range_plot`: one row per label, a bar from a low to a high value with a mark at
  a middle value (a candidate's lowest, mean and highest score);
- :func:`line_plot`: one line per series over ordered categories (indicators by month).

Every text is escaped; each chart carries ``role="img"`` with a ``<title>`` and a
``<desc>`` (its alt text). Charts never stand alone: the pages put a data table next to
each, which is what screen readers and copy-paste use.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

# Colour-blind-safe palette (Okabe-Ito), each also told apart by its marker's shape.
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000")
SHAPES = ("circle", "square", "diamond", "triangle")
ROW = 28
LABEL_WIDTH = 400
PLOT_WIDTH = 340
# Longer row labels are cut with an ellipsis (the data table beside the chart has them whole).
LABEL_CHARS = 56
TOP = 40
# The line plot's own margins: only tick numbers to its left.
LEFT = 70
WIDE = LABEL_WIDTH + PLOT_WIDTH - LEFT - 30
FONT = "font-family='system-ui, sans-serif' font-size='13'"


@dataclass(frozen=True)
class Scale:
    low: float
    high: float
    ticks: tuple[float, ...]

    def x(self, value: float) -> float:
        span = self.high - self.low or 1.0
        return round(LABEL_WIDTH + (value - self.low) / span * PLOT_WIDTH, 2)


def nice_scale(values: Sequence[float], *, floor_zero: bool = True) -> Scale:
    """A scale from 0 (or below, for negative values) to a round top, five ticks or so."""
    low = min([*values, 0.0] if floor_zero else values, default=0.0)
    high = max(values, default=1.0)
    if high <= low:
        high = low + 1
    raw = (high - low) / 5
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    start = math.floor(low / step) * step
    end = math.ceil(high / step) * step
    count = round((end - start) / step)
    return Scale(start, end, tuple(round(start + n * step, 10) for n in range(count + 1)))


def _text(x: float, y: float, text: str, anchor: str = "start") -> str:
    return f"<text x='{x:g}' y='{y:g}' text-anchor='{anchor}' {FONT}>{escape(text)}</text>"


def _label(y: float, text: str) -> str:
    shown = text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS - 1].rstrip() + "…"
    return _text(8, y, shown)


def _marker(shape: str, x: float, y: float, colour: str) -> str:
    if shape == "square":
        return f"<rect x='{x - 5:g}' y='{y - 5:g}' width='10' height='10' fill='{colour}'/>"
    if shape == "diamond":
        points = f"{x:g},{y - 7:g} {x + 7:g},{y:g} {x:g},{y + 7:g} {x - 7:g},{y:g}"
        return f"<polygon points='{points}' fill='{colour}'/>"
    if shape == "triangle":
        points = f"{x:g},{y - 6:g} {x + 6:g},{y + 5:g} {x - 6:g},{y + 5:g}"
        return f"<polygon points='{points}' fill='{colour}'/>"
    return f"<circle cx='{x:g}' cy='{y:g}' r='5.5' fill='{colour}'/>"


def _frame(ident: str, title: str, desc: str, height: float, body: list[str]) -> str:
    width = LABEL_WIDTH + PLOT_WIDTH + 40
    head = (
        f"<svg xmlns='http://www.w3.org/2000/svg' role='img' viewBox='0 0 {width} {height:g}' "
        f"width='{width}' height='{height:g}' aria-labelledby='{ident}-t {ident}-d'>"
        f"<title id='{ident}-t'>{escape(title)}</title><desc id='{ident}-d'>{escape(desc)}</desc>"
    )
    return head + "".join(body) + "</svg>"


def _axis(scale: Scale, bottom: float) -> list[str]:
    parts = []
    for tick in scale.ticks:
        x = scale.x(tick)
        parts.append(
            f"<line x1='{x:g}' y1='{TOP - 10}' x2='{x:g}' y2='{bottom:g}' stroke='#c8c8c8'/>"
        )
        parts.append(_text(x, TOP - 16, f"{tick:g}", "middle"))
    return parts


def _legend(series: Sequence[str], y: float) -> list[str]:
    parts = []
    x = float(LABEL_WIDTH)
    for n, name in enumerate(series):
        parts.append(_marker(SHAPES[n % len(SHAPES)], x, y - 4, PALETTE[n % len(PALETTE)]))
        parts.append(_text(x + 10, y, name))
        x += 24 + 8 * len(name)
    return parts


def dot_plot(
    ident: str,
    title: str,
    desc: str,
    labels: Sequence[str],
    series: Sequence[str],
    values: Sequence[Sequence[float | None]],
    scale: Scale,
) -> str:
    """``values[row][serie]``: one marker per rated value; ``None`` draws nothing."""
    body = _axis(scale, TOP + ROW * len(labels))
    for row, label in enumerate(labels):
        y = TOP + ROW * row + ROW / 2
        body.append(_label(y + 4, label))
        given = [v for v in values[row] if v is not None]
        if len(given) > 1:
            x1, x2 = scale.x(min(given)), scale.x(max(given))
            body.append(
                f"<line x1='{x1:g}' y1='{y:g}' x2='{x2:g}' y2='{y:g}' "
                "stroke='#555' stroke-width='2'/>"
            )
        for n, value in enumerate(values[row]):
            if value is not None:
                # Equal values would hide each other: nudge each series a little.
                offset = (n - (len(series) - 1) / 2) * 4
                shape = SHAPES[n % len(SHAPES)]
                body.append(_marker(shape, scale.x(value), y + offset, PALETTE[n % len(PALETTE)]))
    bottom = TOP + ROW * len(labels) + 24
    body += _legend(series, bottom)
    return _frame(ident, title, desc, bottom + 12, body)


def range_plot(
    ident: str,
    title: str,
    desc: str,
    labels: Sequence[str],
    ranges: Sequence[tuple[float, float, float] | None],
    scale: Scale,
) -> str:
    """``ranges[row] = (low, middle, high)``: a bar from low to high, a mark at middle."""
    body = _axis(scale, TOP + ROW * len(labels))
    for row, label in enumerate(labels):
        y = TOP + ROW * row + ROW / 2
        body.append(_label(y + 4, label))
        span = ranges[row]
        if span is None:
            continue
        low, middle, high = span
        x1, x2 = scale.x(low), scale.x(high)
        body.append(
            f"<rect x='{x1:g}' y='{y - 6:g}' width='{max(x2 - x1, 2):g}' height='12' "
            f"fill='{PALETTE[5]}' rx='3'/>"
        )
        xm = scale.x(middle)
        body.append(
            f"<line x1='{xm:g}' y1='{y - 10:g}' x2='{xm:g}' y2='{y + 10:g}' "
            f"stroke='{PALETTE[6]}' stroke-width='3'/>"
        )
    return _frame(ident, title, desc, TOP + ROW * len(labels) + 16, body)


def line_plot(
    ident: str,
    title: str,
    desc: str,
    categories: Sequence[str],
    series: Sequence[str],
    values: Sequence[Sequence[float | None]],
    scale: Scale,
) -> str:
    """``values[serie][category]``; the y axis is the scale, categories go left to right.

    No row labels here, so the plot starts near the left edge (``LEFT``), not after them.
    """
    height = 220.0
    step = WIDE / max(len(categories) - 1, 1)
    span = scale.high - scale.low or 1.0

    def y(value: float) -> float:
        return round(TOP + height - (value - scale.low) / span * height, 2)

    body: list[str] = []
    for tick in scale.ticks:
        body.append(
            f"<line x1='{LEFT}' y1='{y(tick):g}' x2='{LEFT + WIDE}' "
            f"y2='{y(tick):g}' stroke='#c8c8c8'/>"
        )
        body.append(_text(LEFT - 6, y(tick) + 4, f"{tick:g}", "end"))
    for n, category in enumerate(categories):
        body.append(_text(LEFT + n * step, TOP + height + 18, category, "middle"))
    for s in range(len(series)):
        colour = PALETTE[s % len(PALETTE)]
        points = [(LEFT + n * step, y(v)) for n, v in enumerate(values[s]) if v is not None]
        if len(points) > 1:
            path = " ".join(f"{px:g},{py:g}" for px, py in points)
            body.append(
                f"<polyline points='{path}' fill='none' stroke='{colour}' stroke-width='2'/>"
            )
        body += [_marker(SHAPES[s % len(SHAPES)], px, py, colour) for px, py in points]
    bottom = TOP + height + 44
    if len(series) > 1:  # one line needs no legend: the chart's title names it
        body += _legend(series, bottom)
    return _frame(ident, title, desc, bottom + 12 if len(series) > 1 else bottom - 12, body)

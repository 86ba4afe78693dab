"""A small line chart as inline SVG, drawn on the server: no script, nothing fetched.

Every text that reaches the markup (titles, labels, series names) is escaped here; the
numbers are formatted floats. The page embeds the result as it is (a ``Markup``).
"""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup, escape

__all__ = ["line_chart"]

# The drawing area and its margins (px); the chart scales to its container (viewBox).
_W, _H = 640, 220
_LEFT, _RIGHT, _TOP, _BOTTOM = 40, 120, 12, 28
# One colour per series, in order (distinguishable for the common colour blindnesses).
_COLOURS = ("#1b6ca8", "#d95f02", "#2a9d8f", "#7570b3")


def line_chart(series: Sequence[tuple[str, Sequence[float]]], *, labels: Sequence[str], title: str) -> Markup:
    """Lines over the points ``labels`` (x, in order), values from 0 to 1 (y), one per series.

    Args:
        series: (name, values) pairs, each with one value per label.
        labels: what each point is (a run's time), shown on hover and at both ends.
        title: the chart's accessible name.

    Returns:
        The ``<svg>`` element; empty markup when there is no point.

    Example:
        >>> "<svg" in line_chart([("span F1", [0.8, 0.9])], labels=["Senin", "Selasa"], title="F1")
        True
    """
    n = len(labels)
    if n == 0:
        return Markup("")
    for name, values in series:
        if len(values) != n:
            raise ValueError(f"series {name!r} has {len(values)} values for {n} labels")
    inner_w, inner_h = _W - _LEFT - _RIGHT, _H - _TOP - _BOTTOM

    def x(i: int) -> float:
        # A single run sits in the middle.
        return _LEFT + (inner_w * i / (n - 1) if n > 1 else inner_w / 2)

    def y(v: float) -> float:
        return _TOP + inner_h * (1.0 - min(max(v, 0.0), 1.0))

    parts = [
        f'<svg class="line-chart" viewBox="0 0 {_W} {_H}" role="img" '
        f'xmlns="http://www.w3.org/2000/svg" aria-label="{escape(title)}">',
        f"<title>{escape(title)}</title>",
    ]
    for tick in (0.0, 0.25, 0.5, 0.75, 1.0):
        ty = y(tick)
        parts.append(
            f'<line x1="{_LEFT}" x2="{_LEFT + inner_w}" y1="{ty:.1f}" y2="{ty:.1f}" stroke="#ddd"/>'
            f'<text x="{_LEFT - 6}" y="{ty + 4:.1f}" text-anchor="end" font-size="11">{tick:.2f}</text>'
        )
    ends = [(0, "start")] if n == 1 else [(0, "start"), (n - 1, "end")]
    for i, anchor in ends:
        parts.append(
            f'<text x="{x(i):.1f}" y="{_H - 8}" text-anchor="{anchor}" font-size="11">{escape(labels[i])}</text>'
        )
    for k, (name, values) in enumerate(series):
        colour = _COLOURS[k % len(_COLOURS)]
        points = " ".join(f"{x(i):.1f},{y(v):.1f}" for i, v in enumerate(values))
        parts.append(
            f'<g class="series"><polyline fill="none" stroke="{colour}" stroke-width="2" points="{points}"/>'
        )
        for i, v in enumerate(values):
            parts.append(
                f'<circle cx="{x(i):.1f}" cy="{y(v):.1f}" r="3" fill="{colour}">'
                f"<title>{escape(name)} {v:.3f} · {escape(labels[i])}</title></circle>"
            )
        ly = _TOP + 14 + 18 * k
        parts.append(
            f'<line x1="{_W - _RIGHT + 10}" x2="{_W - _RIGHT + 28}" y1="{ly - 4}" y2="{ly - 4}" '
            f'stroke="{colour}" stroke-width="2"/>'
            f'<text x="{_W - _RIGHT + 32}" y="{ly}" font-size="11">{escape(name)}</text></g>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))

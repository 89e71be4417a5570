"""The anger chart as inline SVG (matplotlib, Agg-free SVG canvas, no pyplot state)."""

from __future__ import annotations

import io
import re
from collections.abc import Sequence

_METADATA = re.compile(r"\s*<metadata>.*?</metadata>", re.S)


def anger_svg(
    points: Sequence[tuple[int, float]], *, width: float = 7.0, height: float = 2.6
) -> str:
    """An SVG line chart of anger (0-10) per turn, ready to inline in HTML.

    Text stays text (`svg.fonttype: none`) so it prints sharply and stays small, and the ids
    are salted so the same call always gives the same bytes.
    """
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.backends.backend_svg import FigureCanvasSVG
    from matplotlib.figure import Figure

    with matplotlib.rc_context(
        {"svg.fonttype": "none", "svg.hashsalt": "deescalate", "font.size": 9}
    ):
        fig = Figure(figsize=(width, height))
        FigureCanvasSVG(fig)
        ax = fig.add_subplot()
        ax.axhspan(-0.3, 3.5, color="#2e7d32", alpha=0.08, linewidth=0)
        ax.axhspan(3.5, 7, color="#f9a825", alpha=0.08, linewidth=0)
        ax.axhspan(7, 10.4, color="#c62828", alpha=0.08, linewidth=0)
        if points:
            xs = [p[0] for p in points]
            ys = [p[1] for p in points]
            ax.plot(xs, ys, color="#1a237e", linewidth=2, marker="o", markersize=4)
            ax.set_xlim(min(xs) - 0.5, max(xs) + 0.5)
            ax.set_xticks(xs if len(xs) <= 20 else xs[:: max(1, len(xs) // 10)])
        else:
            ax.text(0.5, 0.5, "no turns yet", ha="center", va="center", transform=ax.transAxes)
            ax.set_xticks([])
        ax.set_ylim(-0.3, 10.4)  # room for markers at 0 and 10
        ax.set_yticks([0, 2, 4, 6, 8, 10])
        ax.set_xlabel("Turn")
        ax.set_ylabel("Anger (0-10)")
        ax.grid(axis="y", color="#999999", alpha=0.3, linewidth=0.5)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        fig.tight_layout()
        buf = io.StringIO()
        fig.savefig(buf, format="svg", metadata={"Date": None})
    svg = buf.getvalue()
    start = svg.find("<svg")
    svg = svg[start:] if start >= 0 else svg
    # The RDF metadata block only names the generator; inline it is noise.
    return _METADATA.sub("", svg, count=1)

"""The trainer's view of a cohort: one row per trainee (CSV, Markdown, HTML)."""

from __future__ import annotations

import csv
import io
from datetime import datetime
from html import escape

from pydantic import BaseModel

from trainer.models.grade import STEP_TITLES, STEPS
from trainer.models.record import OUTCOMES
from trainer.reports.progress import pooled
from trainer.store.stats import overall
from trainer.store.store import SessionInfo, Store
from trainer.textsafe import clean_line, csv_cell

IN_PROGRESS = "in_progress"
CSV_COLUMNS = [
    "trainee",
    "sessions",
    *OUTCOMES,
    IN_PROGRESS,
    *STEPS,
    "overall",
    "trend",
]
"""The cohort CSV header, in order."""


class CohortRow(BaseModel):
    """One trainee's numbers."""

    trainee: str
    sessions: int
    outcomes: dict[str, int]
    """Count per outcome, plus `in_progress` for calls that never ended."""
    steps: dict[str, float | None]
    """Pass rate per step over every graded reply that needed the step."""
    overall: float | None
    trend: float | None
    """Mean overall rate of the later half of graded sessions minus the earlier half."""


def trend(infos: list[SessionInfo]) -> float | None:
    """Later half minus earlier half of per-session overall rates (None under 2 sessions)."""
    scores = [s for s in (overall(i.steps) for i in infos) if s is not None]
    half = len(scores) // 2
    if half == 0:
        return None
    early = scores[:half]
    late = scores[len(scores) - half :]
    return sum(late) / half - sum(early) / half


def cohort(store: Store, since: datetime | None = None) -> list[CohortRow]:
    """One row per trainee with sessions since `since`, sorted by name."""
    by_trainee: dict[str, list[SessionInfo]] = {}
    for info in store.sessions(since=since):
        by_trainee.setdefault(info.trainee, []).append(info)
    rows = []
    for name in sorted(by_trainee):
        infos = by_trainee[name]
        outcomes = {o: 0 for o in (*OUTCOMES, IN_PROGRESS)}
        for info in infos:
            outcomes[info.outcome or IN_PROGRESS] = outcomes.get(info.outcome or IN_PROGRESS, 0) + 1
        _, rates = pooled(infos)
        rows.append(
            CohortRow(
                trainee=name,
                sessions=len(infos),
                outcomes=outcomes,
                steps=rates,
                overall=overall(rates),
                trend=trend(infos),
            )
        )
    return rows


def _num(value: float | None) -> str:
    return "" if value is None else f"{value:.3f}"


def _signed(value: float | None) -> str:
    return "" if value is None else f"{value:+.3f}"


def cohort_csv(rows: list[CohortRow]) -> str:
    """CSV with CSV_COLUMNS; rates as decimals 0-1, blank when nothing was graded.

    The trainee name is the one cell people type: it is kept to one line without control
    characters, and a leading = + - @ is quoted so a spreadsheet never runs it as a formula.
    """
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for row in rows:
        writer.writerow(
            [
                csv_cell(row.trainee),
                row.sessions,
                *(row.outcomes.get(o, 0) for o in (*OUTCOMES, IN_PROGRESS)),
                *(_num(row.steps.get(s)) for s in STEPS),
                _num(row.overall),
                _signed(row.trend),
            ]
        )
    return buf.getvalue()


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{round(value * 100)}%"


def _trend_word(value: float | None) -> str:
    if value is None:
        return "-"
    points = round(value * 100)
    return f"{points:+d} pts"


def _outcome_text(row: CohortRow) -> str:
    return ", ".join(f"{n} {o.replace('_', ' ')}" for o, n in row.outcomes.items() if n) or "-"


def cohort_markdown(rows: list[CohortRow], since: datetime | None = None) -> str:
    """The cohort as a Markdown table."""
    title = "# Cohort report" + (f" since {since.date().isoformat()}" if since else "")
    lines = [title, ""]
    header = ["Trainee", "Sessions", "Outcomes", *(STEP_TITLES[s] for s in STEPS), "Trend"]
    lines.append("| " + " | ".join(header) + " |")
    lines.append("|" + "---|" * len(header))
    for row in rows:
        name = clean_line(row.trainee).replace("|", "\\|").replace("<", "&lt;") or "(no name)"
        cells = [
            name,
            str(row.sessions),
            _outcome_text(row),
            *(_pct(row.steps.get(s)) for s in STEPS),
            _trend_word(row.trend),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    if not rows:
        lines.append("")
        lines.append("No sessions.")
    return "\n".join(lines) + "\n"


def cohort_html(rows: list[CohortRow], since: datetime | None = None) -> str:
    """The cohort as one self-contained HTML page."""
    title = "Cohort report" + (f" since {since.date().isoformat()}" if since else "")
    head = ["Trainee", "Sessions", "Outcomes", *(STEP_TITLES[s] for s in STEPS), "Trend"]
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{escape(title)}</title>",
        "<style>body{font:15px/1.5 system-ui,sans-serif;max-width:70rem;margin:2rem auto;"
        "padding:0 1rem}table{border-collapse:collapse;width:100%}th,td{border:1px solid #ccc;"
        "padding:.3rem .5rem;text-align:left}th{background:#eef}"
        "@media print{body{margin:0;max-width:none}th{background:none}}</style>",
        f"</head><body><h1>{escape(title)}</h1>",
        "<table><thead><tr>"
        + "".join(f"<th>{escape(h)}</th>" for h in head)
        + "</tr></thead><tbody>",
    ]
    for row in rows:
        cells = [
            escape(row.trainee) or "(no name)",
            str(row.sessions),
            escape(_outcome_text(row)),
            *(_pct(row.steps.get(s)) for s in STEPS),
            escape(_trend_word(row.trend)),
        ]
        parts.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    parts.append("</tbody></table>")
    if not rows:
        parts.append("<p>No sessions.</p>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"

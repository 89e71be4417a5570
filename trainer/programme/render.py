"""Plans and readiness as plain text, JSON, and cohort-report sections (Markdown, HTML, CSV)."""

from __future__ import annotations

import csv
import io
from datetime import date
from html import escape
from typing import TYPE_CHECKING, Any

from trainer.models.grade import STEP_TITLES
from trainer.models.record import OUTCOMES
from trainer.programme.plan import DrillChoice, Plan, slot_words
from trainer.programme.readiness import STATUS_WORDS, ModuleReadiness, Readiness
from trainer.programme.schedule import Slot
from trainer.programme.text import printable
from trainer.reports.cohort import IN_PROGRESS

if TYPE_CHECKING:
    from trainer.library import Library


def day(value: date) -> str:
    """`Thu 2026-11-26`."""
    return f"{value:%a} {value.isoformat()}"


def hours_words(result: Readiness) -> str:
    """`3.4 h of 24 h this programme year (to 2027-09-07)`."""
    return (
        f"{result.hours:.1f} h of {result.hours_target:g} h this programme year "
        f"(to {result.year[1].isoformat()})"
    )


def drill_words(drill: DrillChoice, library: Library | None = None) -> str:
    """`Cancelled flight ... with Jordan Mensah, exam mode`."""
    scenario, persona = drill.scenario, drill.persona
    if library is not None:
        if scenario in library.scenarios:
            scenario = library.scenarios[scenario].item.title
        if persona in library.personas:
            persona = library.personas[persona].item.name
    return f"{printable(scenario, 70)} with {printable(persona, 40)}, {drill.mode} mode"


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{round(value * 100)}%"


def module_row(m: ModuleReadiness) -> list[str]:
    """One module as table cells: title, status, days, calls, exam, focus, drills done."""
    span = f"{m.first_day.isoformat()} to {m.last_day.isoformat()}"
    return [
        m.module.title,
        m.words,
        span,
        str(m.calls),
        str(m.exam_calls),
        _pct(m.rate),
        f"{m.cleared}/{len(m.module.drills)}",
    ]


MODULE_HEADERS = ["module", "status", "training days", "calls", "exam", "focus", "drills done"]


def _table(rows: list[list[str]], headers: list[str], indent: str = "  ") -> list[str]:
    widths = [len(h) for h in headers]
    for row in rows:
        widths = [max(w, len(c)) for w, c in zip(widths, row, strict=True)]
    out = [indent + "  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip()]
    out.append(indent + "  ".join("-" * w for w in widths))
    for row in rows:
        out.append(
            indent + "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip()
        )
    return out


def readiness_lines(result: Readiness) -> list[str]:
    """The readiness block `progress --trainee` prints."""
    p = result.programme
    lines = [
        f"readiness on {printable(p.title)} ({p.id}), started {day(result.start)}: "
        + (result.summary() or "no modules"),
        f"hours practised: {hours_words(result)}",
        "",
    ]
    lines += _table([module_row(m) for m in result.modules], MODULE_HEADERS)
    return lines


def _slot_line(slot: Slot, total: int) -> str:
    return f"{day(slot.day)}, {slot_words(slot, total)}"


def plan_lines(plan: Plan, library: Library | None = None, *, detail: bool = False) -> list[str]:
    """A trainee's plan as text; `detail` adds the module table and the module's advice."""
    r = plan.readiness
    p = plan.programme
    total = p.schedule.training_days
    out = [f"{printable(r.trainee)}: {printable(p.title)} ({p.id}), from {day(r.start)}"]
    if r.today < r.start:
        out.append(f"  starts {day(r.start)}")
    if plan.today:
        out.append(f"  today, {day(r.today)}: {slot_words(plan.today[0], total)}")
    elif plan.refresher_today:
        out.append(f"  today, {day(r.today)}: refresher session")
    else:
        out.append(f"  today, {day(r.today)}: no training day")
    if plan.week:
        out.append("  later this week:")
        out += [f"    {_slot_line(s, total)}" for s in plan.week]
    else:
        out.append("  later this week: no training day")
    if plan.next_day is not None:
        out.append(f"  next training day: {_slot_line(plan.next_day, total)}")
    if plan.overdue:
        out.append("  overdue:")
        for m in plan.overdue:
            out.append(
                f"    {m.module.title}: its days ended {day(m.last_day)}; {m.words}, "
                f"{m.calls} call(s), {m.exam_calls} in exam mode"
            )
    else:
        out.append("  overdue: nothing")
    for m in plan.refresher_due:
        when = day(m.refresher) if m.refresher else "now"
        out.append(f"  refresher due: {m.module.title} (since {when})")
    nexts = ", ".join(day(d) for d in plan.refreshers_next)
    done = ", ".join(d.isoformat() for d in plan.refreshers_past)
    every = p.schedule.refresher_every_months
    out.append(
        "  refreshers: "
        + (f"held {done}; " if done else "")
        + f"next {nexts} (then every {every} months)"
    )
    if plan.drill is not None:
        out.append(f"  next drill: {drill_words(plan.drill, library)}")
        out.append(f"    why: {plan.drill.why}")
        if plan.drill.practise:
            out.append(f"    practise: {plan.drill.practise}")
    review = plan.next_review
    if review is not None:
        back, step = review
        practised = plan.drill is not None and plan.drill.step == step
        if back > r.today:
            out.append(f"  next step review: {day(back)}, {STEP_TITLES[step]}")
        elif not practised:
            out.append(f"  step review due since {day(back)}: {STEP_TITLES[step]}")
    out.append(f"  readiness: {r.summary()}; {hours_words(r)}")
    focus = plan.focus
    if detail:
        if focus is not None and focus.calls == 0:
            out.append(f"  before you start {focus.module.title}: {focus.module.advice.strip()}")
        out.append("")
        out += _table([module_row(m) for m in r.modules], MODULE_HEADERS)
    return out


def plan_json(plan: Plan) -> dict[str, Any]:
    """The object `plan --json` prints for one assignment."""
    r = plan.readiness

    def slot(s: Slot) -> dict[str, Any]:
        return {
            "date": s.day.isoformat(),
            "number": s.number,
            "module": s.module.id if s.module else None,
            "module_day": s.module_day or None,
        }

    drill = plan.drill
    return {
        "trainee": r.trainee,
        "programme": plan.programme.id,
        "start": r.start.isoformat(),
        "today": r.today.isoformat(),
        "today_slots": [slot(s) for s in plan.today],
        "this_week": [slot(s) for s in plan.week],
        "next_training_day": slot(plan.next_day) if plan.next_day else None,
        "overdue": [m.module.id for m in plan.overdue],
        "refresher_due": [m.module.id for m in plan.refresher_due],
        "refreshers_held": [d.isoformat() for d in plan.refreshers_past],
        "refreshers_next": [d.isoformat() for d in plan.refreshers_next],
        "next_drill": None
        if drill is None
        else {
            "module": drill.module.id if drill.module else None,
            "scenario": drill.scenario,
            "persona": drill.persona,
            "mode": drill.mode,
            "step": drill.step,
            "why": drill.why,
            "practise": drill.practise,
        },
        "next_step_review": None
        if plan.next_review is None
        else {"date": plan.next_review[0].isoformat(), "step": plan.next_review[1]},
        "readiness": readiness_json(r),
    }


def readiness_json(r: Readiness) -> dict[str, Any]:
    """Readiness as JSON (modules with status, hours against the target)."""
    return {
        "programme": r.programme.id,
        "start": r.start.isoformat(),
        "ready": r.ready,
        "hours": round(r.hours, 2),
        "hours_target": r.hours_target,
        "year": [r.year[0].isoformat(), r.year[1].isoformat()],
        "modules": [
            {
                "id": m.module.id,
                "title": m.module.title,
                "status": m.status,
                "first_day": m.first_day.isoformat(),
                "last_day": m.last_day.isoformat(),
                "calls": m.calls,
                "exam_calls": m.exam_calls,
                "focus_rate": m.rate,
                "drills_done": m.cleared,
                "ladder_rung": m.rung,
                "started_at": m.started_at.isoformat() if m.started_at else None,
                "passed_at": m.passed_at.isoformat() if m.passed_at else None,
                "refresher": m.refresher.isoformat() if m.refresher else None,
            }
            for m in r.modules
        ],
    }


# Cohort report sections --------------------------------------------------------------------

MAX_NAME = 200
COHORT_HEADERS = [
    "Trainee",
    "Programme",
    "Passed",
    "Practising",
    "Not started",
    "Refresher due",
    "Overdue",
    "Hours this year",
    "Modules",
]
CSV_EXTRA = [
    "programme",
    "modules_passed",
    "modules_practising",
    "modules_not_started",
    "modules_refresher_due",
    "modules_overdue",
    "hours_this_year",
    "hours_target",
    "module_status",
]
"""Columns the cohort CSV gains when trainees are on a programme."""


def _cohort_cells(r: Readiness) -> list[str]:
    counts = r.counts()
    overdue = sum(1 for m in r.modules if m.overdue(r.today))
    return [
        r.programme.id,
        str(counts["passed"]),
        str(counts["practising"]),
        str(counts["not_started"]),
        str(counts["refresher_due"]),
        str(overdue),
        f"{r.hours:.1f} of {r.hours_target:g}",
        "; ".join(f"{m.module.title}: {STATUS_WORDS[m.status]}" for m in r.modules),
    ]


def cohort_readiness_markdown(results: list[Readiness]) -> str:
    """The readiness section appended to the Markdown cohort report."""
    if not results:
        return ""
    today = results[0].today.isoformat()
    lines = ["", f"## Programme readiness on {today}", ""]
    lines.append("| " + " | ".join(COHORT_HEADERS) + " |")
    lines.append("|" + "---|" * len(COHORT_HEADERS))
    for r in results:
        name = printable(r.trainee).replace("|", "\\|").replace("<", "&lt;") or "(no name)"
        cells = [name, *(c.replace("|", "\\|") for c in _cohort_cells(r))]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def cohort_readiness_html(results: list[Readiness]) -> str:
    """The readiness section, as HTML to go before the cohort page's closing tags."""
    if not results:
        return ""
    today = results[0].today.isoformat()
    parts = [
        f"<h2>Programme readiness on {escape(today)}</h2>",
        "<table><thead><tr>"
        + "".join(f"<th>{escape(h)}</th>" for h in COHORT_HEADERS)
        + "</tr></thead><tbody>",
    ]
    for r in results:
        cells = [printable(r.trainee) or "(no name)", *_cohort_cells(r)]
        parts.append("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in cells) + "</tr>")
    parts.append("</tbody></table>")
    return "\n".join(parts) + "\n"


def with_readiness_html(page: str, results: list[Readiness]) -> str:
    """The cohort HTML page with the readiness section before `</body>`."""
    section = cohort_readiness_html(results)
    if not section:
        return page
    head, sep, tail = page.rpartition("</body>")
    return head + section + sep + tail if sep else page + section


def with_readiness_csv(text: str, results: list[Readiness]) -> str:
    """The cohort CSV with CSV_EXTRA columns for each trainee on a programme.

    A trainee on two programmes gets one row per programme; one on a programme with no calls
    in the period gets a row with zero calls.
    """
    if not results:
        return text
    rows = list(csv.reader(io.StringIO(text)))
    if not rows:
        return text
    header, body = rows[0], rows[1:]
    width = len(header)
    counted = {*OUTCOMES, IN_PROGRESS}
    by_name: dict[str, list[Readiness]] = {}
    for r in results:
        by_name.setdefault(r.trainee, []).append(r)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([*header, *CSV_EXTRA])

    def extra(r: Readiness) -> list[str]:
        cells = _cohort_cells(r)
        return [
            *cells[:6],
            f"{r.hours:.2f}",
            f"{r.hours_target:g}",
            ";".join(f"{m.module.id}={m.status}" for m in r.modules),
        ]

    seen: set[str] = set()
    for row in body:
        name = row[0] if row else ""
        seen.add(name)
        found = by_name.get(name)
        if not found:
            writer.writerow([printable(name, MAX_NAME), *row[1:], *([""] * len(CSV_EXTRA))])
            continue
        # Names are cleaned on the way out: this text often goes straight to a terminal.
        shown = [printable(name, MAX_NAME), *row[1:]] if row else row
        for r in found:
            writer.writerow([*shown, *extra(r)])
    for name, found in sorted(by_name.items()):
        if name in seen:
            continue
        for r in found:
            # No calls in the period: zero counts, blank rates (as the report leaves them).
            blank = [printable(name, MAX_NAME), "0"]
            blank += ["0" if c in counted else "" for c in header[2:]]
            writer.writerow([*blank[:width], *extra(r)])
    return out.getvalue()

"""Session report renderers: Markdown, self-contained HTML (inline SVG chart) and JSON."""

from __future__ import annotations

from html import escape

from trainer.reports.chart import anger_svg
from trainer.reports.data import NOT_NEEDED, TURN_ENGLISH_ONLY, ReportData, english_note
from trainer.textsafe import clean, clean_line


def pct(rate: float | None) -> str:
    """A rate as a whole percentage, or a dash when there is none."""
    return "-" if rate is None else f"{round(rate * 100)}%"


def duration_text(seconds: int | None) -> str:
    """`5 min 30 s`, or a dash."""
    if seconds is None:
        return "-"
    minutes, secs = divmod(seconds, 60)
    return f"{minutes} min {secs} s" if minutes else f"{secs} s"


def when_text(iso: str) -> str:
    """An ISO timestamp as `2026-11-01 09:00 UTC` (as given when it does not parse)."""
    from trainer.store.engine import parse_time

    parsed = parse_time(iso)
    return parsed.strftime("%Y-%m-%d %H:%M UTC") if parsed else (iso or "-")


def _kept(kept: bool | None) -> str:
    return "yes" if kept else ("not known" if kept is None else "no")


def turns_text(numbers: list[int]) -> str:
    """`1, 3` or a dash."""
    return ", ".join(map(str, numbers)) or "-"


# Markdown --------------------------------------------------------------------------------


def _md(text: str) -> str:
    """Text safe inside a Markdown table cell or line: no pipes, no line breaks, no HTML,
    no control characters."""
    return (
        clean_line(text)
        .replace("\\", "\\\\")
        .replace("|", "\\|")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
    )


def to_markdown(data: ReportData) -> str:
    """The report as Markdown (for pasting into a ticket or a wiki)."""
    out: list[str] = []
    add = out.append
    add(f"# Call report: {_md(data.persona)} / {_md(data.scenario)}")
    add("")
    add(f"- **Trainee:** {_md(data.trainee) or '-'}")
    add(f"- **Session:** `{data.id}` ({data.mode} mode, seed {data.seed})")
    add(
        f"- **Started:** {when_text(data.started_at)}; **duration:** {duration_text(data.duration_seconds)}"
    )
    add(f"- **Outcome:** {_md(data.outcome_text)}")
    add(f"- **Overall:** {pct(data.overall)} of the four steps held where the call needed them")
    if data.english_only:
        add(f"- **Note:** {english_note(data.english_only)}")
    add("")
    add("## The four steps")
    add("")
    add("| Step | Pass rate | Passed on turns | Failed on turns | Not needed on turns |")
    add("|---|---|---|---|---|")
    for row in data.steps:
        add(
            f"| {row.title} | {pct(row.rate)} | {turns_text(row.passed)} | "
            f"{turns_text(row.failed)} | {turns_text(row.not_due)} |"
        )
    add("")
    add("## Practise next")
    add("")
    for i, item in enumerate(data.practise, 1):
        add(f"{i}. {_md(item)}")
    if not data.practise:
        add("Nothing graded yet.")
    add("")
    add("## Flags")
    add("")
    for flag in data.flags:
        mark = "good" if flag.positive else "problem"
        add(f"- **{mark}:** {_md(flag.label)} ({flag.count}x)")
    if not data.flags:
        add("None raised.")
    add("")
    if data.hold:
        add("## Hold etiquette")
        add("")
        add("| Turn | Rule | Kept |")
        add("|---|---|---|")
        for check in data.hold:
            add(f"| {check.turn} | {check.label} | {_kept(check.kept)} |")
        add("")
    add("## Anger")
    add("")
    if data.anger:
        add("| Turn | " + " | ".join(str(n) for n, _ in data.anger) + " |")
        add("|---|" + "---|" * len(data.anger))
        add("| Anger (0-10) | " + " | ".join(f"{a:.1f}" for _, a in data.anger) + " |")
    else:
        add("No turns.")
    add("")
    add("## The call")
    add("")
    add(f"> **Customer:** {_md(data.opening)}")
    add("")
    for reply in data.replies:
        add(f"### Turn {reply.number} ({reply.action})")
        add("")
        for tried in reply.rewound:
            add(f"- *Rewound:* {_md(tried)}")
        add(f"**You:** {_md(reply.reply) or '*(no words)*'}")
        add("")
        if reply.english_only:
            add(f"*{TURN_ENGLISH_ONLY}*")
            add("")
        elif reply.verdicts:
            add("| Step | Verdict | Evidence | Advice |")
            add("|---|---|---|---|")
            for v in reply.verdicts:
                if v.verdict == "not_due":
                    add(f"| {v.title} | {NOT_NEEDED} | - | - |")
                    continue
                verdict = "pass" if v.passed else "FAIL"
                evidence = "; ".join(_md(e) for e in v.evidence) or "-"
                add(
                    f"| {v.title} | {verdict} ({v.score:.2f}) | {evidence} | {_md(v.advice) or '-'} |"
                )
            add("")
        if reply.flags:
            add("Flags: " + ", ".join(_md(f.label) for f in reply.flags))
            add("")
        if reply.suggested and reply.any_failed:
            add(f"*Better:* {_md(reply.suggested)}")
            add("")
        add(f"> **Customer** (anger {reply.anger:.1f}): {_md(reply.customer_next)}")
        add("")
    # Anything not passed through _md above (ids, titles) still reaches a terminal: no controls.
    return clean("\n".join(out).rstrip() + "\n")


# HTML ------------------------------------------------------------------------------------

CSS = """
:root { --ok: #1b5e20; --bad: #b71c1c; --muted: #555; --line: #ccc; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #111;
  max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: .25rem; }
h2 { font-size: 1.2rem; border-bottom: 2px solid #1a237e; padding-bottom: .2rem; margin-top: 2rem; }
h3 { font-size: 1rem; margin: 0 0 .4rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
th, td { border: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: #eef; }
.meta { color: var(--muted); margin: 0; }
.outcome { font-size: 1.1rem; font-weight: 600; padding: .5rem .75rem; border-left: 6px solid #1a237e;
  background: #f4f5fb; }
.outcome.resolved { border-color: var(--ok); }
.outcome.bad { border-color: var(--bad); }
.pass { color: var(--ok); font-weight: 600; }
.fail { color: var(--bad); font-weight: 600; }
.notdue { color: var(--muted); }
.flag { display: inline-block; padding: 0 .4rem; margin: .1rem; border: 1px solid; border-radius: 3px;
  font-size: .85rem; }
.flag.good { color: var(--ok); }
.flag.bad { color: var(--bad); }
.turn { border: 1px solid var(--line); border-radius: 4px; padding: .75rem; margin: .75rem 0;
  break-inside: avoid; page-break-inside: avoid; }
.customer { color: #333; font-style: italic; margin: .2rem 0; }
.you { background: #f7f7f7; padding: .4rem .6rem; border-left: 4px solid #1a237e; margin: .4rem 0;
  white-space: pre-wrap; }
.rewound { color: var(--muted); text-decoration: line-through; margin: .2rem 0; }
.better { margin: .3rem 0; }
.chart svg { width: 100%; height: auto; }
ol.practise li { margin: .3rem 0; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  h2 { break-after: avoid; page-break-after: avoid; }
  .chart, table { break-inside: avoid; page-break-inside: avoid; }
  th { background: none; }
}
"""


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def to_html(data: ReportData, *, chart: bool = True) -> str:
    """The report as one self-contained HTML file: inline CSS and an inline SVG chart."""
    good_outcome = data.outcome == "resolved"
    bad_outcome = data.outcome in {"churned", "hung_up", "safety_end"}
    klass = "resolved" if good_outcome else ("bad" if bad_outcome else "")
    parts: list[str] = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>Call report: {_e(data.persona)} / {_e(data.scenario)}</title>",
        f"<style>{CSS}</style></head><body>",
        f"<h1>Call report: {_e(data.persona)} / {_e(data.scenario)}</h1>",
        f'<p class="meta">Trainee <strong>{_e(data.trainee or "-")}</strong> &middot; '
        f"session <code>{_e(data.id)}</code> &middot; {_e(data.mode)} mode, seed {data.seed} "
        f"&middot; started {_e(when_text(data.started_at))} &middot; "
        f"{_e(duration_text(data.duration_seconds))}</p>",
        f'<p class="outcome {klass}">{_e(data.outcome_text)} '
        f"Overall {pct(data.overall)} of the four steps held where the call needed them.</p>",
        f'<p class="meta">{_e(english_note(data.english_only))}</p>' if data.english_only else "",
        "<h2>The four steps</h2>",
        "<table><thead><tr><th>Step</th><th>Pass rate</th><th>Passed on turns</th>"
        "<th>Failed on turns</th><th>Not needed on turns</th></tr></thead><tbody>",
    ]
    for row in data.steps:
        parts.append(
            f"<tr><td>{_e(row.title)}</td><td>{pct(row.rate)}</td>"
            f"<td>{_e(turns_text(row.passed))}</td>"
            f"<td>{_e(turns_text(row.failed))}</td>"
            f'<td class="notdue">{_e(turns_text(row.not_due))}</td></tr>'
        )
    parts.append("</tbody></table>")
    parts.append("<h2>Practise next</h2>")
    if data.practise:
        parts.append('<ol class="practise">')
        parts.extend(f"<li>{_e(item)}</li>" for item in data.practise)
        parts.append("</ol>")
    else:
        parts.append("<p>Nothing graded yet.</p>")
    parts.append("<h2>Anger through the call</h2>")
    if chart:
        parts.append(
            f'<figure class="chart" aria-label="anger after each turn">{anger_svg(data.anger)}'
            "</figure>"
        )
    parts.append("<h2>Flags</h2>")
    if data.flags:
        parts.append(
            "<p>"
            + " ".join(
                f'<span class="flag {"good" if f.positive else "bad"}">'
                f"{'+' if f.positive else '-'} {_e(f.label)} &times;{f.count}</span>"
                for f in data.flags
            )
            + "</p>"
        )
    else:
        parts.append("<p>None raised.</p>")
    if data.hold:
        parts.append("<h2>Hold etiquette</h2>")
        parts.append(
            "<table><thead><tr><th>Turn</th><th>Rule</th><th>Kept</th></tr></thead><tbody>"
        )
        for check in data.hold:
            css = "pass" if check.kept else ("" if check.kept is None else "fail")
            parts.append(
                f"<tr><td>{check.turn}</td><td>{_e(check.label)}</td>"
                f'<td class="{css}">{_kept(check.kept)}</td></tr>'
            )
        parts.append("</tbody></table>")
    parts.append("<h2>The call</h2>")
    parts.append(f'<p class="customer">Customer: &ldquo;{_e(data.opening)}&rdquo;</p>')
    for reply in data.replies:
        parts.append(f'<section class="turn" id="turn-{reply.number}">')
        parts.append(f"<h3>Turn {reply.number} &middot; {_e(reply.action)}</h3>")
        parts.extend(f'<p class="rewound">Rewound: {_e(t)}</p>' for t in reply.rewound)
        parts.append(f'<p class="you">{_e(reply.reply) or "<em>(no words)</em>"}</p>')
        if reply.english_only:
            parts.append(f'<p class="notdue">{_e(TURN_ENGLISH_ONLY)}</p>')
        elif reply.verdicts:
            parts.append(
                "<table><thead><tr><th>Step</th><th>Verdict</th><th>Evidence</th>"
                "<th>Advice</th></tr></thead><tbody>"
            )
            for v in reply.verdicts:
                if v.verdict == "not_due":
                    parts.append(
                        f'<tr class="notdue"><td>{_e(v.title)}</td><td>{NOT_NEEDED}</td>'
                        "<td>-</td><td>-</td></tr>"
                    )
                    continue
                verdict = (
                    '<span class="pass">pass</span>'
                    if v.passed
                    else '<span class="fail">fail</span>'
                )
                evidence = "<br>".join(_e(x) for x in v.evidence) or "-"
                parts.append(
                    f"<tr><td>{_e(v.title)}</td><td>{verdict} ({v.score:.2f})</td>"
                    f"<td>{evidence}</td><td>{_e(v.advice) or '-'}</td></tr>"
                )
            parts.append("</tbody></table>")
        if reply.flags:
            parts.append(
                "<p>"
                + " ".join(
                    f'<span class="flag {"good" if f.positive else "bad"}">{_e(f.label)}</span>'
                    for f in reply.flags
                )
                + "</p>"
            )
        if reply.suggested and reply.any_failed:
            parts.append(f'<p class="better"><strong>Better:</strong> {_e(reply.suggested)}</p>')
        parts.append(
            f'<p class="customer">Customer (anger {reply.anger:.1f}): '
            f"&ldquo;{_e(reply.customer_next)}&rdquo;</p>"
        )
        parts.append("</section>")
    parts.append(f'<p class="meta">deescalate {_e(data.app_version)}</p>')
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def to_json(data: ReportData) -> str:
    """The report as JSON (the `ReportData` fields)."""
    return data.model_dump_json(indent=2) + "\n"

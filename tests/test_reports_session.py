"""The session report: data, Markdown, self-contained HTML with an SVG chart, JSON."""

from __future__ import annotations

import json
from html.parser import HTMLParser

from store_records import grade, record, turn

from trainer.models.record import Attempt, HoldInfo, SessionRecord
from trainer.reports import ReportData, session_report, to_html, to_json, to_markdown
from trainer.reports.chart import anger_svg
from trainer.reports.xapi import iso_duration


def sample() -> SessionRecord:
    rec = record("Zoë <admin>", steps=[])
    rec.id = "abc123def456"
    rec.turns = [
        turn(0, "Calm down & listen <script>alert(1)</script>", "", anger=9, flags=("calm_down",)),
        turn(
            1,
            "I'm so sorry, Ms Ortiz. May I put you on hold?",
            "person apology",
            anger=7,
            action="hold",
            hold=HoldInfo(
                seconds=90,
                reason="check",
                asked_permission=True,
                gave_reason=True,
                gave_estimate=False,
                checked_back=True,
                thanked_on_return=False,
            ),
        ),
        turn(
            2,
            "Thanks for waiting. What can I do to fix this?",
            "person apology ask",
            anger=4,
            flags=("name_used", "calm_down"),
        ),
        turn(3, "I've refunded the fee. Anything else?", "person job apology ask", anger=2),
    ]
    rec.turns[2].attempts = [Attempt(reply="It's our policy, sorry.")]
    rec.final_mood = rec.turns[-1].mood
    return rec


class Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []
        self.stack: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag not in {"meta", "br", "path", "use", "rect", "line", "circle", "link", "img"}:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in {"path", "use", "rect", "line", "circle"}:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"unbalanced </{tag}> (open: {self.stack[-3:]})")
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_report_data_counts_steps_flags_hold_and_anger() -> None:
    data = session_report(sample())
    rates = {r.step: r.rate for r in data.steps}
    # The hold announcement (turn 2) is judged on hold etiquette, not on the four steps.
    assert rates == {"person": 2 / 3, "job": 1 / 3, "apology": 2 / 3, "ask": 2 / 3}
    person = data.steps[0]
    assert person.passed == [3, 4] and person.failed == [1]
    assert data.anger == [(1, 9.0), (2, 7.0), (3, 4.0), (4, 2.0)]
    assert data.duration_seconds == 330
    flags = {f.id: (f.count, f.positive) for f in data.flags}
    assert flags == {"calm_down": (2, False), "name_used": (1, True)}
    kept = {c.rule: c.kept for c in data.hold}
    assert kept["asked_permission"] is True and kept["gave_estimate"] is False
    assert kept["thanked_on_return"] is False
    assert data.replies[2].rewound == ["It's our policy, sorry."]
    assert 1 <= len(data.practise) <= 3
    assert data.practise[0].startswith("Remember your job")
    assert any("calm down" in item.lower() for item in data.practise)
    assert data.weakest == "job"
    assert data.outcome_text.startswith("Resolved")


def test_html_report_parses_has_the_svg_chart_and_every_reply_escaped() -> None:
    rec = sample()
    page = to_html(session_report(rec))
    parser = Collector()
    parser.feed(page)
    parser.close()
    assert not parser.errors, parser.errors[:5]
    assert "svg" in parser.tags and parser.tags.count("svg") == 1
    assert "script" not in parser.tags, "user text must never become markup"
    assert "<script>" not in page and "&lt;script&gt;" in page
    text = "".join(parser.text)
    for t in rec.turns:
        assert t.reply in text
        assert t.customer_next in text
    assert "Zoë <admin>" in text
    assert "It's our policy, sorry." in text
    assert "no person <b>found</b>" in text  # evidence shown as text, not bold markup
    assert "@media print" in page
    # Self-contained: nothing fetched from elsewhere.
    assert "http://" not in page.replace("http://www.w3.org", "")
    assert "<link" not in page and "src=" not in page


def test_markdown_report_lists_each_reply_and_the_step_table() -> None:
    rec = sample()
    md = to_markdown(session_report(rec))
    assert "| Remember the person | 67% | 3, 4 | 1 |" in md
    assert "Calm down &amp; listen" not in md  # Markdown keeps & as is
    assert "&lt;script&gt;" in md and "<script>" not in md
    for number in range(1, 5):
        assert f"### Turn {number}" in md
    assert "*Rewound:* It's our policy, sorry." in md
    assert "## Hold etiquette" in md


def test_json_report_round_trips() -> None:
    data = session_report(sample())
    again = ReportData.model_validate(json.loads(to_json(data)))
    assert again == data


def test_an_unfinished_call_without_turns_still_renders() -> None:
    rec = record(outcome=None, steps=[])
    data = session_report(rec)
    assert data.practise == [] and data.weakest is None
    assert "In progress" in to_markdown(data)
    assert "<svg" in to_html(data)


def test_chart_is_deterministic_svg() -> None:
    points = [(1, 8.0), (2, 5.5), (3, 2.0)]
    first, second = anger_svg(points), anger_svg(points)
    assert first == second
    assert first.startswith("<svg") and first.rstrip().endswith("</svg>")
    assert "Anger" in first


def test_iso_durations() -> None:
    assert iso_duration(0) == "PT0S"
    assert iso_duration(330) == "PT5M30S"
    assert iso_duration(3600 + 1) == "PT1H1S"


def test_a_hold_and_its_return_are_one_hold_in_the_etiquette_table() -> None:
    rec = record(steps=["person", "job"])
    asked = HoldInfo(seconds=90, asked_permission=True, gave_reason=True, gave_estimate=True)
    rec.turns[0].action = "hold"
    rec.turns[0].hold = asked
    rec.turns[1].action = "back"
    rec.turns[1].hold = asked.model_copy(update={"thanked_on_return": True})
    checks = session_report(rec).hold
    assert [(c.turn, c.rule, c.kept) for c in checks] == [
        (1, "asked_permission", True),
        (1, "gave_reason", True),
        (1, "gave_estimate", True),
        (1, "checked_back", True),
        (1, "thanked_on_return", True),
    ]


def test_history_rates_leave_out_the_hold_announcement_like_the_call_summary() -> None:
    from trainer.store.stats import step_rates

    rec = sample()
    rates = step_rates(rec.turns)
    assert rates == {"person": 2 / 3, "job": 1 / 3, "apology": 2 / 3, "ask": 2 / 3}
    rec.turns[1].action = "reply"  # the same words as a plain reply do count
    assert step_rates(rec.turns)["person"] == 3 / 4


def test_a_weak_escalation_leads_the_practise_list_even_when_every_step_held() -> None:
    rec = sample()
    for each in rec.turns:
        each.grade = grade("person job apology ask")
    assert not any("Transfer only" in item for item in session_report(rec).practise)
    rec.summary.escalation = "weak"
    assert session_report(rec).practise[0].startswith("Transfer only after a genuine attempt")
    rec.summary.escalation = "fair"
    assert not any("Transfer only" in item for item in session_report(rec).practise)

"""Reports count a step only where the call needed it, show the rest quietly, and say when a
reply was not graded because it was not in English."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from store_records import record
from test_reports_session import Collector

from trainer.cli import main
from trainer.models.grade import STEPS
from trainer.models.record import SessionRecord
from trainer.reports import session_report, to_html, to_json, to_markdown
from trainer.reports.data import ReportData
from trainer.reports.xapi import build_statements
from trainer.store import Store


def quiet_call() -> SessionRecord:
    """Turn 1 does all four; turn 2 leaves out person and apology where they were not due."""
    rec = record(steps=["person job apology ask", "job ask"])
    rec.id = "due000000001"
    second = rec.turns[1].grade
    assert second is not None
    second.person.due = False
    second.apology.due = False
    return rec


def spanish_call() -> SessionRecord:
    """Turn 2 was not in English: the grader flagged it and judged no step."""
    rec = record(steps=["person job apology ask", "", "job ask"])
    rec.id = "lang00000001"
    grade = rec.turns[1].grade
    assert grade is not None
    grade.flags = ["language"]
    for step in STEPS:
        grade.step(step).due = False
    rec.turns[2].grade.person.due = False  # type: ignore[union-attr]
    rec.turns[2].grade.apology.due = False  # type: ignore[union-attr]
    return rec


def test_report_counts_only_the_turns_that_needed_a_step() -> None:
    data = session_report(quiet_call())
    rows = {r.step: r for r in data.steps}
    assert {s: r.rate for s, r in rows.items()} == dict.fromkeys(STEPS, 1.0)
    assert (rows["apology"].passed, rows["apology"].failed, rows["apology"].not_due) == (
        [1],
        [],
        [2],
    )
    assert data.overall == 1.0
    assert data.practise == [
        "Every step held whenever the call needed it: try a harder persona or exam mode next."
    ]
    verdicts = {v.step: v.verdict for v in data.replies[1].verdicts}
    assert verdicts == {"person": "not_due", "job": "pass", "apology": "not_due", "ask": "pass"}
    assert not data.replies[1].any_failed


def test_markdown_and_html_show_not_needed_steps_quietly() -> None:
    data = session_report(quiet_call())
    md = to_markdown(data)
    assert "100% of the four steps held where the call needed them" in md
    assert "| Step | Pass rate | Passed on turns | Failed on turns | Not needed on turns |" in md
    assert "| Apologise sincerely | 100% | 1 | - | 2 |" in md
    assert "| Apologise sincerely | not needed here | - | - |" in md
    assert "Try the apology step" not in md  # no advice for a step that was not needed
    assert "*Better:*" not in md  # nothing failed, so no rewrite is pushed
    page = to_html(data)
    parser = Collector()
    parser.feed(page)
    parser.close()
    assert not parser.errors, parser.errors[:5]
    assert '<tr class="notdue"><td>Apologise sincerely</td><td>not needed here</td>' in page
    assert "Try the apology step" not in page


def test_a_reply_not_in_english_is_named_and_not_counted() -> None:
    data = session_report(spanish_call())
    assert data.english_only == [2]
    rows = {r.step: r for r in data.steps}
    assert rows["job"].passed == [1, 3] and rows["job"].not_due == [2]
    assert {s: r.rate for s, r in rows.items()} == dict.fromkeys(STEPS, 1.0)
    md = to_markdown(data)
    expected = "Only English replies are graded: the reply on turn 2 was not judged"
    assert f"- **Note:** {expected}" in md
    assert "*Only English replies are graded: this reply was not judged on the four steps.*" in md
    assert expected in to_html(data)
    again = ReportData.model_validate(json.loads(to_json(data)))
    assert again == data


def test_a_call_needing_no_step_has_no_rates_and_nothing_to_practise() -> None:
    rec = spanish_call()
    rec.turns = rec.turns[1:2]
    data = session_report(rec)
    assert all(r.rate is None for r in data.steps)
    assert data.overall is None
    assert data.practise == []
    assert "Overall:** - of the four steps" in to_markdown(data)


def test_history_progress_and_xapi_carry_the_due_counts(
    tmp_path: Path, isolated_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'due.db'}"
    with Store.open(url) as store:
        store.save(quiet_call())
        infos = store.sessions()
        extensions = build_statements(infos)[1].to_json()["result"]["extensions"]
    due = next(v for k, v in extensions.items() if k.endswith("/steps-due"))
    assert due == {"person": 1, "job": 2, "apology": 1, "ask": 2}
    steps = next(v for k, v in extensions.items() if k.endswith("/steps"))
    assert steps == dict.fromkeys(STEPS, 1.0)
    assert main(["history", "--db", url, "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)[0]
    assert listed["steps"] == dict.fromkeys(STEPS, 1.0)
    assert listed["due"] == {"person": 1, "job": 2, "apology": 1, "ask": 2}
    assert main(["progress", "--db", url, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["steps"] == dict.fromkeys(STEPS, 1.0)

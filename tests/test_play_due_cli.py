"""Call-aware verdicts end to end: `deescalate play --script --json`, `report` and `grade` run
as subprocesses with the real grader, the way a trainer uses them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from trainer.models.grade import STEPS
from trainer.reports.data import practice_texts

OPENING = (
    "Mrs Raman, being charged twice is infuriating, especially with your budget. "
    "I'm so sorry. What would help most right now?"
)
REFUNDED = (
    "I've refunded the duplicate payment just now; it will be back in your account by Friday. "
    "Would you also like me to cover any overdraft fee your bank charges?"
)
SORRY_BUT = "I'm sorry, but the payment system retried your direct debit by mistake."


def deescalate(
    *args: str, stdin: str | None = None, home: Path
) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "HF_HUB_OFFLINE": "1",
        "TRANSFORMERS_OFFLINE": "1",
        "DEESCALATE_HOME": str(home),
    }
    for name in ("DEESCALATE_LIBRARY", "DEESCALATE_DB", "DEESCALATE_GRADER"):
        env.pop(name, None)
    return subprocess.run(
        [sys.executable, "-m", "trainer", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )


def play(tmp_path: Path, *replies: str, db: str = "") -> dict[str, Any]:
    script = tmp_path / "call.txt"
    script.write_text("\n".join(replies) + "\n", encoding="utf-8")
    store = ("--db", db) if db else ("--no-save",)
    result = deescalate(
        "play",
        "--scenario",
        "double-billed",
        "--seed",
        "3",
        "--json",
        "--script",
        str(script),
        *store,
        home=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    record: dict[str, Any] = json.loads(result.stdout)
    return record


def verdicts(turn: dict[str, Any]) -> dict[str, str]:
    return {s: turn["grade"][s]["verdict"] for s in STEPS}


def test_the_issues_textbook_call_scores_100_and_lists_nothing_to_practise(
    tmp_path: Path,
) -> None:
    db = f"sqlite:///{tmp_path / 'calls.db'}"
    record = play(tmp_path, OPENING, REFUNDED, db=db)
    assert record["outcome"] == "resolved"
    first, second = record["turns"]
    for turn in (first, second):
        assert all(isinstance(turn["grade"][s]["due"], bool) for s in STEPS)
    assert verdicts(first)["apology"] == "pass"
    assert verdicts(second) == {
        "person": "not_due",
        "job": "pass",
        "apology": "not_due",
        "ask": "pass",
    }
    # The issue's target: 100% on every step the call needed.
    assert record["summary"]["pass_rates"] == dict.fromkeys(STEPS, 1.0)

    shown = deescalate("report", record["id"], "--db", db, "--format", "json", home=tmp_path)
    assert shown.returncode == 0, shown.stderr
    report = json.loads(shown.stdout)
    texts = practice_texts()["steps"]
    listed = " ".join(report["practise"])
    assert not [step for step in STEPS if texts[step] in listed]
    assert report["overall"] == 1.0
    rows = {row["step"]: row for row in report["steps"]}
    assert rows["apology"]["rate"] == 1.0 and rows["apology"]["not_due"] == [2]
    assert report["replies"][1]["verdicts"][2]["verdict"] == "not_due"

    markdown = deescalate("report", record["id"], "--db", db, "--format", "md", home=tmp_path)
    assert markdown.returncode == 0, markdown.stderr
    assert "| Apologise sincerely | not needed here | - | - |" in markdown.stdout
    assert "| Apologise sincerely | 100% | 1 | - | 2 |" in markdown.stdout


def test_sorry_but_late_in_the_call_still_fails_apology_on_that_turn(tmp_path: Path) -> None:
    record = play(tmp_path, OPENING, SORRY_BUT)
    late = record["turns"][1]
    apology = late["grade"]["apology"]
    assert apology["verdict"] == "fail" and apology["due"] and apology["committed"]
    assert apology["passed"] is False
    assert late["grade"]["person"]["verdict"] == "not_due"
    assert record["summary"]["pass_rates"]["apology"] == 0.5


def test_grade_takes_the_steps_a_call_needs_from_each_line(tmp_path: Path) -> None:
    lines = [
        {"id": "alone", "reply": "I've refunded the duplicate payment."},
        {"id": "mid-call", "reply": "I've refunded the duplicate payment.", "due": ["job"]},
        {"id": "sorry-but", "reply": SORRY_BUT, "due": ["job", "ask"]},
        {"id": "bad", "reply": "Fine.", "due": ["manners"]},
    ]
    result = deescalate(
        "grade", stdin="".join(json.dumps(line) + "\n" for line in lines), home=tmp_path
    )
    assert result.returncode == 1  # the bad line
    assert 'input:4: "due" must be a list of steps from person, job, apology, ask' in result.stderr
    alone, mid, sorry_but, bad = (json.loads(x) for x in result.stdout.splitlines())
    assert verdicts_of(alone)["apology"] == "fail"
    assert all(alone["steps"][s]["due"] for s in STEPS)
    assert verdicts_of(mid) == {
        "person": "not_due",
        "job": "pass",
        "apology": "not_due",
        "ask": "not_due",
    }
    assert verdicts_of(sorry_but)["apology"] == "fail"
    assert sorry_but["steps"]["apology"]["committed"] is True
    assert bad == {
        "line": 4,
        "error": '"due" must be a list of steps from person, job, apology, ask',
    }


def verdicts_of(graded: dict[str, Any]) -> dict[str, str]:
    return {s: graded["steps"][s]["verdict"] for s in STEPS}

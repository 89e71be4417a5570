"""`deescalate grade` as a subprocess: the JSON Lines contract, errors, big and odd input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ENV = {
    **os.environ,
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "DEESCALATE_GRADER": "lexical",
}


def run(args: list[str], stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "trainer", "grade", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=ENV,
        timeout=300,
    )


def test_grades_each_line_in_order() -> None:
    lines = [
        {
            "id": "a",
            "reply": "I'm so sorry, that must be maddening. What can I do?",
            "customer_name": "Ms Ortiz",
        },
        {"id": 2, "reply": "What's your account number?", "previous_replies": ["Hello."]},
    ]
    out = run([], "\n".join(json.dumps(x) for x in lines) + "\n")
    assert out.returncode == 0, out.stderr
    rows = [json.loads(x) for x in out.stdout.splitlines()]
    assert [r["id"] for r in rows] == ["a", 2]
    first = rows[0]
    assert set(first) == {"id", "steps", "flags", "suggested", "passed_steps"}
    assert set(first["steps"]) == {"person", "job", "apology", "ask"}
    for verdict in first["steps"].values():
        assert set(verdict) == {
            "passed",
            "due",
            "committed",
            "verdict",
            "score",
            "evidence",
            "advice",
        }
        assert 0 <= verdict["score"] <= 1
    assert first["passed_steps"] == 4
    assert rows[1]["steps"]["ask"]["passed"] is False


def test_malformed_lines_get_errors_and_the_rest_are_graded() -> None:
    stdin = "\n".join(
        [
            json.dumps({"id": 1, "reply": "Sorry."}),
            "{not json",
            "[1, 2]",
            json.dumps({"id": 4}),
            "",
            json.dumps({"id": 6, "reply": 7}),
            json.dumps({"id": 7, "reply": "fine", "scenario": "no-such-scenario"}),
            json.dumps({"id": 8, "reply": "What can I do?"}),
        ]
    )
    out = run([], stdin)
    assert out.returncode == 1
    rows = [json.loads(x) for x in out.stdout.splitlines()]
    assert len(rows) == 7  # the blank line is skipped
    assert rows[0]["id"] == 1 and rows[-1]["id"] == 8
    errors = [r for r in rows if "error" in r]
    assert [e["line"] for e in errors] == [2, 3, 4, 6, 7]
    assert "unknown scenario" in errors[-1]["error"]
    assert "input:2: " in out.stderr and "input:7: " in out.stderr


def test_input_file_name_is_used_in_messages(tmp_path: Path) -> None:
    path = tmp_path / "replies.jsonl"
    path.write_text('{"id": 1, "reply": "Sorry."}\nnope\n', encoding="utf-8")
    out = run(["--input", str(path)])
    assert out.returncode == 1
    assert f"{path}:2: " in out.stderr
    assert json.loads(out.stdout.splitlines()[0])["id"] == 1


def test_empty_reply_100kb_reply_non_english_and_emoji() -> None:
    big = "I'm sorry. " + "blah " * 20_000
    lines = [
        {"id": "empty", "reply": ""},
        {"id": "big", "reply": big},
        {"id": "es", "reply": "Lo siento mucho, ¿en qué puedo ayudarle?"},
        {"id": "emoji", "reply": "😡🙏 sorry!!"},
        {"id": "ctl", "reply": "sorry\u0000\u0007 what can i do"},
    ]
    out = run([], "\n".join(json.dumps(x, ensure_ascii=False) for x in lines))
    assert out.returncode == 0, out.stderr
    rows = {r["id"]: r for r in map(json.loads, out.stdout.splitlines())}
    assert rows["empty"]["flags"] == ["empty"] and rows["empty"]["passed_steps"] == 0
    assert "truncated" in rows["big"]["flags"]
    assert "wall_of_text" in rows["big"]["flags"]
    assert set(rows) == {"empty", "big", "es", "emoji", "ctl"}


def test_text_mode_prints_a_table() -> None:
    out = run(["--text", "I'm sorry, but that's policy.", "--name", "Mr Haddad"])
    assert out.returncode == 0, out.stderr
    assert "step" in out.stdout and "verdict" in out.stdout
    for step in ("person", "job", "apology", "ask"):
        assert step in out.stdout
    assert "FAIL" in out.stdout
    assert "flags:" in out.stdout and "suggested:" in out.stdout
    assert "Mr Haddad" in out.stdout


def test_text_mode_refuses_an_empty_reply() -> None:
    out = run(["--text", "   "])
    assert out.returncode == 1
    assert "--text is empty" in out.stderr
    assert "Traceback" not in out.stderr
    assert out.stdout == ""

"""`deescalate play` run as a subprocess, the way a trainer scripts it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from trainer.cli.play import parse_line

TESTS = Path(__file__).resolve().parent
SCRIPTS = TESTS / "fixtures" / "scripts"
LIBRARY = TESTS / "fixtures" / "library"


def run(*args: str, cwd: Path = TESTS) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
    env.pop("DEESCALATE_LIBRARY", None)
    return subprocess.run(
        [sys.executable, "-m", "trainer", "play", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=300,
    )


FIXTURE_CALL = ("--library", str(LIBRARY), "--scenario", "fixture-billing")


def test_unknown_actions_are_reported_by_line_before_playing() -> None:
    result = run(*FIXTURE_CALL, "--script", str(SCRIPTS / "unknown_action.txt"))
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert lines[0] == f"{SCRIPTS / 'unknown_action.txt'}:3: unknown action /foo"
    assert lines[1].startswith(f"{SCRIPTS / 'unknown_action.txt'}:4: /hold needs SECONDS")
    assert result.stdout == ""


def test_missing_script_is_a_clear_error() -> None:
    result = run(*FIXTURE_CALL, "--script", "no-such-script.txt")
    assert result.returncode == 1
    assert "no-such-script.txt: no such file" in result.stderr


def test_script_with_blank_lines_and_hold_plays_as_json() -> None:
    result = run(
        *FIXTURE_CALL, "--seed", "5", "--json", "--script", str(SCRIPTS / "with_blanks.txt")
    )
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert {"persona", "scenario", "seed", "mode", "outcome", "turns", "final_mood", "summary"} <= (
        record.keys()
    )
    assert record["persona"] == "fixture-base" and record["seed"] == 5
    assert [t["action"] for t in record["turns"]] == ["reply", "hold", "back", "end"]
    assert record["outcome"] == "abandoned"
    hold = record["turns"][1]["hold"]
    assert hold["seconds"] == 60 and hold["reason"] == "checking the payments"
    assert hold["asked_permission"] and hold["thanked_on_return"]
    first = record["turns"][0]
    assert {"customer", "reply", "action", "grade", "mood"} <= first.keys()
    assert set(first["grade"]["person"]) >= {"passed", "score", "evidence", "advice"}
    assert set(record["summary"]["pass_rates"]) == {"person", "job", "apology", "ask"}


def test_skilled_script_resolves_and_is_reproducible() -> None:
    args = (*FIXTURE_CALL, "--seed", "3", "--json", "--script", str(SCRIPTS / "skilled.txt"))
    first = run(*args)
    assert first.returncode == 0, first.stderr
    record = json.loads(first.stdout)
    assert record["outcome"] == "resolved"
    again = json.loads(run(*args).stdout)
    for key in ("id", "started_at", "ended_at"):  # a saved call gets a fresh id each run
        record.pop(key)
        again.pop(key)
    assert again == record


def test_text_transcript_and_stop_after_the_end() -> None:
    result = run(*FIXTURE_CALL, "--seed", "1", "--script", str(SCRIPTS / "after_end.txt"))
    assert result.returncode == 0, result.stderr
    assert "customer: " in result.stdout
    assert "outcome: abandoned" in result.stdout
    assert "person ok" in result.stdout or "person x" in result.stdout  # coach verdicts
    assert f"{SCRIPTS / 'after_end.txt'}:3: not played: the call has ended" in result.stderr


def test_random_seed_is_recorded() -> None:
    result = run(*FIXTURE_CALL, "--json", "--script", str(SCRIPTS / "after_end.txt"))
    assert result.returncode == 0, result.stderr
    assert isinstance(json.loads(result.stdout)["seed"], int)


def test_unknown_persona_is_a_user_error() -> None:
    result = run(*FIXTURE_CALL, "--persona", "nobody", "--script", str(SCRIPTS / "skilled.txt"))
    assert result.returncode == 1
    assert "unknown persona 'nobody'" in result.stderr


def test_a_persona_not_written_for_the_scenario_plays_with_a_note() -> None:
    bundled = ("--scenario", "double-billed", "--no-save", "--json", "--seed", "4")
    script = ("--script", str(SCRIPTS / "skilled.txt"))
    other = run(*bundled, "--persona", "stranded-traveller", *script)
    assert other.returncode == 0, other.stderr
    assert (
        "note: persona 'stranded-traveller' was not written for scenario 'double-billed' "
        "(written for: billing-leaver)"
    ) in other.stderr
    assert json.loads(other.stdout)["persona"] == "stranded-traveller"
    own = run(*bundled, "--persona", "billing-leaver", *script)
    assert own.returncode == 0, own.stderr
    assert "note:" not in own.stderr


def test_plain_live_call_reads_stdin() -> None:
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "trainer", "play", *FIXTURE_CALL, "--plain", "--seed", "2"],
        input="I'm so sorry, Ms Fixture. What can I do?\n/hint\n/rewind\n/nope\n/end\n",
        capture_output=True,
        text=True,
        cwd=TESTS,
        env=env,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert "hint: " in result.stdout and "rewound" in result.stdout
    assert "unknown action /nope" in result.stdout
    assert "outcome: abandoned" in result.stdout
    # Piped input is not shown by a terminal, so the reply is echoed, once.
    assert result.stdout.count("I'm so sorry, Ms Fixture. What can I do?") == 1
    assert "job ok" in result.stdout


@pytest.mark.parametrize(
    ("line", "action", "seconds", "reason", "text"),
    [
        ("/hold 90 checking your bill", "hold", 90, "checking your bill", ""),
        ("/hold 30 | Could you hold?", "hold", 30, "", "Could you hold?"),
        ("/back Thanks for waiting", "back", 0, "", "Thanks for waiting"),
        ("/TRANSFER", "transfer", 0, "", ""),
        ("  hello there  ", "reply", 0, "", "hello there"),
    ],
)
def test_parse_line(line: str, action: str, seconds: int, reason: str, text: str) -> None:
    step = parse_line(line, 1)
    assert (step.action, step.seconds, step.reason, step.text) == (action, seconds, reason, text)


def test_parse_line_rejects_bad_actions() -> None:
    with pytest.raises(ValueError, match="unknown action /rewind"):
        parse_line("/rewind", 1)  # live only
    with pytest.raises(ValueError, match="takes no text"):
        parse_line("/end now", 1)


def test_play_saves_every_call_by_default(isolated_home: Path) -> None:
    result = run(*FIXTURE_CALL, "--seed", "2", "--script", str(SCRIPTS / "skilled.txt"))
    assert result.returncode == 0, result.stderr
    assert "saving this call as " in result.stderr
    history = subprocess.run(
        [sys.executable, "-m", "trainer", "history", "--json"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    rows = json.loads(history.stdout)
    assert len(rows) == 1 and rows[0]["outcome"] == "resolved"
    assert (isolated_home / "deescalate.db").is_file()


def test_no_save_leaves_no_database(isolated_home: Path) -> None:
    result = run(
        *FIXTURE_CALL, "--seed", "2", "--no-save", "--script", str(SCRIPTS / "skilled.txt")
    )
    assert result.returncode == 0, result.stderr
    assert "saving this call" not in result.stderr
    assert not (isolated_home / "deescalate.db").exists()

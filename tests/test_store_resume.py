"""A call killed mid-way (SIGKILL) loses no finished turn and resumes where it stopped."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from trainer.store import Store

TESTS = Path(__file__).resolve().parent
LIBRARY = TESTS / "fixtures" / "library"
CALL = ("--library", str(LIBRARY), "--scenario", "fixture-billing", "--seed", "3")
REPLIES = [
    "I'm so sorry, Ms Fixture, that sounds really frustrating.",
    "I hear you, and I'm sorry this has happened twice.",
    "I understand how annoying this is, I'm sorry.",
    "Let me look into the billing record for you.",
    "Would it help if I refund the duplicate payment today?",
    # An angry caller says what they want before taking the first offer (policy.HEARD_FIRST).
    "I'll refund the duplicate payment today and email you when it's done. Shall I go ahead?",
]
COMPARED = ("index", "customer", "action", "reply", "grade", "mood", "move", "customer_next")


def env(home: Path) -> dict[str, str]:
    out = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
    out["DEESCALATE_HOME"] = str(home)
    out.pop("DEESCALATE_LIBRARY", None)
    out.pop("DEESCALATE_DB", None)
    return out


def play(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "trainer", "play", *args],
        capture_output=True,
        text=True,
        env=env(home),
        timeout=300,
    )


def turns_in(url: str) -> tuple[str | None, int]:
    with Store.open(url) as store:
        infos = store.sessions()
    if not infos:
        return None, 0
    return infos[0].id, infos[0].turns


def wait_for_turns(url: str, count: int, proc: subprocess.Popen[str]) -> str:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        session_id, stored = (
            turns_in(url) if Path(url.removeprefix("sqlite:///")).exists() else (None, 0)
        )
        if session_id and stored >= count:
            return session_id
        assert proc.poll() is None, (
            f"play exited early: {proc.stderr.read() if proc.stderr else ''}"
        )
        time.sleep(0.05)
    raise AssertionError(f"no {count} turn(s) stored in time")


def uninterrupted(home: Path, tmp_path: Path) -> dict[str, object]:
    script = tmp_path / "all.txt"
    script.write_text("\n".join(REPLIES) + "\n", encoding="utf-8")
    done = play(home, *CALL, "--script", str(script), "--json")
    assert done.returncode == 0, done.stderr
    record: dict[str, object] = json.loads(done.stdout)
    assert record["outcome"] == "resolved" and len(record["turns"]) == len(REPLIES)  # type: ignore[arg-type]
    return record


def same_turns(a: list[dict[str, object]], b: list[dict[str, object]]) -> None:
    assert [{k: t[k] for k in COMPARED} for t in a] == [{k: t[k] for k in COMPARED} for t in b]


def test_sigkill_mid_call_then_resume_loses_no_finished_turn(tmp_path: Path) -> None:
    home = tmp_path / "home"
    url = f"sqlite:///{tmp_path / 'calls.db'}"
    expected = uninterrupted(home, tmp_path)

    # A live call: three replies typed, then the terminal dies while the trainee types.
    proc = subprocess.Popen(
        [sys.executable, "-m", "trainer", "play", *CALL, "--plain", "--db", url],
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=env(home),
    )
    assert proc.stdin is not None
    for n, reply in enumerate(REPLIES[:3], start=1):
        proc.stdin.write(reply + "\n")
        proc.stdin.flush()
        session_id = wait_for_turns(url, n, proc)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL

    with Store.open(url) as store:
        saved = store.load(session_id)
        assert [s.id for s in store.unfinished()] == [session_id]
    assert saved.outcome is None
    assert [t.reply for t in saved.turns] == REPLIES[:3]
    same_turns([t.model_dump(mode="json") for t in saved.turns], expected["turns"][:3])  # type: ignore[index]

    rest = tmp_path / "rest.txt"
    rest.write_text("\n".join(REPLIES[3:]) + "\n", encoding="utf-8")
    resumed = play(
        home,
        "--library",
        str(LIBRARY),
        "--db",
        url,
        "--resume",
        session_id[:6],
        "--script",
        str(rest),
        "--json",
    )
    assert resumed.returncode == 0, resumed.stderr
    assert f"resuming call {session_id} after turn 3" in resumed.stderr
    record = json.loads(resumed.stdout)
    assert record["id"] == session_id and record["outcome"] == "resolved"
    same_turns(record["turns"], expected["turns"])  # type: ignore[arg-type]

    with Store.open(url) as store:
        final = store.load(session_id)
        assert store.unfinished() == []
        assert len(store.sessions()) == 1
    assert final.outcome == "resolved"
    same_turns([t.model_dump(mode="json") for t in final.turns], expected["turns"])  # type: ignore[arg-type]


def test_sigkill_during_a_script_keeps_a_clean_prefix(tmp_path: Path) -> None:
    home = tmp_path / "home"
    url = f"sqlite:///{tmp_path / 'calls.db'}"
    expected = uninterrupted(home, tmp_path)
    script = tmp_path / "all.txt"
    proc = subprocess.Popen(
        [sys.executable, "-m", "trainer", "play", *CALL, "--script", str(script), "--db", url],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=env(home),
    )
    # Kill as soon as the call row exists: somewhere between "started" and the last turn.
    deadline = time.monotonic() + 120
    while proc.poll() is None and time.monotonic() < deadline:
        if Path(tmp_path / "calls.db").exists() and turns_in(url)[0]:
            break
        time.sleep(0.01)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    session_id, stored = turns_in(url)
    assert session_id is not None
    with Store.open(url) as store:
        saved = store.load(session_id)
    # Whatever was stored is exactly the first turns of the call, nothing half-written.
    same_turns(
        [t.model_dump(mode="json") for t in saved.turns],
        expected["turns"][:stored],  # type: ignore[index]
    )
    if saved.outcome is not None:
        pytest.skip("the script finished before the kill landed; the live test covers resume")
    rest = tmp_path / "rest.txt"
    rest.write_text("\n".join(REPLIES[stored:]) + "\n", encoding="utf-8")
    resumed = play(
        home,
        "--library",
        str(LIBRARY),
        "--db",
        url,
        "--resume",
        session_id,
        "--script",
        str(rest),
        "--json",
    )
    assert resumed.returncode == 0, resumed.stderr
    same_turns(json.loads(resumed.stdout)["turns"], expected["turns"])  # type: ignore[arg-type]


def test_resuming_a_finished_call_is_refused(tmp_path: Path) -> None:
    home = tmp_path / "home"
    url = f"sqlite:///{tmp_path / 'calls.db'}"
    script = tmp_path / "all.txt"
    script.write_text("\n".join(REPLIES) + "\n", encoding="utf-8")
    done = play(home, *CALL, "--script", str(script), "--db", url)
    assert done.returncode == 0, done.stderr
    assert "saving this call as " in done.stderr
    session_id, _ = turns_in(url)
    assert session_id is not None
    again = play(home, "--library", str(LIBRARY), "--db", url, "--resume", session_id)
    assert again.returncode == 1
    assert again.stderr.strip() == (
        f"deescalate: call {session_id} already ended (resolved); nothing to resume"
    )

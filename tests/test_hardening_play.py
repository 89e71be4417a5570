"""Issue 13, item 3: seeds, hold times, slot formats, NUL in replies and `--db` paths are
bounded, with one clear line for each and nothing written on the way to the refusal."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from hardening_support import Run, assert_fine, assert_refused, deescalate
from store_records import record

from trainer.store import Store

FIXTURES = Path(__file__).parent / "fixtures"
CALL = ("--library", str(FIXTURES / "library"), "--scenario", "fixture-billing")
SKILLED = FIXTURES / "scripts" / "skilled.txt"
SEED_MAX = 2**63 - 1
"""Seeds are signed 64-bit integers in the store."""


def play(db: str, *args: str | bytes, script: Path = SKILLED) -> Run:
    return deescalate("play", *CALL, "--db", db, "--script", str(script), "--json", *args)


def saved(db: str) -> list[dict[str, object]]:
    run = deescalate("history", "--db", db, "--json")
    assert_fine(run)
    rows: list[dict[str, object]] = json.loads(run.stdout)
    return rows


def script(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "call.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# Seeds -------------------------------------------------------------------------------------


@pytest.mark.parametrize("seed", [str(2**63), "-1", "99999999999999999999999999"])
def test_a_seed_the_store_cannot_hold_is_refused_before_anything_is_written(
    tmp_path: Path, seed: str
) -> None:
    db = tmp_path / "calls.db"
    run = play(f"sqlite:///{db}", "--seed", seed)
    assert_refused(
        run,
        rf"^deescalate: seed {seed} is out of range: use a whole number from 0 to {SEED_MAX}$",
    )
    assert not db.exists()


@pytest.mark.parametrize("seed", [2**31 + 5, SEED_MAX])
def test_a_64_bit_seed_is_saved_and_replayed_on_every_backend(db_url: str, seed: int) -> None:
    first = play(db_url, "--seed", str(seed))
    assert_fine(first)
    again = play(db_url, "--seed", str(seed))
    assert json.loads(first.stdout)["turns"] == json.loads(again.stdout)["turns"]
    assert [row["seed"] for row in saved(db_url)] == [seed, seed]


# Holds -------------------------------------------------------------------------------------


@pytest.mark.parametrize("seconds", ["0", "3601", "99999999999999999999999"])
def test_a_hold_time_out_of_range_stops_the_script_before_the_call(
    tmp_path: Path, seconds: str
) -> None:
    db = tmp_path / "calls.db"
    path = script(tmp_path, "I'm so sorry about this.", f"/hold {seconds} checking", "/back")
    run = play(f"sqlite:///{db}", script=path)
    assert_refused(run, rf"^{path}:2: /hold SECONDS must be from 1 to 3600 \(got {seconds[:12]}\)$")
    assert not db.exists()


# Slots -------------------------------------------------------------------------------------


@pytest.fixture
def wide_slot_library(tmp_path: Path) -> Path:
    lib = tmp_path / "lib"
    shutil.copytree(FIXTURES / "library", lib)
    persona = lib / "personas" / "fixture-base.yaml"
    text = persona.read_text(encoding="utf-8")
    assert "I can't believe {company} has done" in text
    persona.write_text(
        text.replace("I can't believe {company} has", "I can't believe {company:>30000000000} has"),
        encoding="utf-8",
    )
    return lib


def test_check_refuses_a_slot_wider_than_the_limit(wide_slot_library: Path) -> None:
    run = deescalate("check", "--library", str(wide_slot_library), cwd=wide_slot_library)
    assert_refused(
        run,
        r"^personas/fixture-base\.yaml:\d+:\d+: lines\.vent: slot \{company\} in "
        r".*width 30000000000 is over the limit of 60$",
    )


def test_play_refuses_the_same_library_before_the_call(
    wide_slot_library: Path, tmp_path: Path
) -> None:
    db = tmp_path / "calls.db"
    run = deescalate(
        "play",
        "--library",
        str(wide_slot_library),
        "--scenario",
        "fixture-billing",
        "--db",
        f"sqlite:///{db}",
        "--script",
        str(SKILLED),
        cwd=wide_slot_library,
    )
    assert_refused(run, r"width 30000000000 is over the limit of 60$")
    assert not db.exists()


# NUL ---------------------------------------------------------------------------------------


def test_a_script_line_with_nul_is_refused_before_any_row_is_written(
    tmp_path: Path, db_url: str
) -> None:
    path = script(tmp_path, "I'm so sorry.", "What can I\x00 do?", "/end")
    run = play(db_url, script=path)
    assert_refused(run, rf"^{path}:2: the line holds a NUL character; remove it$")
    assert saved(db_url) == []


def test_the_store_drops_nul_so_postgresql_never_refuses_a_turn(db_url: str) -> None:
    rec = record("n\x00ul")
    rec.opening = "You\x00 charged me twice!"
    rec.turns[0].reply = "Sorry\x00 about that."
    rec.turns[0].customer_next = "Fine\x00."
    with Store.open(db_url) as store:
        ident = store.save(rec)
        back = store.load(ident)
    assert back.trainee == "nul"
    assert back.opening == "You charged me twice!"
    assert back.turns[0].reply == "Sorry about that."
    assert back.turns[0].customer_next == "Fine."


# --db --------------------------------------------------------------------------------------


def test_a_missing_folder_outside_the_data_folder_is_not_created(tmp_path: Path) -> None:
    folder = tmp_path / "no" / "such" / "folder"
    run = play(f"sqlite:///{folder / 'calls.db'}")
    assert_refused(
        run,
        rf"^deescalate: the folder {folder} for database calls\.db does not exist; "
        r"create it first \(deescalate makes folders only inside its data folder, ",
    )
    assert not (tmp_path / "no").exists()


def test_the_data_folder_is_still_made_on_first_use(isolated_home: Path) -> None:
    assert not isolated_home.exists()
    assert_fine(play(f"sqlite:///{isolated_home / 'calls' / 'mine.db'}"))
    assert (isolated_home / "calls" / "mine.db").is_file()


@pytest.mark.parametrize("url", ["sqlite://", "sqlite:///:memory:", ":memory:"])
def test_an_in_memory_database_plays_a_throwaway_call(url: str, isolated_home: Path) -> None:
    run = play(url)
    assert_fine(run)
    assert json.loads(run.stdout)["outcome"] is not None or json.loads(run.stdout)["turns"]
    assert "this call is kept in memory only; nothing is saved" in run.stderr
    assert not isolated_home.exists()


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def read_only_db(tmp_path: Path) -> Iterator[tuple[Path, list[str]]]:
    """A database with one finished call, made read-only along with its folder.

    Root ignores file modes, so as root the reading commands run without the capability
    that lets it (setpriv drops CAP_DAC_OVERRIDE): they then meet the modes as anyone would.
    """
    prefix: list[str] = []
    if os.geteuid() == 0:
        if shutil.which("setpriv") is None:
            pytest.skip("as root, needs setpriv to drop CAP_DAC_OVERRIDE")
        prefix = ["setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner", "--"]
    folder = tmp_path / "share"
    folder.mkdir()
    db = folder / "calls.db"
    assert_fine(play(f"sqlite:///{db}", "--trainee", "ana"))
    assert sorted(p.name for p in folder.iterdir()) == ["calls.db"]
    db.chmod(0o444)
    folder.chmod(0o555)
    try:
        yield db, prefix
    finally:
        folder.chmod(0o755)
        db.chmod(0o644)


def test_reading_commands_read_a_read_only_database_and_leave_it_unchanged(
    read_only_db: tuple[Path, list[str]],
) -> None:
    db, prefix = read_only_db
    url = f"sqlite:///{db}"
    before = _digest(db)
    history = deescalate("history", "--db", url, "--json", prefix=prefix)
    assert_fine(history)
    (call,) = json.loads(history.stdout)
    assert call["trainee"] == "ana"
    for args in (
        ["history", "--db", url],
        ["progress", "--db", url, "--trainee", "ana"],
        ["report", str(call["id"]), "--db", url],
        ["report", "--cohort", "--format", "csv", "--db", url],
        ["export", "xapi", "--db", url],
    ):
        assert_fine(deescalate(*args, prefix=prefix))
    assert _digest(db) == before
    assert sorted(p.name for p in db.parent.iterdir()) == ["calls.db"]


def test_writing_to_a_read_only_database_is_one_clear_line(
    read_only_db: tuple[Path, list[str]],
) -> None:
    db, prefix = read_only_db
    before = _digest(db)
    run = deescalate(
        "delete", "--trainee", "ana", "--all", "--db", f"sqlite:///{db}", prefix=prefix
    )
    assert_refused(run, rf"^deescalate: database {db} cannot be opened for writing")
    assert _digest(db) == before

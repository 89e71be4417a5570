"""Issue 13, item 1: hostile library files are refused with one file:line:col line, fast.

Alias bombs, deep nesting, devices, pipes, symbolic links out of the folder and scalars
Python cannot build: `check` (and every command that loads the library) names the file and
position and stops in well under a second, never hanging, crashing or echoing private files.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hardening_support import alias_bomb, assert_fine, assert_refused, deescalate

from trainer.library import Library

FIXTURE_LIBRARY = Path(__file__).parent / "fixtures" / "library"


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty library folder, the working directory (messages are relative to it)."""
    lib = tmp_path / "lib"
    (lib / "personas").mkdir(parents=True)
    monkeypatch.chdir(lib)
    return lib


def test_an_alias_bomb_is_one_line_in_well_under_a_second(folder: Path) -> None:
    bomb = folder / "personas" / "bomb.yaml"
    bomb.write_text(alias_bomb(), encoding="utf-8")
    assert bomb.stat().st_size < 400
    line = assert_refused(
        deescalate("check", str(bomb), cwd=folder), r"personas/bomb\.yaml:\d+:\d+: "
    )
    assert "grows past 5,000 YAML nodes" in line


def test_an_alias_bomb_in_a_library_folder_stops_every_command_that_loads_it(folder: Path) -> None:
    (folder / "personas" / "bomb.yaml").write_text(alias_bomb(), encoding="utf-8")
    for command in (["personas", "list"], ["scenarios", "list"], ["play", "--no-save"]):
        run = deescalate(*command, "--library", str(folder), cwd=folder)
        assert_refused(run, r"^personas/bomb\.yaml:\d+:\d+: invalid YAML: the file grows past")


def test_an_alias_that_contains_itself_is_refused(folder: Path) -> None:
    loop = folder / "personas" / "loop.yaml"
    loop.write_text("id: loop\nname: &n [x, *n]\n", encoding="utf-8")
    assert_refused(
        deescalate("check", str(loop), cwd=folder),
        r"^personas/loop\.yaml:2:\d+: invalid YAML: alias \*n repeats a node that contains it$",
    )


def test_deep_nesting_is_refused_at_its_position(folder: Path) -> None:
    deep = folder / "personas" / "deep.yaml"
    deep.write_text("[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")
    assert_refused(
        deescalate("check", str(deep), cwd=folder),
        r"^personas/deep\.yaml:1:33: invalid YAML: nested more than 32 levels deep$",
    )


def test_a_400_kb_bracket_file_is_refused_by_size(folder: Path) -> None:
    deep = folder / "personas" / "deep.yaml"
    deep.write_text("[" * 200_000 + "]" * 200_000 + "\n", encoding="utf-8")
    assert_refused(
        deescalate("check", str(deep), cwd=folder),
        r"^personas/deep\.yaml:1:1: file is 400,001 bytes; the limit is 256,000$",
    )


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_device_is_refused_without_reading_it(folder: Path) -> None:
    assert_refused(
        deescalate("check", "/dev/zero", cwd=folder),
        r"^/dev/zero:1:1: a device, not a YAML file; give a regular \.yaml file$",
    )


def test_a_device_linked_into_a_library_folder_is_refused(folder: Path) -> None:
    (folder / "personas" / "zero.yaml").symlink_to("/dev/zero")
    run = deescalate("check", "--library", str(folder), cwd=folder)
    assert_refused(run, r"^personas/zero\.yaml:1:1: a symbolic link that leads outside")


def test_a_fifo_is_refused_without_waiting_for_a_writer(folder: Path) -> None:
    fifo = folder / "personas" / "pipe.yaml"
    os.mkfifo(fifo)
    for run in (
        deescalate("check", str(fifo), cwd=folder),
        deescalate("check", "--library", str(folder), cwd=folder),
    ):
        assert_refused(run, r"^personas/pipe\.yaml:1:1: a pipe, not a YAML file")


def test_a_symlink_out_of_the_library_is_refused_and_its_content_never_shown(
    folder: Path, tmp_path: Path
) -> None:
    secret = tmp_path / "shadow"
    secret.write_text("root-secret-key: $6$hash-that-must-not-leak\n", encoding="utf-8")
    (folder / "personas" / "shadow.yaml").symlink_to(secret)
    for run in (
        deescalate("check", "--library", str(folder), cwd=folder),
        deescalate("check", str(folder / "personas" / "shadow.yaml"), cwd=folder),
        deescalate("check", str(folder), cwd=folder),
    ):
        assert_refused(
            run, r"^personas/shadow\.yaml:1:1: a symbolic link that leads outside its library"
        )
        assert "root-secret-key" not in run.output and "hash-that" not in run.output
        assert str(secret) not in run.output


def test_a_symlink_inside_the_library_folder_still_loads(folder: Path) -> None:
    # The target has no .yaml suffix, so only the link is loaded (no duplicate id).
    (folder / "shared").mkdir()
    target = folder / "shared" / "base.persona"
    shutil.copy(FIXTURE_LIBRARY / "personas" / "fixture-base.yaml", target)
    (folder / "personas" / "base.yaml").symlink_to(target)
    lib = Library.load([folder], bundled=False, use_env=False)
    assert lib.problems == []
    assert set(lib.personas) == {"fixture-base"}


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("1" + "0" * 5000, r"'1000.*' is not a valid int \(Exceeds the limit"),
        ("!!int many", r"'many' is not a valid int"),
        ("2026-13-45", r"'2026-13-45' is not a valid timestamp"),
        ("!!bool maybe", r"'maybe' is not a valid bool"),
    ],
)
def test_a_scalar_python_cannot_build_is_named_at_its_position(
    folder: Path, value: str, message: str
) -> None:
    bad = folder / "personas" / "bad.yaml"
    bad.write_text(f"id: bad\nname: Bad\nbio: {value}\n", encoding="utf-8")
    assert_refused(
        deescalate("check", str(bad), cwd=folder),
        rf"^personas/bad\.yaml:3:6: invalid YAML: {message}",
    )


def test_undecodable_bytes_are_placed_by_line_and_column(folder: Path) -> None:
    bad = folder / "personas" / "latin1.yaml"
    bad.write_bytes(b"id: latin\nname: Caf\xe9\n")
    assert_refused(
        deescalate("check", str(bad), cwd=folder),
        r"^personas/latin1\.yaml:2:10: not UTF-8 text \(byte 19\)$",
    )


def test_a_control_character_in_a_file_is_reported_at_its_position(folder: Path) -> None:
    bad = folder / "personas" / "ctl.yaml"
    bad.write_bytes(b"id: ctl\nname: a\x1b[2Jb\n")
    line = assert_refused(
        deescalate("check", str(bad), cwd=folder),
        r"^personas/ctl\.yaml:2:8: invalid YAML: character U\+001B: ",
    )
    assert "\x1b" not in line


def test_bundled_files_load_through_importlib_resources() -> None:
    from trainer import bundled
    from trainer.library import BUNDLED_PERSONAS, SCHEMA_DIR

    assert BUNDLED_PERSONAS.is_dir()
    assert (SCHEMA_DIR / "persona.schema.json").is_file()
    assert {f for f in bundled.FOLDERS} >= {"personas", "scenarios", "schemas"}
    with pytest.raises(ValueError, match="not a bundled folder"):
        bundled.folder("secrets")
    assert_fine(deescalate("check"))

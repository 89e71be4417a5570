"""The library commands, run as a user runs them: the real CLI in a subprocess."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

BASE = Path(__file__).parent / "fixtures" / "library"


def run(
    *args: str, cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "HF_HUB_OFFLINE": "1", **(env or {})}
    full_env.pop("DEESCALATE_LIBRARY", None)
    return subprocess.run(
        [sys.executable, "-m", "trainer", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=full_env,
        timeout=120,
    )


@pytest.fixture
def lib_copy(tmp_path: Path) -> Path:
    target = tmp_path / "lib"
    shutil.copytree(BASE, target)
    return target


def test_help_lists_every_command() -> None:
    out = run("--help")
    assert out.returncode == 0
    for command in ("tui", "personas", "scenarios", "check", "schema"):
        assert f"\n    {command}" in out.stdout, command


def test_check_clean_fixture(lib_copy: Path) -> None:
    out = run("check", str(lib_copy))
    assert out.returncode == 0, out.stdout + out.stderr
    assert "0 problem(s)" in out.stdout


def test_check_broken_files_one_line_each_and_exit_1(lib_copy: Path) -> None:
    persona = lib_copy / "personas" / "fixture-base.yaml"
    persona.write_text(persona.read_text().replace("  anger: 7 ", "  anger: 12 "))
    (lib_copy / "personas" / "junk.yaml").write_text("id: [unclosed\n")
    (lib_copy / "scenarios" / "empty.yaml").write_text("")
    out = run("check", ".", cwd=lib_copy)
    assert out.returncode == 1
    assert "Traceback" not in out.stdout + out.stderr
    lines = out.stdout.splitlines()
    assert any(
        line.startswith("personas/fixture-base.yaml:")
        and "temperament.anger must be <= 10 (got 12)" in line
        for line in lines
    )
    assert any(line.startswith("personas/junk.yaml:") and "invalid YAML" in line for line in lines)
    assert "scenarios/empty.yaml:1:1: expected a mapping of keys at the top of the file" in lines
    assert lines[-1].endswith("problem(s)") and " 0 problem" not in lines[-1]


def test_check_missing_path(tmp_path: Path) -> None:
    out = run("check", str(tmp_path / "nowhere.yaml"))
    assert out.returncode == 1
    assert "no such file or directory" in out.stdout
    assert out.stdout.count("no such file or directory") == 1  # said once, not twice
    assert "checked 0 file(s)" in out.stdout and "1 problem(s)" in out.stdout
    assert "Traceback" not in out.stderr


def test_list_json_shows_source_and_origin(lib_copy: Path) -> None:
    out = run("personas", "list", "--json", "--library", str(lib_copy), cwd=lib_copy)
    assert out.returncode == 0, out.stderr
    rows = {r["id"]: r for r in json.loads(out.stdout)}
    row = rows["fixture-base"]
    assert row["source"] == "personas/fixture-base.yaml"
    assert row["origin"] == "user"
    assert row["tactics"] == ["take_business_elsewhere", "manager_demand", "not_listening"]
    out = run("scenarios", "list", "--json", "--library", str(lib_copy), cwd=lib_copy)
    rows = {r["id"]: r for r in json.loads(out.stdout)}
    assert rows["fixture-billing"]["difficulty"] == 2
    assert rows["fixture-billing"]["source"] == "scenarios/fixture-billing.yaml"


def test_list_with_broken_library_fails_cleanly(lib_copy: Path) -> None:
    (lib_copy / "personas" / "junk.yaml").write_text("id: x\nname: [\n")
    out = run("personas", "list", "--library", str(lib_copy), cwd=lib_copy)
    assert out.returncode == 1
    assert out.stderr.startswith("personas/junk.yaml:")
    assert "Traceback" not in out.stderr


def test_schema_is_json_schema() -> None:
    out = run("schema", "persona")
    schema = json.loads(out.stdout)
    assert schema["title"] == "deescalate persona"
    assert schema["properties"]["temperament"]["description"] == "How their anger behaves."
    assert schema["additionalProperties"] is False


@pytest.mark.parametrize("extends", [None, "fixture-base"])
def test_new_persona_passes_check(tmp_path: Path, lib_copy: Path, extends: str | None) -> None:
    target = tmp_path / "out" / "my-persona.yaml"
    args = ["personas", "new", "my-persona", "-o", str(target), "--library", str(lib_copy)]
    if extends:
        args += ["--extends", extends]
    out = run(*args)
    assert out.returncode == 0, out.stderr
    text = target.read_text()
    assert text.startswith("# yaml-language-server: $schema=")
    check = run("check", str(target), "--library", str(lib_copy))
    assert check.returncode == 0, check.stdout
    again = run(*args)
    assert again.returncode == 1
    assert "exists; pass --force" in again.stderr


def test_new_persona_unknown_archetype(tmp_path: Path) -> None:
    out = run("personas", "new", "x", "--extends", "nobody", "-o", str(tmp_path / "x.yaml"))
    assert out.returncode == 1
    assert "unknown persona 'nobody' to extend" in out.stderr


def test_bundled_library_checks_clean_and_covers_every_tactic() -> None:
    out = run("check", "--coverage")
    assert out.returncode == 0, out.stdout + out.stderr
    assert " 0 problem(s)" in out.stdout
    assert "covered 27 of 27 tactics" in out.stdout
    assert "-- none --" not in out.stdout


def test_coverage_names_uncovered_tactics(capsys: pytest.CaptureFixture[str]) -> None:
    from trainer.cli.library_cmds import _print_coverage
    from trainer.library import Library

    _print_coverage(Library.load([BASE], bundled=False, use_env=False))
    out = capsys.readouterr().out
    assert "  manager_demand             fixture-base" in out
    assert "covered 3 of 27 tactics" in out
    uncovered = out.split("not covered by any persona: ")[1]
    assert "physical_threat" in uncovered and "manager_demand" not in uncovered

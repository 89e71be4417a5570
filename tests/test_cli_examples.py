"""`deescalate check --examples` as a trainer runs it: the real CLI in a subprocess."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from test_cli_library import BASE, run


@pytest.fixture
def lib_copy(tmp_path: Path) -> Path:
    target = tmp_path / "lib"
    shutil.copytree(BASE, target)
    return target


def add_phrasings(lib: Path, examples: list[str], near_misses: list[str]) -> Path:
    scenario = lib / "scenarios" / "fixture-billing.yaml"
    text = scenario.read_text(encoding="utf-8")
    block = "    examples:\n" + "".join(f'      - "{e}"\n' for e in examples)
    text = text.replace("    value: 0.8\n", "    value: 0.8\n" + block)
    text += "near_misses:\n" + "".join(f'  - "{n}"\n' for n in near_misses)
    scenario.write_text(text, encoding="utf-8")
    return scenario


def test_a_near_miss_heard_as_an_offer_fails_with_file_and_line(lib_copy: Path) -> None:
    scenario = add_phrasings(
        lib_copy,
        ["I'll refund the duplicate payment today."],
        ["Our policy states refunds take ten days.", "I'll pay it back to you today."],
    )
    out = run(
        "check", "--library", str(lib_copy), "--examples", env={"DEESCALATE_GRADER": "lexical"}
    )
    assert out.returncode == 1, out.stdout + out.stderr
    assert "Traceback" not in out.stdout + out.stderr
    line = next(
        i for i, t in enumerate(scenario.read_text().splitlines(), 1) if "pay it back to you" in t
    )
    wanted = f'fixture-billing.yaml:{line}: near miss "I\'ll pay it back to you today."'
    assert any(wanted in x for x in out.stdout.splitlines()), out.stdout
    assert "is heard as an offer of refund_duplicate (rule)" in out.stdout
    assert "policy states" not in out.stdout  # the true near miss passes


def test_rules_only_reports_what_it_could_not_check(lib_copy: Path) -> None:
    add_phrasings(lib_copy, ["Let me send that second payment straight back to you."], [])
    out = run(
        "check", "--library", str(lib_copy), "--examples", env={"DEESCALATE_GRADER": "lexical"}
    )
    assert "only the sentence model can judge" in out.stdout
    assert "fixture-billing.yaml:" in out.stdout and "(needs the sentence model)" in out.stdout
    assert "offer phrasings:" in out.stdout

"""Programme files: the bundled programme, bad files with file:line:col, check and schema."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from programme_support import MINIMAL, bundled_library, programmes_with

from trainer.cli.library_cmds import schema_for
from trainer.library import BUNDLED_PROGRAMMES, SCHEMA_DIR, Library
from trainer.models.programme import Programme
from trainer.programme.loader import load_programmes

ROOT = Path(__file__).resolve().parent.parent
NAMED = {
    "Building rapport",
    "Managing customer expectations",
    "Conflict resolution",
    "Anger management",
    "Empathetic responsiveness",
    "Hold and transfer etiquette",
}


def test_the_bundled_programme_loads_and_covers_the_named_modules() -> None:
    library = bundled_library()
    programmes = load_programmes(library, use_env=False)
    assert programmes.problems == []
    programme = programmes.get("new-hire")
    assert {m.title for m in programme.modules} == NAMED
    schedule = programme.schedule
    assert (schedule.hours_per_year, schedule.intensive_months, schedule.days_per_month) == (
        24,
        4,
        4,
    )
    assert schedule.refresher_every_months == 3
    assert sum(m.days for m in programme.modules) <= schedule.training_days
    pairs = set()
    for module in programme.modules:
        assert module.focus and module.advice.strip() and module.drills
        assert module.pass_mark.calls >= module.pass_mark.min_good_outcomes
        levels = []
        for drill in module.drills:
            assert drill.scenario in library.scenarios
            assert drill.persona in library.personas  # filled with the default when left out
            assert not library.personas[drill.persona].item.abstract
            levels.append(library.scenarios[drill.scenario].item.difficulty)
            pairs.add((drill.scenario, drill.persona))
        assert levels == sorted(levels), module.id
    assert len(pairs) == sum(len(m.drills) for m in programme.modules)
    holds = programme.module("holds")
    assert {"ask_permission", "thank_on_return", "check_back_2min"} <= set(holds.craft)
    assert all(library.scenarios[d.scenario].item.hold.required for d in holds.drills[:2])


def test_an_unknown_programme_is_a_user_error_naming_the_known_ones() -> None:
    programmes = load_programmes(bundled_library(), use_env=False)
    with pytest.raises(Exception, match=r"unknown programme 'nope'; known: new-hire"):
        programmes.get("nope")


def test_a_minimal_user_programme_loads_next_to_the_bundled_one(tmp_path: Path) -> None:
    programmes = programmes_with(tmp_path, MINIMAL)
    assert programmes.problems == []
    assert set(programmes.programmes) == {"new-hire", "mini"}
    assert programmes.programmes["mini"].origin == "user"
    assert programmes.programmes["new-hire"].origin == "bundled"
    drill = programmes.get("mini").module("rapport").drills[0]
    assert drill.persona == "flirty-caller"  # the scenario's default caller


def test_a_user_programme_overrides_the_bundled_one_with_its_id(tmp_path: Path) -> None:
    text = MINIMAL.replace("id: mini", "id: new-hire")
    programmes = programmes_with(tmp_path, text)
    assert programmes.problems == []
    assert programmes.get("new-hire").title == "Mini programme"


def test_programme_files_in_a_user_library_are_not_taken_for_personas(tmp_path: Path) -> None:
    programmes_with(tmp_path, MINIMAL)
    library = Library.load([tmp_path / "lib"], use_env=False)
    assert library.problems == []


# (change to MINIMAL, line, col, message)
BAD = [
    pytest.param(
        ("    focus: [person]\n", "    focus: [person]\n    colour: blue\n"),
        10,
        5,
        "unknown key `modules[0].colour`",
        id="unknown-key",
    ),
    pytest.param(
        ("focus: [ask]", "focus: [asking]"),
        17,
        13,
        "modules[1].focus[0] should be 'person', 'job', 'apology' or 'ask'",
        id="unknown-step",
    ),
    pytest.param(
        ("craft: [you_people]", "craft: [you_people, shouting_back]"),
        10,
        12,
        "unknown call craft 'shouting_back'",
        id="unknown-craft",
    ),
    pytest.param(
        ("scenario: double-billed", "scenario: charged-thrice"),
        14,
        19,
        "scenario 'charged-thrice' is not in the library",
        id="unknown-scenario",
    ),
    pytest.param(
        (
            "      - scenario: double-billed\n",
            "      - scenario: double-billed\n        persona: archetype-leaver\n",
        ),
        15,
        18,
        "persona 'archetype-leaver' is an archetype",
        id="archetype-caller",
    ),
    pytest.param(
        ("      - scenario: wrong-address-parcel\n", "      - scenario: boiler-repair-leak\n"),
        14,
        19,
        "scenario 'double-billed' (difficulty 2) is easier than the drill before it "
        "(difficulty 5); list drills easiest first",
        id="difficulty-goes-down",
    ),
    pytest.param(
        ("scenario: appointment-letter-mixup", "scenario: double-billed"),
        21,
        19,
        "double-billed with billing-leaver already drills module 'rapport'",
        id="one-call-two-modules",
    ),
    pytest.param(
        ("  days_per_month: 2", "  days_per_month: 1"),
        7,
        3,
        "the modules need 2 training days but the schedule has 1",
        id="too-many-days",
    ),
    pytest.param(
        (
            "    drills:\n      - scenario: wrong",
            "    pass_mark: {calls: 2, min_good_outcomes: 3}\n    drills:\n      - scenario: wrong",
        ),
        12,
        16,
        "min_good_outcomes (3) cannot exceed calls (2)",
        id="unreachable-pass-mark",
    ),
    pytest.param(
        ("  - id: holds", "  - id: rapport"),
        7,
        3,
        "module id 'rapport' is used twice",
        id="duplicate-module",
    ),
    pytest.param(
        ("title: Mini programme", "title: [Mini"),
        3,
        9,
        "invalid YAML",
        id="invalid-yaml",
    ),
    pytest.param(
        ("outcomes", "outcomes"),
        0,
        0,
        "",
        id="control-valid",
    ),
]


@pytest.mark.parametrize(("change", "line", "col", "message"), BAD)
def test_bad_programme_files_point_at_the_line(
    tmp_path: Path, change: tuple[str, str], line: int, col: int, message: str
) -> None:
    old, new = change
    text = MINIMAL.replace(old, new, 1) if old in MINIMAL else MINIMAL
    programmes = programmes_with(tmp_path, text)
    shown = [str(p) for p in programmes.problems]
    if not message:
        assert shown == []  # the unchanged file is valid: each case above breaks one thing
        return
    assert len(shown) == 1, shown
    problem = programmes.problems[0]
    assert problem.path.endswith("programme/custom.yaml")
    assert message in problem.message, shown
    assert (problem.line, problem.col) == (line, col), shown
    assert "mini" not in programmes.programmes


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    return subprocess.run(
        [sys.executable, "-m", "trainer", *args],
        capture_output=True,
        text=True,
        cwd=cwd or ROOT,
        env=env,
        timeout=120,
    )


def test_check_covers_programme_files_and_exits_1_on_a_bad_one(tmp_path: Path) -> None:
    folder = tmp_path / "lib" / "programme"
    folder.mkdir(parents=True)
    (folder / "good.yaml").write_text(MINIMAL, encoding="utf-8")
    (folder / "bad.yaml").write_text(
        MINIMAL.replace("id: mini", "id: other").replace("focus: [ask]", "focus: []"),
        encoding="utf-8",
    )
    out = run("check", "--library", str(tmp_path / "lib"))
    assert out.returncode == 1
    assert "Traceback" not in out.stdout + out.stderr
    lines = out.stdout.splitlines()
    bad = [line for line in lines if "bad.yaml" in line]
    assert len(bad) == 1 and ":17:12: modules[1].focus: list should have at least 1 item" in bad[0]
    assert lines[-1].startswith("checked ") and "2 programme(s), 1 problem(s)" in lines[-1]


def test_check_on_a_programme_file_outside_a_programme_folder(tmp_path: Path) -> None:
    good = tmp_path / "mine.yaml"
    good.write_text(MINIMAL, encoding="utf-8")
    out = run("check", str(good))
    assert out.returncode == 0, out.stdout + out.stderr
    assert "0 problem(s)" in out.stdout
    good.write_text(MINIMAL.replace("scenario: double-billed", "scenario: nope"), encoding="utf-8")
    out = run("check", str(good))
    assert out.returncode == 1
    assert "mine.yaml:14:19: scenario 'nope' is not in the library" in out.stdout


def test_the_bundled_library_checks_clean_with_its_programme() -> None:
    out = run("check")
    assert out.returncode == 0, out.stdout
    assert "1 programme(s), 0 problem(s)" in out.stdout


def test_the_schema_file_is_current_and_the_bundled_file_names_it() -> None:
    kept = json.loads((SCHEMA_DIR / "programme.schema.json").read_text(encoding="utf-8"))
    assert kept == schema_for(Programme), (
        "regenerate with: deescalate schema programme > schemas/programme.schema.json"
    )
    for path in Path(str(BUNDLED_PROGRAMMES)).glob("*.yaml"):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../schemas/programme.schema.json"


def test_schema_command_prints_the_programme_schema() -> None:
    out = run("schema", "programme")
    assert out.returncode == 0
    schema = json.loads(out.stdout)
    assert schema["title"] == "deescalate programme"
    assert "modules" in schema["required"]


def test_the_programme_guide_reference_is_current() -> None:
    from trainer.authoring import BEGIN, END
    from trainer.programme.guide import programme_reference, refresh

    guide = (ROOT / "docs" / "programme.md").read_text(encoding="utf-8")
    assert BEGIN in guide and END in guide
    assert refresh(guide) == guide, "run `make docs` to regenerate docs/programme.md"
    reference = programme_reference()
    for key in ("`due_step_pass_rate`", "`refresher_every_months`", "`craft`", "`drills`"):
        assert key in reference
    assert "| `thank_on_return` |" in reference


def test_the_readme_names_the_new_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for command in ("deescalate assign --trainee NAME", "deescalate plan [--trainee NAME]"):
        assert command in readme

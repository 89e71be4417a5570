"""Loading persona and scenario files: every error names the file, line and column."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from trainer.errors import UserError
from trainer.library import MAX_FILE_BYTES, Library

BASE = Path(__file__).parent / "fixtures" / "library"


@pytest.fixture
def lib_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the fixture library in a temp folder; messages are relative to it."""
    monkeypatch.delenv("DEESCALATE_LIBRARY", raising=False)
    target = tmp_path / "lib"
    shutil.copytree(BASE, target)
    monkeypatch.chdir(target)
    return target


def load(lib_dir: Path) -> Library:
    return Library.load([lib_dir], bundled=False)


def messages(lib: Library) -> list[str]:
    return [str(p) for p in lib.problems]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, f"fixture no longer contains {old!r}"
    path.write_text(text.replace(old, new, 1))


def line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text().splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


def test_fixture_library_loads_clean(lib_dir: Path) -> None:
    lib = load(lib_dir)
    assert messages(lib) == []
    assert set(lib.personas) == {"fixture-base"}
    assert set(lib.scenarios) == {"fixture-billing"}
    assert lib.personas["fixture-base"].origin == "user"


def test_out_of_range_value_names_line_and_column(lib_dir: Path) -> None:
    persona = lib_dir / "personas" / "fixture-base.yaml"
    edit(persona, "  anger: 7 ", "  anger: 12 ")
    line = line_of(persona, "anger: 12")
    assert messages(load(lib_dir)) == [
        f"personas/fixture-base.yaml:{line}:10: temperament.anger must be <= 10 (got 12)"
    ]


def test_unknown_key_points_at_the_key(lib_dir: Path) -> None:
    persona = lib_dir / "personas" / "fixture-base.yaml"
    edit(persona, "  patience: 5", "  patience: 5\n  patiance: 3")
    line = line_of(persona, "patiance")
    assert messages(load(lib_dir)) == [
        f"personas/fixture-base.yaml:{line}:3: unknown key `temperament.patiance`"
    ]


def test_wrong_type(lib_dir: Path) -> None:
    scenario = lib_dir / "scenarios" / "fixture-billing.yaml"
    edit(scenario, "difficulty: 2", "difficulty: hard")
    line = line_of(scenario, "difficulty: hard")
    assert messages(load(lib_dir)) == [
        f"scenarios/fixture-billing.yaml:{line}:13: difficulty should be a valid integer, "
        "unable to parse string as an integer (got 'hard')"
    ]


def test_missing_required_field(lib_dir: Path) -> None:
    scenario = lib_dir / "scenarios" / "fixture-billing.yaml"
    edit(scenario, "title: Charged twice for one month\n", "")
    assert messages(load(lib_dir)) == [
        "scenarios/fixture-billing.yaml:1:1: missing required field `title`"
    ]


def test_missing_nested_field_points_at_its_parent(lib_dir: Path) -> None:
    scenario = lib_dir / "scenarios" / "fixture-billing.yaml"
    edit(scenario, "  company: Brightwave Energy\n", "")
    line = line_of(scenario, "  product: home energy plan")
    assert messages(load(lib_dir)) == [
        f"scenarios/fixture-billing.yaml:{line}:3: missing required field `brief.company`"
    ]


def test_unknown_tactic_id(lib_dir: Path) -> None:
    persona = lib_dir / "personas" / "fixture-base.yaml"
    edit(persona, "  - id: manager_demand", "  - id: manager_demnd")
    line = line_of(persona, "manager_demnd")
    assert messages(load(lib_dir)) == [
        f"personas/fixture-base.yaml:{line}:9: tactics[1].id: unknown tactic id "
        "'manager_demnd'; run `deescalate check --coverage`"
    ]


def test_bad_slot_name(lib_dir: Path) -> None:
    persona = lib_dir / "personas" / "fixture-base.yaml"
    edit(persona, '"Fix it. Today."', '"Fix it, {agnt}."')
    line = line_of(persona, "{agnt}")
    (msg,) = messages(load(lib_dir))
    assert msg.startswith(
        f"personas/fixture-base.yaml:{line}:11: lines.demand: unknown slot {{agnt}} in 'Fix it, {{agnt}}.'"
    )
    assert "{agent}" in msg  # the message lists the known slots


def test_malformed_slot_braces(lib_dir: Path) -> None:
    scenario = lib_dir / "scenarios" / "fixture-billing.yaml"
    edit(scenario, "Twice!", "Twice! {oops")
    (msg,) = messages(load(lib_dir))
    assert msg.startswith(f"scenarios/fixture-billing.yaml:{line_of(scenario, '{oops')}:")
    assert "malformed slot braces" in msg


def test_invalid_yaml(lib_dir: Path) -> None:
    persona = lib_dir / "personas" / "fixture-base.yaml"
    edit(persona, "  cooling: 1.0", "  cooling: [1.0")
    (msg,) = messages(load(lib_dir))
    assert msg.startswith("personas/fixture-base.yaml:")
    assert "invalid YAML" in msg
    line = int(msg.split(":")[1])
    assert line >= line_of(persona, "cooling: [1.0")


def test_duplicate_key_is_invalid_yaml(lib_dir: Path) -> None:
    persona = lib_dir / "personas" / "fixture-base.yaml"
    edit(persona, "  patience: 5", "  patience: 5\n  patience: 6")
    (msg,) = messages(load(lib_dir))
    line = line_of(persona, "patience: 6")
    assert msg.startswith(f"personas/fixture-base.yaml:{line}:3: invalid YAML")
    assert "duplicate key" in msg


def test_top_level_not_a_mapping(lib_dir: Path) -> None:
    (lib_dir / "personas" / "list.yaml").write_text("- one\n- two\n")
    assert messages(load(lib_dir)) == [
        "personas/list.yaml:1:1: expected a mapping of keys at the top of the file"
    ]


def test_extends_cycle(lib_dir: Path) -> None:
    persona = lib_dir / "personas" / "fixture-base.yaml"
    edit(persona, "id: fixture-base\n", "id: fixture-base\nextends: fixture-child\n")
    (lib_dir / "personas" / "child.yaml").write_text("id: fixture-child\nextends: fixture-base\n")
    msgs = messages(load(lib_dir))
    assert (
        "personas/child.yaml:2:10: extends cycle: fixture-child -> fixture-base -> fixture-child"
        in msgs
    )
    assert (
        f"personas/fixture-base.yaml:{line_of(persona, 'extends:')}:10: "
        "extends cycle: fixture-base -> fixture-child -> fixture-base" in msgs
    )


def test_extends_unknown(lib_dir: Path) -> None:
    (lib_dir / "personas" / "child.yaml").write_text("id: fixture-child\nextends: nobody\n")
    assert messages(load(lib_dir)) == ["personas/child.yaml:2:10: extends unknown persona 'nobody'"]


def test_extends_inherits_and_overrides(lib_dir: Path) -> None:
    (lib_dir / "personas" / "child.yaml").write_text(
        "id: fixture-child\nextends: fixture-base\nname: Kid Fixture\ntemperament:\n  anger: 3\n"
    )
    lib = load(lib_dir)
    assert messages(lib) == []
    child = lib.personas["fixture-child"].item
    base = lib.personas["fixture-base"].item
    assert child.name == "Kid Fixture"
    assert child.temperament.anger == 3
    assert child.temperament.patience == base.temperament.patience  # merged, not replaced
    assert child.lines == base.lines
    assert child.extends == "fixture-base"


def test_error_in_child_points_at_child_file(lib_dir: Path) -> None:
    (lib_dir / "personas" / "child.yaml").write_text(
        "id: fixture-child\nextends: fixture-base\ntemperament:\n  anger: -1\n"
    )
    assert messages(load(lib_dir)) == [
        "personas/child.yaml:4:10: temperament.anger must be >= 0 (got -1)"
    ]


def test_duplicate_ids_in_one_library(lib_dir: Path) -> None:
    src = lib_dir / "personas" / "fixture-base.yaml"
    (lib_dir / "personas" / "zz-copy.yaml").write_text(src.read_text())
    assert messages(load(lib_dir)) == [
        f"personas/zz-copy.yaml:{line_of(src, 'id: fixture-base')}:5: duplicate persona id "
        "'fixture-base' (also in personas/fixture-base.yaml)"
    ]


def test_user_file_overrides_same_id(lib_dir: Path, tmp_path: Path) -> None:
    override = tmp_path / "mine"
    (override / "personas").mkdir(parents=True)
    text = (lib_dir / "personas" / "fixture-base.yaml").read_text()
    (override / "personas" / "mine.yaml").write_text(text.replace("Fran Fixture", "My Fran"))
    lib = Library.load([override], bundled=False, files=[])
    assert lib.personas["fixture-base"].item.name == "My Fran"


def test_env_library_is_read(lib_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DEESCALATE_LIBRARY", str(lib_dir))
    lib = Library.load([], bundled=False)
    assert "fixture-base" in lib.personas


def test_oversized_file_is_refused(lib_dir: Path) -> None:
    big = lib_dir / "personas" / "big.yaml"
    big.write_text("id: big\nbio: '" + "x" * (MAX_FILE_BYTES + 10) + "'\n")
    size = os.path.getsize(big)
    assert messages(load(lib_dir)) == [
        f"personas/big.yaml:1:1: file is {size:,} bytes; the limit is {MAX_FILE_BYTES:,}"
    ]


def test_yaml_tags_are_not_executed(lib_dir: Path) -> None:
    (lib_dir / "personas" / "evil.yaml").write_text(
        "id: !!python/object/apply:os.system ['echo pwned']\n"
    )
    lib = load(lib_dir)
    assert lib.problems, "an unsafe tag must be rejected, not executed"
    assert all(p.path == "personas/evil.yaml" for p in lib.problems)


def test_scenario_default_persona_must_exist(lib_dir: Path) -> None:
    scenario = lib_dir / "scenarios" / "fixture-billing.yaml"
    edit(scenario, "default_persona: fixture-base", "default_persona: ghost")
    assert messages(load(lib_dir)) == [
        f"scenarios/fixture-billing.yaml:{line_of(scenario, 'ghost')}:18: "
        "default_persona 'ghost' is not a persona in the library"
    ]


def test_scenario_personas_must_be_playable_personas(lib_dir: Path) -> None:
    scenario = lib_dir / "scenarios" / "fixture-billing.yaml"
    edit(
        scenario,
        "default_persona: fixture-base",
        "default_persona: fixture-base\npersonas:\n  - fixture-base\n  - ghost",
    )
    assert messages(load(lib_dir)) == [
        f"scenarios/fixture-billing.yaml:{line_of(scenario, '- ghost')}:5: "
        "personas lists 'ghost', which is not a persona in the library"
    ]


def test_scenario_personas_may_not_list_an_archetype(lib_dir: Path) -> None:
    persona = lib_dir / "personas" / "fixture-base.yaml"
    (lib_dir / "personas" / "fixture-kind.yaml").write_text(
        persona.read_text().replace("id: fixture-base", "id: fixture-kind\nabstract: true", 1)
    )
    scenario = lib_dir / "scenarios" / "fixture-billing.yaml"
    edit(
        scenario,
        "default_persona: fixture-base",
        "default_persona: fixture-base\npersonas: [fixture-kind]",
    )
    assert messages(load(lib_dir)) == [
        f"scenarios/fixture-billing.yaml:{line_of(scenario, 'personas: [')}:12: "
        "personas lists 'fixture-kind', an archetype; list playable personas"
    ]


def test_unknown_trigger_flag(lib_dir: Path) -> None:
    persona = lib_dir / "personas" / "fixture-base.yaml"
    edit(persona, "  - flag: calm_down", "  - flag: calm_dwn")
    (msg,) = messages(load(lib_dir))
    assert msg.startswith(
        f"personas/fixture-base.yaml:{line_of(persona, 'calm_dwn')}:5: triggers[0]: "
    )
    assert "unknown flag 'calm_dwn'" in msg


def test_lookup_errors_name_known_ids(lib_dir: Path) -> None:
    lib = load(lib_dir)
    with pytest.raises(UserError, match="unknown persona 'nope'; known: fixture-base"):
        lib.persona("nope")
    with pytest.raises(UserError, match="unknown scenario 'nope'; known: fixture-billing"):
        lib.scenario("nope")


def test_user_override_may_extend_the_persona_it_replaces(lib_dir: Path, tmp_path: Path) -> None:
    mine = tmp_path / "mine" / "personas"
    mine.mkdir(parents=True)
    (mine / "softer.yaml").write_text(
        "id: fixture-base\nextends: fixture-base\ntemperament:\n  anger: 4\n"
    )
    lib = Library.load([lib_dir, tmp_path / "mine"], bundled=False)
    assert messages(lib) == []
    persona = lib.personas["fixture-base"].item
    assert persona.temperament.anger == 4
    assert persona.name == "Fran Fixture"


def test_scenario_cannot_default_to_an_archetype(lib_dir: Path) -> None:
    persona = lib_dir / "personas" / "fixture-base.yaml"
    edit(persona, "id: fixture-base\n", "id: fixture-base\nabstract: true\n")
    scenario = lib_dir / "scenarios" / "fixture-billing.yaml"
    assert messages(load(lib_dir)) == [
        f"scenarios/fixture-billing.yaml:{line_of(scenario, 'default_persona')}:18: "
        "default_persona 'fixture-base' is an archetype; pick a playable persona"
    ]

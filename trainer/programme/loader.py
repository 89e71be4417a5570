"""Finding, loading and validating programme files.

Files are read with the library's own loader (`read_yaml`, `yaml_files`), so they share its
size limits and YAML safety, and every problem is `file:line:col: message`. The bundled
programme is bundled like the personas (`trainer.library.BUNDLED_PROGRAMMES`, the top-level
`programme/` folder in a checkout);
a trainer's own programmes sit in a `programme/` folder inside a library folder given with
`--library DIR` or `DEESCALATE_LIBRARY`, and override a bundled one with the same id.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError
from ruamel.yaml.comments import CommentedMap

from trainer.errors import Problem, UserError, display_path
from trainer.library import (
    BUNDLED_PROGRAMMES,
    Entry,
    Library,
    _plain,
    _position,
    is_programme,
    library_dirs,
    read_yaml,
    validation_problems,
    yaml_files,
)
from trainer.models.programme import Programme


@dataclass
class Programmes:
    """Every programme available, plus the problems found loading them."""

    programmes: dict[str, Entry[Programme]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    checked: int = 0
    """How many programme files were read."""

    def get(self, ident: str) -> Programme:
        """A programme by id, or a UserError naming the known ids."""
        if ident not in self.programmes:
            known = ", ".join(sorted(self.programmes)) or "none"
            raise UserError(f"unknown programme {ident!r}; known: {known}")
        return self.programmes[ident].item

    def default_id(self) -> str | None:
        """The id to use when none is given: the only programme, else None."""
        return next(iter(self.programmes)) if len(self.programmes) == 1 else None


def programme_files(paths: Sequence[Path]) -> list[Path]:
    """The programme files among files and folders given to `deescalate check`."""
    return _candidates(paths, sniff=True)


def _candidates(paths: Sequence[Path], *, sniff: bool) -> list[Path]:
    """Programme files among `paths` (folders searched); `sniff` skips personas and scenarios."""
    out: list[Path] = []
    for file in yaml_files(paths):
        if sniff and not is_programme(file):
            data, _ = read_yaml(file)
            if data is None or not is_programme(file, data):
                continue
        out.append(file)
    return out


def load_programmes(
    library: Library,
    extra_dirs: Sequence[Path] = (),
    *,
    bundled: bool = True,
    use_env: bool = True,
    files: Sequence[Path] = (),
) -> Programmes:
    """Load and validate programmes against `library` (bundled, then user folders, then files).

    Args:
        library: the personas and scenarios the drills must name.
        extra_dirs: user library folders (`--library`); their programme files override
            bundled ones with the same id.
        bundled: include the bundled `programme/` folder.
        use_env: also read the folders in `DEESCALATE_LIBRARY`.
        files: programme files named one by one (`deescalate check FILE`).
    """
    result = Programmes()
    layers: list[list[Path]] = []
    if bundled and BUNDLED_PROGRAMMES.is_dir():
        layers.append(_candidates([Path(str(BUNDLED_PROGRAMMES))], sniff=False))
    dirs = library_dirs(extra_dirs) if use_env else list(extra_dirs)
    layers.extend(_candidates([d], sniff=True) for d in dirs if d.exists())
    if files:
        layers.append([f for f in files if f.exists()])
    for layer in layers:
        seen: dict[str, Path] = {}
        for path in layer:
            result.checked += 1
            data, problems = read_yaml(path)
            result.problems.extend(problems)
            if data is None:
                continue
            entry = _validate(path, data, library, result.problems)
            if entry is None:
                continue
            ident = entry.item.id
            if ident in seen:
                line, col = _position(data, ["id"])
                result.problems.append(
                    Problem(
                        display_path(path),
                        line,
                        col,
                        f"duplicate programme id {ident!r} (also in {display_path(seen[ident])})",
                    )
                )
                continue
            seen[ident] = path
            result.programmes[ident] = entry  # a later layer overrides an earlier one
    return result


def _validate(
    path: Path, data: CommentedMap, library: Library, problems: list[Problem]
) -> Entry[Programme] | None:
    try:
        programme = Programme.model_validate(_plain(data))
    except ValidationError as exc:
        problems.extend(validation_problems(exc, [(path, data)]))
        return None
    found = drill_problems(path, data, programme, library)
    problems.extend(found)
    if found:
        return None
    # Name each drill's caller once, here, so matching calls to modules needs no library.
    for module in programme.modules:
        for drill in module.drills:
            if drill.persona is None:
                drill.persona = library.scenarios[drill.scenario].item.default_persona
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    origin = (
        "bundled"
        if path.resolve().is_relative_to(Path(str(BUNDLED_PROGRAMMES)).resolve())
        else "user"
    )
    return Entry(programme, path, origin, digest)


def drill_problems(
    path: Path, data: CommentedMap, programme: Programme, library: Library
) -> list[Problem]:
    """Drills that name a missing scenario or caller, go down in difficulty, or repeat a call
    another module already drills (a call must count for one module only)."""
    shown = display_path(path)
    problems: list[Problem] = []
    owner: dict[tuple[str, str], str] = {}
    for m, module in enumerate(programme.modules):
        hardest = 0
        for d, drill in enumerate(module.drills):
            where: list[int | str] = ["modules", m, "drills", d]
            entry = library.scenarios.get(drill.scenario)
            if entry is None:
                line, col = _position(data, [*where, "scenario"])
                problems.append(
                    Problem(shown, line, col, f"scenario {drill.scenario!r} is not in the library")
                )
                continue
            scenario = entry.item
            persona_id = drill.persona or scenario.default_persona
            person = library.personas.get(persona_id)
            if person is None or person.item.abstract:
                line, col = _position(data, [*where, "persona" if drill.persona else "scenario"])
                what = "an archetype; pick a playable persona" if person else "not in the library"
                problems.append(Problem(shown, line, col, f"persona {persona_id!r} is {what}"))
                continue
            if scenario.difficulty < hardest:
                line, col = _position(data, [*where, "scenario"])
                problems.append(
                    Problem(
                        shown,
                        line,
                        col,
                        f"scenario {drill.scenario!r} (difficulty {scenario.difficulty}) is "
                        f"easier than the drill before it (difficulty {hardest}); "
                        "list drills easiest first",
                    )
                )
            hardest = max(hardest, scenario.difficulty)
            pair = (drill.scenario, persona_id)
            if pair in owner:
                line, col = _position(data, [*where, "scenario"])
                problems.append(
                    Problem(
                        shown,
                        line,
                        col,
                        f"{drill.scenario} with {persona_id} already drills module "
                        f"{owner[pair]!r}; a call must count for one module, so pick "
                        "another caller",
                    )
                )
            owner.setdefault(pair, module.id)
    return problems

"""Finding, loading and validating persona and scenario files.

Bundled files ship inside the package (`trainer.bundled`, from the repository's top-level
`personas/` and `scenarios/` folders) and are read through importlib.resources; trainers add
their own with `--library DIR` or `DEESCALATE_LIBRARY` (colon-separated). A user file with the
same id as a bundled one overrides it. Every problem is reported as `file:line:col: message`.

Library folders may be shared (a network drive, a classroom folder), so reading is defensive:
only regular files are opened (never a device, pipe or socket, which could block or never
end), a symbolic link must stay inside its library folder, files are capped in size, and YAML
is parsed with limits on nesting and on the nodes its aliases expand to. Each refusal is one
`file:line:col` message, reached in well under a second.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, Generic, Literal, TypeVar

from pydantic import BaseModel, ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.composer import Composer, ComposerError
from ruamel.yaml.constructor import ConstructorError, RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import AliasEvent
from ruamel.yaml.reader import ReaderError

from trainer import bundled
from trainer.errors import Problem, UserError, display_path
from trainer.models import Persona, Scenario

MAX_FILE_BYTES = 256_000
"""Largest library file read (the biggest bundled file is under 7 kB)."""
MAX_DEPTH = 32
"""Deepest nesting of mappings and lists (bundled files need 5)."""
MAX_NODES = 5_000
"""Most YAML nodes in one file, every alias counted as the whole node it repeats (bundled
files have at most about 250). Bounds the work and memory of an alias bomb."""
YAML_SUFFIXES = frozenset({".yaml", ".yml"})
BUNDLED_PERSONAS = bundled.folder("personas")
BUNDLED_SCENARIOS = bundled.folder("scenarios")
BUNDLED_PROGRAMMES = bundled.folder("programme")
SCHEMA_DIR = bundled.folder("schemas")

Kind = Literal["persona", "scenario"]
T = TypeVar("T", bound=BaseModel)
Source = Path | Traversable
"""A library file or folder: a path on disk, or a resource inside the installed package."""


@dataclass
class Entry(Generic[T]):
    """A loaded item and where it came from."""

    item: T
    path: Path
    origin: str
    """`bundled` or `user`."""
    digest: str = ""
    """SHA-256 of the file (and of the files it extends), to tie records to content."""


@dataclass
class _Raw:
    """A parsed file before validation."""

    path: Path
    kind: Kind
    data: CommentedMap
    origin: str
    digest: str
    layer: int = 0
    """Bundled is 0, each user folder (in order) or file list a later layer that overrides."""


class _BoundedComposer(Composer):  # type: ignore[misc]
    """ruamel's composer with limits on nesting depth and on expanded size.

    Aliases share one node, so a few hundred bytes of nested aliases stand for billions of
    nodes once anything walks the data (validation, merging `extends`). The composer counts
    every node as it is built and every alias as the full size of the node it repeats, and
    stops at MAX_NODES; nesting stops at MAX_DEPTH, before Python's own recursion limit.
    """

    def __init__(self, loader: Any = None) -> None:
        super().__init__(loader)
        self._nesting = 0
        self._expanded = 0
        self._sizes: dict[int, int] = {}

    def _count(self, nodes: int, mark: Any) -> None:
        self._expanded += nodes
        if self._expanded > MAX_NODES:
            raise ComposerError(
                None,
                None,
                f"the file grows past {MAX_NODES:,} YAML nodes once its aliases are expanded; "
                "split it or repeat less through anchors and aliases",
                mark,
            )

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.parser.peek_event()
        if isinstance(event, AliasEvent):
            target = self.anchors.get(event.anchor)
            if target is not None:
                size = self._sizes.get(id(target))
                if size is None:
                    raise ComposerError(
                        None,
                        None,
                        f"alias *{event.anchor} repeats a node that contains it",
                        event.start_mark,
                    )
                self._count(size, event.start_mark)
            return super().compose_node(parent, index)
        self._nesting += 1
        if self._nesting > MAX_DEPTH:
            raise ComposerError(
                None, None, f"nested more than {MAX_DEPTH} levels deep", event.start_mark
            )
        before = self._expanded
        self._count(1, event.start_mark)
        node = super().compose_node(parent, index)
        self._nesting -= 1
        if node.anchor is not None:
            self._sizes[id(node)] = self._expanded - before
        return node


class _Constructor(RoundTripConstructor):  # type: ignore[misc]
    """Round-trip construction that reports a bad scalar (`!!int x`, a 5,000-digit number,
    `2026-13-45`) at its line and column instead of a bare Python error."""

    def construct_object(self, node: Any, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep=deep)
        except (ValueError, KeyError, TypeError, OverflowError) as exc:
            value = str(node.value) if isinstance(node.value, str) else ""
            shown = repr(value[:40] + ("..." if len(value) > 40 else ""))
            kind = str(node.tag).rsplit(":", 1)[-1] or "value"
            reason = str(exc).split(":")[0].split(";")[0].strip()
            raise ConstructorError(
                None,
                None,
                f"{shown} is not a valid {kind}" + (f" ({reason})" if reason else ""),
                node.start_mark,
            ) from None


def _yaml() -> YAML:
    # Round-trip mode builds only plain mappings, sequences and scalars (never arbitrary
    # objects) and keeps line/column positions for error messages.
    yaml = YAML(typ="rt")
    yaml.allow_duplicate_keys = False
    yaml.Composer = _BoundedComposer
    yaml.Constructor = _Constructor
    return yaml


def _line_col(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of character `index` in `text`."""
    before = text[:index]
    return before.count("\n") + 1, index - (before.rfind("\n") + 1) + 1


def read_bytes(source: Source, root: Path | None = None) -> tuple[bytes | None, list[Problem]]:
    """The bytes of one library file, or a problem saying why it is not read.

    Only a regular file is opened: a device (`/dev/zero`), pipe or socket is refused before
    anything could block or run forever. A symbolic link must resolve inside `root` (the
    library folder it was found in), so a link to a private file is never read or echoed.
    """
    if not isinstance(source, Path):
        data = source.read_bytes()
        shown = str(source)
        if len(data) > MAX_FILE_BYTES:
            return None, [_too_big(shown, len(data))]
        return data, []
    shown = display_path(source)
    try:
        info = os.lstat(source)
        if stat.S_ISLNK(info.st_mode):
            target = source.resolve(strict=True)
            if root is not None and not target.is_relative_to(root.resolve()):
                return None, [
                    Problem(
                        shown,
                        1,
                        1,
                        "a symbolic link that leads outside its library folder "
                        f"({display_path(root)}); copy the file into the folder instead",
                    )
                ]
            info = os.stat(source)
        if not stat.S_ISREG(info.st_mode):
            return None, [_not_regular(shown, info.st_mode)]
        # O_NONBLOCK: should the file be swapped for a pipe after the check, opening it still
        # returns at once, and the fstat below refuses it.
        fd = os.open(source, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except (OSError, RuntimeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else "link loop"
        return None, [Problem(shown, 1, 1, f"cannot read file: {reason}")]
    try:
        opened = os.fstat(fd)
        if not stat.S_ISREG(opened.st_mode):
            return None, [_not_regular(shown, opened.st_mode)]
        if opened.st_size > MAX_FILE_BYTES:
            return None, [_too_big(shown, opened.st_size)]
        chunks: list[bytes] = []
        total = 0
        while total <= MAX_FILE_BYTES:
            chunk = os.read(fd, MAX_FILE_BYTES + 1 - total)
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    except OSError as exc:
        return None, [Problem(shown, 1, 1, f"cannot read file: {exc.strerror}")]
    finally:
        os.close(fd)
    if total > MAX_FILE_BYTES:
        return None, [_too_big(shown, total)]
    return b"".join(chunks), []


def _too_big(shown: str, size: int) -> Problem:
    return Problem(shown, 1, 1, f"file is {size:,} bytes; the limit is {MAX_FILE_BYTES:,}")


def _not_regular(shown: str, mode: int) -> Problem:
    what = (
        "a folder"
        if stat.S_ISDIR(mode)
        else "a pipe"
        if stat.S_ISFIFO(mode)
        else "a device"
        if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
        else "a socket"
        if stat.S_ISSOCK(mode)
        else "not a regular file"
    )
    return Problem(shown, 1, 1, f"{what}, not a YAML file; give a regular .yaml file")


def parse_yaml(raw: bytes, shown: str) -> tuple[CommentedMap | None, list[Problem]]:
    """Parse the bytes of one file into a mapping, or return problems at file:line:col."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, [Problem(shown, line, col, f"not UTF-8 text (byte {exc.start})")]
    try:
        data = _yaml().load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = (exc.problem or exc.context or "invalid YAML").strip()
        return None, [Problem(shown, line, col, f"invalid YAML: {what}")]
    except ReaderError as exc:
        line, col = _line_col(text, exc.position) if isinstance(exc.position, int) else (1, 1)
        code = exc.character if isinstance(exc.character, int) else 0
        return None, [
            Problem(shown, line, col, f"invalid YAML: character U+{code:04X}: {exc.reason}")
        ]
    except YAMLError as exc:
        return None, [Problem(shown, 1, 1, f"invalid YAML: {exc}")]
    if not isinstance(data, CommentedMap):
        return None, [Problem(shown, 1, 1, "expected a mapping of keys at the top of the file")]
    return data, []


def read_yaml(path: Source, root: Path | None = None) -> tuple[CommentedMap | None, list[Problem]]:
    """Read and parse one YAML file into a mapping, or return problems naming file and line."""
    raw, problems = read_bytes(path, root)
    if raw is None:
        return None, problems
    return parse_yaml(raw, display_path(path) if isinstance(path, Path) else str(path))


def _position(data: Any, loc: Sequence[int | str], *, key: bool = False) -> tuple[int, int]:
    """1-based line and column of the node at `loc` (or of its key), nearest known ancestor."""
    node = data
    line, col = 1, 1
    for i, part in enumerate(loc):
        last = i == len(loc) - 1
        if isinstance(node, CommentedMap) and part in node:
            pos = node.lc.key(part) if (key and last) else node.lc.value(part)
            line, col = pos[0] + 1, pos[1] + 1
            node = node[part]
        elif isinstance(node, CommentedSeq) and isinstance(part, int) and 0 <= part < len(node):
            pos = node.lc.item(part)
            line, col = pos[0] + 1, pos[1] + 1
            node = node[part]
        else:
            break
    return line, col


def _dotted(loc: Sequence[int | str]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + part
    return out or "file"


def _describe(err: Any) -> str:
    """Turn one pydantic error into a message a trainer can act on."""
    loc = [p for p in err["loc"] if not (isinstance(p, str) and p.startswith("function-"))]
    where = _dotted(loc)
    kind = err["type"]
    ctx = err.get("ctx") or {}
    got = err.get("input")
    shown = repr(got) if isinstance(got, str) else got
    if kind == "missing":
        return f"missing required field `{where}`"
    if kind == "extra_forbidden":
        return f"unknown key `{where}`"
    if kind in {"less_than_equal", "less_than", "greater_than_equal", "greater_than"}:
        op = {
            "less_than_equal": "<=",
            "less_than": "<",
            "greater_than_equal": ">=",
            "greater_than": ">",
        }[kind]
        bound = next(iter(ctx.values())) if ctx else "?"
        if isinstance(bound, float) and bound.is_integer():
            bound = int(bound)
        return f"{where} must be {op} {bound} (got {shown})"
    if kind in {"too_short", "too_long"}:
        return f"{where}: {err['msg'].lower()}"
    if kind in {"string_too_short", "string_too_long"}:
        return f"{where}: {err['msg'].lower()}"
    if kind.endswith("_type") or kind.endswith("_parsing"):
        return f"{where} {err['msg'].lower().replace('input should', 'should')} (got {shown})"
    if kind == "literal_error":
        return f"{where} {err['msg'].lower().replace('input should', 'should')} (got {shown})"
    if kind == "string_pattern_mismatch":
        return f"{where} {shown} has characters that are not allowed (use a-z, 0-9, - and _)"
    if kind == "value_error":
        msg = str(ctx.get("error", err["msg"])).removeprefix("Value error, ")
        return f"{where}: {msg}"
    return f"{where}: {err['msg']}"


def validation_problems(
    exc: ValidationError, sources: list[tuple[Path, CommentedMap]]
) -> list[Problem]:
    """Map pydantic errors to positions, looking in the file that defined each key."""
    problems = []
    for err in exc.errors(include_url=False):
        loc = [p for p in err["loc"] if not (isinstance(p, str) and p.startswith("function-"))]
        path, data = sources[0]
        # Inherited keys: report the file (child first, then ancestors) that holds the key.
        for cand_path, cand_data in sources:
            if _has(cand_data, loc[:1]):
                path, data = cand_path, cand_data
                break
        line, col = _position(data, loc, key=err["type"] == "extra_forbidden")
        problems.append(Problem(display_path(path), line, col, _describe(err)))
    return problems


def _has(data: Any, loc: Sequence[int | str]) -> bool:
    node = data
    for part in loc:
        if isinstance(node, CommentedMap) and part in node:
            node = node[part]
        else:
            return False
    return True


def is_programme(path: Path, data: CommentedMap | None = None) -> bool:
    """Whether a file is a training programme (`trainer.programme` loads those, not this)."""
    if path.parent.name.lower().startswith("programme"):
        return True
    return data is not None and "modules" in data and "lines" not in data


def _sniff_kind(path: Path, data: CommentedMap) -> Kind:
    parent = path.parent.name.lower()
    if parent.startswith("scenario"):
        return "scenario"
    if parent.startswith("persona"):
        return "persona"
    return "scenario" if ("brief" in data or "opening" in data) else "persona"


def _merge(parent: dict[str, Any], child: dict[str, Any]) -> dict[str, Any]:
    """Child keys override parent keys; nested mappings merge, lists replace."""
    out: dict[str, Any] = {}
    for key, value in parent.items():
        out[key] = value
    for key, value in child.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out


def _plain(node: Any) -> Any:
    if isinstance(node, dict):
        return {str(k): _plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_plain(v) for v in node]
    return node


def library_files(source: Source) -> Iterator[tuple[Source, Path | None]]:
    """Every .yaml/.yml file in a file or folder, sorted, each with the library folder it
    belongs to (a symbolic link must stay inside that folder)."""
    if not isinstance(source, Path):
        yield from _resource_files(source, None)
    elif source.is_dir():
        for path in sorted(source.rglob("*")):
            if path.suffix in YAML_SUFFIXES:
                yield path, source
    else:
        yield source, source.parent


def _resource_files(folder: Traversable, root: Path | None) -> Iterator[tuple[Source, Path | None]]:
    for child in sorted(folder.iterdir(), key=lambda c: c.name):
        here = root or (child.parent if isinstance(child, Path) else None)
        if child.is_dir():
            yield from _resource_files(child, here)
        elif Path(child.name).suffix in YAML_SUFFIXES:
            yield child, here


def yaml_files(paths: Iterable[Source]) -> Iterable[Path]:
    """Every .yaml/.yml file in the given files and folders (or bundled resources), sorted."""
    for path in paths:
        for found, _root in library_files(path):
            yield found if isinstance(found, Path) else Path(str(found))


def _exists(source: Source) -> bool:
    return source.exists() if isinstance(source, Path) else source.is_dir() or source.is_file()


def _shown(source: Source) -> str:
    return display_path(source) if isinstance(source, Path) else str(source)


def library_dirs(extra: Sequence[Path] = ()) -> list[Path]:
    """User library directories: `DEESCALATE_LIBRARY` (colon-separated), then `--library`."""
    dirs: list[Path] = []
    env = os.environ.get("DEESCALATE_LIBRARY", "")
    dirs.extend(Path(p).expanduser() for p in env.split(os.pathsep) if p.strip())
    dirs.extend(Path(p).expanduser() for p in extra)
    return dirs


@dataclass
class Library:
    """All personas and scenarios available, plus the problems found loading them."""

    personas: dict[str, Entry[Persona]] = field(default_factory=dict)
    scenarios: dict[str, Entry[Scenario]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    _unparsed: int = 0
    _stacks: dict[str, list[_Raw]] = field(default_factory=dict)

    @classmethod
    def load(
        cls,
        extra_dirs: Sequence[Path] = (),
        *,
        bundled: bool = True,
        use_env: bool = True,
        files: Sequence[Path] = (),
    ) -> Library:
        """Load the bundled library, then user directories (which override by id), then files.

        `files` may name folders too; each file's library folder (for the symbolic-link
        rule) is the folder it was found in, or its own folder when named directly.
        """
        raws: list[_Raw] = []
        problems: list[Problem] = []
        layers: list[tuple[str, list[Source]]] = []
        if bundled:
            layers.append(("bundled", [BUNDLED_PERSONAS, BUNDLED_SCENARIOS]))
        user_dirs = list(library_dirs(extra_dirs) if use_env else extra_dirs)
        layers.extend(("user", [d]) for d in user_dirs)
        if files:
            layers.append(("user", list(files)))
        for layer, (origin, sources) in enumerate(layers):
            for source in sources:
                if not _exists(source):
                    message = (
                        "no such file or directory"
                        if origin == "user"
                        else "the bundled library folder is missing; reinstall deescalate"
                    )
                    problems.append(Problem(_shown(source), 1, 1, message))
                    continue
                for file, root in library_files(source):
                    path = file if isinstance(file, Path) else Path(str(file))
                    if is_programme(path):
                        continue  # trainer.programme loads and reports on these
                    raw, found = read_bytes(file, root)
                    data = None
                    if raw is not None:
                        data, found = parse_yaml(raw, _shown(file))
                    problems.extend(found)
                    if data is None or is_programme(path, data):
                        continue
                    digest = hashlib.sha256(raw or b"").hexdigest()
                    raws.append(_Raw(path, _sniff_kind(path, data), data, origin, digest, layer))
        lib = cls(problems=problems)
        # A file that is not even YAML hides its id; then a "missing" default persona may
        # well be in it, so that follow-on message is left out.
        lib._unparsed = len(problems)
        lib._build(raws)
        return lib

    def _build(self, raws: list[_Raw]) -> None:
        by_kind: dict[Kind, dict[str, _Raw]] = {"persona": {}, "scenario": {}}
        self._stacks: dict[str, list[_Raw]] = {}
        for raw in raws:
            ident = raw.data.get("id")
            if not isinstance(ident, str):
                continue  # validation below reports the missing or wrong id
            table = by_kind[raw.kind]
            if ident in table:
                prev = table[ident]
                if prev.layer == raw.layer and prev.path != raw.path:
                    line, col = _position(raw.data, ["id"])
                    self.problems.append(
                        Problem(
                            display_path(raw.path),
                            line,
                            col,
                            f"duplicate {raw.kind} id {ident!r} (also in {display_path(prev.path)})",
                        )
                    )
                    continue
            table[ident] = raw  # a later layer (user) overrides an earlier one (bundled)
            if raw.kind == "persona":
                self._stacks.setdefault(ident, []).append(raw)
        chosen = set(map(id, by_kind["persona"].values())) | set(
            map(id, by_kind["scenario"].values())
        )
        for raw in raws:
            if id(raw) not in chosen and not isinstance(raw.data.get("id"), str):
                self._validate_alone(raw)
        for ident, raw in by_kind["persona"].items():
            self._load_persona(ident, raw, by_kind["persona"])
        for ident, raw in by_kind["scenario"].items():
            self._load_scenario(ident, raw)
        for ident, entry in self.scenarios.items():
            wanted = entry.item.default_persona
            message = ""
            if wanted in self.personas and self.personas[wanted].item.abstract:
                message = f"default_persona {wanted!r} is an archetype; pick a playable persona"
            elif wanted not in by_kind["persona"] and not self._unparsed:
                message = f"default_persona {wanted!r} is not a persona in the library"
            raw = by_kind["scenario"][ident]
            if message:
                line, col = _position(raw.data, ["default_persona"])
                self.problems.append(Problem(display_path(raw.path), line, col, message))
            for index, other in enumerate(entry.item.personas):
                if other in self.personas and self.personas[other].item.abstract:
                    message = f"personas lists {other!r}, an archetype; list playable personas"
                elif other not in by_kind["persona"] and not self._unparsed:
                    message = f"personas lists {other!r}, which is not a persona in the library"
                else:
                    continue
                line, col = _position(raw.data, ["personas", index])
                self.problems.append(Problem(display_path(raw.path), line, col, message))

    def _validate_alone(self, raw: _Raw) -> None:
        model: type[BaseModel] = Persona if raw.kind == "persona" else Scenario
        try:
            model.model_validate(_plain(raw.data))
        except ValidationError as exc:
            self.problems.extend(validation_problems(exc, [(raw.path, raw.data)]))

    def _chain(self, raw: _Raw, table: dict[str, _Raw]) -> list[_Raw] | None:
        """The file and its ancestors (child first), or None after reporting a problem."""
        chain = [raw]
        seen = {id(raw)}
        node = raw
        while "extends" in node.data and node.data["extends"] is not None:
            parent_id = node.data["extends"]
            line, col = _position(node.data, ["extends"])
            where = display_path(node.path)
            if not isinstance(parent_id, str) or parent_id not in table:
                self.problems.append(
                    Problem(where, line, col, f"extends unknown persona {parent_id!r}")
                )
                return None
            parent = table[parent_id]
            if parent_id == node.data.get("id"):
                # A user file that extends the bundled persona it overrides (same id).
                stack = self._stacks.get(parent_id, [])
                below = [r for r in stack[: stack.index(node)]] if node in stack else []
                if below:
                    parent = below[-1]
            if id(parent) in seen:
                names = " -> ".join(str(r.data.get("id")) for r in chain) + f" -> {parent_id}"
                line, col = _position(raw.data, ["extends"])
                where = display_path(raw.path)
                self.problems.append(Problem(where, line, col, f"extends cycle: {names}"))
                return None
            seen.add(id(parent))
            node = parent
            chain.append(node)
        return chain

    def _load_persona(self, ident: str, raw: _Raw, table: dict[str, _Raw]) -> None:
        chain = self._chain(raw, table)
        if chain is None:
            return
        merged: dict[str, Any] = {}
        for node in reversed(chain):
            merged = _merge(merged, _plain(node.data))
        merged["extends"] = raw.data.get("extends")
        merged["abstract"] = bool(raw.data.get("abstract", False))
        try:
            persona = Persona.model_validate(merged)
        except ValidationError as exc:
            self.problems.extend(validation_problems(exc, [(n.path, n.data) for n in chain]))
            return
        digest = hashlib.sha256("".join(n.digest for n in chain).encode()).hexdigest()
        self.personas[ident] = Entry(persona, raw.path, raw.origin, digest)

    def _load_scenario(self, ident: str, raw: _Raw) -> None:
        try:
            scenario = Scenario.model_validate(_plain(raw.data))
        except ValidationError as exc:
            self.problems.extend(validation_problems(exc, [(raw.path, raw.data)]))
            return
        self.scenarios[ident] = Entry(scenario, raw.path, raw.origin, raw.digest)

    # Lookups -----------------------------------------------------------------------------

    def playable_personas(self) -> list[Entry[Persona]]:
        """Personas that can be played (archetypes excluded), sorted by id."""
        return [e for _, e in sorted(self.personas.items()) if not e.item.abstract]

    def persona(self, ident: str) -> Persona:
        """A persona by id, or a UserError naming the known ids."""
        if ident not in self.personas:
            known = ", ".join(e.item.id for e in self.playable_personas())
            raise UserError(f"unknown persona {ident!r}; known: {known}")
        return self.personas[ident].item

    def scenario(self, ident: str) -> Scenario:
        """A scenario by id, or a UserError naming the known ids."""
        if ident not in self.scenarios:
            known = ", ".join(sorted(self.scenarios))
            raise UserError(f"unknown scenario {ident!r}; known: {known}")
        return self.scenarios[ident].item


DEFAULT_SCENARIO = "double-billed"

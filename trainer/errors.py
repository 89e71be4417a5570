"""One error type for everything a user can fix: it carries the file, line and column."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from trainer.textsafe import clean, clean_line


@dataclass(frozen=True)
class Problem:
    """A problem in a file, printed as `file:line:col: message` (line and column 1-based)."""

    path: str
    line: int
    col: int
    message: str

    def __str__(self) -> str:
        # Messages quote file content (an unknown key, a bad value): one line, no controls.
        return clean_line(f"{self.path}:{self.line}:{self.col}: {self.message}")


class UserError(Exception):
    """An error caused by input the user can correct; the CLI prints it without a traceback."""

    def __str__(self) -> str:
        # Messages may quote what the user gave (a name, an id); keep it off the terminal's
        # control channel.
        return clean(super().__str__())


class LoadError(UserError):
    """A library file could not be loaded; holds one or more problems."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def display_path(path: Path) -> str:
    """A path relative to the working directory when possible, for messages.

    Symbolic links are not followed: a message names the link a user can see, not where it
    points (which may be a file they should not learn about).
    """
    absolute = Path(os.path.abspath(path))
    try:
        return str(absolute.relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)

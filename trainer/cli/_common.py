"""Options and output helpers shared by the command modules."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from trainer.errors import LoadError
from trainer.library import Library


def add_library_option(parser: argparse.ArgumentParser) -> None:
    """`--library DIR` (repeatable): extra persona/scenario folders that override bundled ids."""
    parser.add_argument(
        "--library",
        action="append",
        type=Path,
        default=[],
        metavar="DIR",
        help="extra folder of persona/scenario YAML files (repeatable; also DEESCALATE_LIBRARY)",
    )


def load_library(args: argparse.Namespace, *, strict: bool = True) -> Library:
    """Load the library for a command; with `strict`, any problem stops the command."""
    lib = Library.load(getattr(args, "library", []) or [])
    if strict and lib.problems:
        raise LoadError(lib.problems)
    return lib


def print_json(data: Any) -> None:
    """Print JSON to stdout, one document, UTF-8 kept readable."""
    json.dump(data, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")


def print_table(rows: list[list[str]], headers: list[str]) -> None:
    """A plain aligned table for terminals and pipes alike."""
    widths = [len(h) for h in headers]
    for row in rows:
        widths = [max(w, len(c)) for w, c in zip(widths, row, strict=True)]
    line = "  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True))
    print(line.rstrip())
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())

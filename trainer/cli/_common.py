"""Options and output helpers shared by the command modules."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

from trainer.errors import LoadError, UserError
from trainer.library import Library
from trainer.textsafe import clean_line, json_text


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


def utf8_arg(value: str, option: str) -> str:
    """A command-line value as text, or a UserError when its bytes are not UTF-8.

    Python hands undecodable argument bytes over as lone surrogates, which crash the first
    print or database write that meets them; refusing them here names the option instead.
    """
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raw = os.fsencode(value)
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise UserError(
                f"{option} is not UTF-8 text (byte {exc.start + 1} is 0x{raw[exc.start]:02x}); "
                "set your terminal to UTF-8 or retype it"
            ) from None
        return raw.decode("utf-8")
    return value


def json_dumps(data: Any, *, indent: int | None = None) -> str:
    """Strict JSON text: no NaN or Infinity, UTF-8 kept readable, terminal controls escaped.

    Raises ValueError for a non-finite number, which no JSON reader accepts.
    """
    return json_text(json.dumps(data, indent=indent, ensure_ascii=False, allow_nan=False))


def write_text(text: str) -> None:
    """Write to stdout; a lone surrogate (from undecodable input) becomes a `\\udXXX` escape,
    which inside a JSON string is exactly JSON's own spelling of it, instead of a crash."""
    sys.stdout.write(text.encode("utf-8", "backslashreplace").decode("utf-8"))


def print_json(data: Any) -> None:
    """Print JSON to stdout, one document, UTF-8 kept readable."""
    write_text(json_dumps(data, indent=2) + "\n")


def print_table(rows: list[list[str]], headers: list[str]) -> None:
    """A plain aligned table for terminals and pipes alike (one line per row, no controls)."""
    rows = [[clean_line(c) for c in row] for row in rows]
    widths = [len(h) for h in headers]
    for row in rows:
        widths = [max(w, len(c)) for w, c in zip(widths, row, strict=True)]
    line = "  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True))
    print(line.rstrip())
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())

"""`deescalate grade`: grade trainee replies from JSON Lines, or one reply with `--text`."""

from __future__ import annotations

import argparse
import codecs
import json
import math
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO, cast

from trainer.cli._common import (
    add_library_option,
    json_dumps,
    load_library,
    print_table,
    utf8_arg,
    write_text,
)
from trainer.errors import UserError
from trainer.models.grade import STEPS, Step
from trainer.textsafe import clean_line

ORDER = 40
BATCH = 64
MAX_LINE_BYTES = 1_000_000
"""Longest input line read; a reply is graded on its first 4,000 characters anyway."""
VERDICT_TEXT = {"pass": "pass", "fail": "FAIL", "not_due": "not graded"}
"""How --text shows a verdict (a reply judged alone needs every step, so a step is left
ungraded only when the grader judged none: a reply not in English)."""


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = subparsers.add_parser(
        "grade",
        help="grade replies on the four steps (JSON Lines in, JSON Lines out)",
        description="Read JSON Lines from --input or stdin, one object per line: "
        '{"id": any, "reply": str, "customer": str?, "customer_name": str?, '
        '"previous_replies": [str]?, "scenario": id?, "due": [step]?}. "due" lists the steps '
        "the call needs on this reply (default all four); the others count only if the reply "
        "commits a failure of them. Write one JSON line per input line, in order. With --text, "
        "grade one reply and print a table.",
    )
    p.add_argument(
        "--input", "-i", type=Path, metavar="FILE", help="JSON Lines file (default stdin)"
    )
    p.add_argument("--text", metavar="REPLY", help="grade this one reply and print a table")
    p.add_argument("--customer", default="", help="with --text: the customer's last line")
    p.add_argument("--name", default="", help="with --text: how the customer is addressed")
    p.add_argument("--scenario", default=None, help="with --text: scenario id (allowed remedies)")
    p.add_argument(
        "--lexical-only",
        action="store_true",
        help="grade with the rules alone (no embedding model or trained heads)",
    )
    add_library_option(p)
    p.set_defaults(handler=grade_cmd)


def grade_cmd(args: argparse.Namespace) -> int:
    from trainer.grading import get_grader

    if args.text is not None:
        for option in ("text", "customer", "name"):
            setattr(args, option, utf8_arg(getattr(args, option), f"--{option}"))
        if not args.text.strip():
            raise UserError(
                '--text is empty: give the reply to grade, e.g. --text "I\'m so sorry."'
            )
        return _grade_text(args)
    if args.input is not None:
        try:
            stream: BinaryIO = args.input.open("rb")
        except OSError as exc:
            raise UserError(f"cannot read {args.input}: {exc.strerror}") from exc
        label = str(args.input)
    else:
        stream = sys.stdin.buffer
        label = "input"
    grader = get_grader(lexical_only=args.lexical_only or None)
    library = None
    failed = False
    needed: dict[int, frozenset[Step]] = {}
    """The steps each line's call needs (its "due"), by line number."""
    try:
        pending: list[tuple[int, Any, str, Any]] = []
        for number, raw in _lines(stream):
            if raw is not None and not raw.strip():
                continue
            parsed, error = _parse(raw, first=number == 1)
            if error is None and parsed.get("scenario") is not None:
                if library is None:
                    library = load_library(args)
                sid = parsed["scenario"]
                if not isinstance(sid, str) or sid not in library.scenarios:
                    error = f"unknown scenario {sid!r}"
            if error is not None:
                failed = True
                pending.append((number, None, "", error))
            else:
                pending.append(
                    (number, parsed.get("id"), parsed["reply"], _context(parsed, library))
                )
                needed[number] = _needed(parsed)
            if len(pending) >= BATCH:
                _flush(grader, pending, label, needed)
                pending = []
        _flush(grader, pending, label, needed)
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()
    return 1 if failed else 0


def _lines(stream: BinaryIO) -> Iterator[tuple[int, bytes | None]]:
    """Numbered lines as bytes; a line past MAX_LINE_BYTES is skipped whole and given as None.

    Reading in bounded pieces keeps a newline-free stream (`--input /dev/zero`) from growing
    one line without end.
    """
    number = 0
    while True:
        line = stream.readline(MAX_LINE_BYTES + 1)
        if not line:
            return
        number += 1
        if len(line) > MAX_LINE_BYTES and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):
                line = stream.readline(MAX_LINE_BYTES)
            yield number, None
            continue
        yield number, line


class _NotFinite(ValueError):
    """A JSON number no JSON reader can take back (1e999, NaN, Infinity)."""


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise _NotFinite(f"number {text[:20]} is out of range")
    return value


def _no_constant(name: str) -> Any:
    raise _NotFinite(f"{name} is not JSON")


def _parse(raw: bytes | None, *, first: bool = False) -> tuple[dict[str, Any], str | None]:
    if raw is None:
        return {}, f"line is longer than {MAX_LINE_BYTES:,} bytes"
    if first and raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8) :]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return {}, f"not UTF-8 text (byte {exc.start + 1} is 0x{raw[exc.start]:02x})"
    try:
        data = json.loads(text, parse_float=_finite, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        return {}, f"not valid JSON: {exc.msg} (column {exc.colno})"
    except _NotFinite as exc:
        return {}, f"not valid JSON: {exc}"
    except ValueError as exc:  # an integer of thousands of digits
        return {}, f"not valid JSON: {str(exc).split(':')[0]}"
    except RecursionError:
        return {}, "not valid JSON: nested too deeply"
    if not isinstance(data, dict):
        return {}, f"expected a JSON object, got {type(data).__name__}"
    if "reply" not in data:
        return {}, 'missing "reply"'
    if not isinstance(data["reply"], str):
        return {}, '"reply" must be a string'
    for key in ("customer", "customer_name"):
        if key in data and data[key] is not None and not isinstance(data[key], str):
            return {}, f'"{key}" must be a string'
    prev = data.get("previous_replies")
    if prev is not None and (
        not isinstance(prev, list) or not all(isinstance(x, str) for x in prev)
    ):
        return {}, '"previous_replies" must be a list of strings'
    due = data.get("due")
    if due is not None and (
        not isinstance(due, list) or not all(isinstance(x, str) and x in STEPS for x in due)
    ):
        return {}, f'"due" must be a list of steps from {", ".join(STEPS)}'
    return data, None


def _needed(data: dict[str, Any]) -> frozenset[Step]:
    """The steps the line says its call needs; every step when it does not say."""
    due = data.get("due")
    return frozenset(STEPS) if due is None else frozenset(cast(list[Step], due))


def _context(data: dict[str, Any], library: Any) -> Any:
    from trainer.models.grade import GradeContext

    scenario = library.scenario(data["scenario"]) if data.get("scenario") is not None else None
    return GradeContext(
        customer=data.get("customer") or "",
        customer_name=data.get("customer_name") or "",
        previous_replies=list(data.get("previous_replies") or []),
        scenario=scenario,
    )


def _flush(
    grader: Any,
    pending: list[tuple[int, Any, str, Any]],
    label: str,
    needed: dict[int, frozenset[Step]],
) -> None:
    from trainer.grading.due import apply_due

    good = [(i, p) for i, p in enumerate(pending) if not isinstance(p[3], str)]
    grades = grader.grade_many([p[2] for _, p in good], [p[3] for _, p in good]) if good else []
    by_index = {
        i: apply_due(g, needed.pop(p[0]), p[2]) for (i, p), g in zip(good, grades, strict=True)
    }
    lines = []
    for i, (number, ident, _reply, ctx) in enumerate(pending):
        if isinstance(ctx, str):
            print(clean_line(f"{label}:{number}: {ctx}"), file=sys.stderr)
            out: dict[str, Any] = {"line": number, "error": ctx}
        else:
            out = {"id": ident, **by_index[i].to_public()}
        lines.append(json_dumps(out))
    write_text("".join(line + "\n" for line in lines))
    sys.stdout.flush()


def _grade_text(args: argparse.Namespace) -> int:
    from trainer.grading import get_grader
    from trainer.grading.due import ALL_DUE, apply_due
    from trainer.models.grade import STEP_TITLES, GradeContext

    scenario = load_library(args).scenario(args.scenario) if args.scenario else None
    ctx = GradeContext(customer=args.customer, customer_name=args.name, scenario=scenario)
    grader = get_grader(lexical_only=args.lexical_only or None)
    grade = apply_due(grader.grade(args.text, ctx), ALL_DUE, args.text)
    rows = []
    for step in STEPS:
        v = grade.step(step)
        rows.append(
            [
                f"{step} ({STEP_TITLES[step]})",
                VERDICT_TEXT[v.verdict],
                f"{v.score:.2f}",
                " | ".join(v.evidence),
                v.advice,
            ]
        )
    print_table(rows, ["step", "verdict", "score", "evidence", "advice"])
    print()
    print(
        f"passed: {grade.passed_steps} of 4"
        + ("  (lexical rules only)" if grader.lexical_only else "")
    )
    print(f"flags: {', '.join(grade.flags) if grade.flags else '(none)'}")
    print(f"suggested: {grade.suggested}")
    return 0

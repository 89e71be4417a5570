"""Issue 13, item 2: `grade` reads bytes, reports each bad line and grades the rest; its
output is strict JSON whatever the input held."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from hardening_support import assert_refused, deescalate


def strict(line: str) -> Any:
    """Parse one output line as JSON that any reader accepts (no NaN or Infinity)."""

    def refuse(name: str) -> None:
        raise AssertionError(f"{name} is not JSON: {line}")

    return json.loads(line, parse_constant=refuse)


def reply(ident: int, text: str = "I'm so sorry. What can I do?") -> bytes:
    return json.dumps({"id": ident, "reply": text}).encode() + b"\n"


def test_one_undecodable_byte_loses_only_its_own_line() -> None:
    lines = [reply(i) for i in range(1, 202)]
    lines[99] = b'{"id": 100, "reply": "I\xff am so sorry"}\n'
    run = deescalate("grade", stdin=b"".join(lines))
    assert_refused(run, r"^input:100: not UTF-8 text \(byte 24 is 0xff\)$")
    rows = [strict(line) for line in run.stdout.splitlines()]
    assert len(rows) == 201
    assert rows[99] == {"line": 100, "error": "not UTF-8 text (byte 24 is 0xff)"}
    assert [r["id"] for r in rows if "id" in r] == [i for i in range(1, 202) if i != 100]


def test_an_undecodable_file_given_with_input_is_read_the_same_way(tmp_path: Path) -> None:
    path = tmp_path / "replies.jsonl"
    path.write_bytes(reply(1) + b'{"id": 2, "reply": "caf\xe9"}\n' + reply(3))
    run = deescalate("grade", "--input", str(path))
    assert_refused(run, rf"^{path}:2: not UTF-8 text")
    assert [strict(line).get("id") for line in run.stdout.splitlines()] == [1, None, 3]


def test_text_with_an_undecodable_byte_is_one_clear_line() -> None:
    run = deescalate("grade", "--text", b"I\xff am so sorry")
    assert_refused(run, r"^deescalate: --text is not UTF-8 text \(byte 2 is 0xff\)")
    assert run.stdout == ""


def test_customer_and_name_with_undecodable_bytes_are_refused_too() -> None:
    run = deescalate("grade", "--text", "Sorry.", "--name", b"Mr \xe9")
    assert_refused(run, r"^deescalate: --name is not UTF-8 text")


def test_numbers_json_cannot_carry_are_errors_and_the_output_stays_strict() -> None:
    stdin = b"".join(
        [
            b'{"id": 1e999, "reply": "Sorry."}\n',
            b'{"id": NaN, "reply": "Sorry."}\n',
            b'{"id": -Infinity, "reply": "Sorry."}\n',
            b'{"id": ' + b"9" * 5000 + b', "reply": "Sorry."}\n',
            b"[" * 100_000 + b"\n",
            reply(6),
        ]
    )
    run = deescalate("grade", stdin=stdin)
    assert run.code == 1 and "Traceback" not in run.output, run.describe()
    rows = [strict(line) for line in run.stdout.splitlines()]
    assert [r.get("line") for r in rows] == [1, 2, 3, 4, 5, None]
    assert rows[0]["error"] == "not valid JSON: number 1e999 is out of range"
    assert rows[1]["error"] == "not valid JSON: NaN is not JSON"
    assert rows[2]["error"] == "not valid JSON: -Infinity is not JSON"
    assert rows[3]["error"].startswith("not valid JSON: Exceeds the limit")
    assert rows[4]["error"] == "not valid JSON: nested too deeply"
    assert rows[5]["id"] == 6
    assert run.cpu < 2.0, run.describe()


def test_lone_surrogates_and_terminal_controls_come_out_as_json_escapes() -> None:
    stdin = b'{"id": "\\ud800\\u009b[31m\\u202e", "reply": "Sorry \\u0000 \\u001b[2J"}\n'
    run = deescalate("grade", stdin=stdin)
    assert run.code == 0 and "Traceback" not in run.output, run.describe()
    raw = run.stdout
    for char in ("\x00", "\x1b", "\x9b", "\u202e"):
        assert char not in raw
    assert strict(raw)["id"] == "\ud800\u009b[31m\u202e"

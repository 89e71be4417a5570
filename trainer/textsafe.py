"""Text that leaves the program for a terminal or a spreadsheet.

Trainee names, replies and library files are typed by people and may carry bytes a terminal
obeys (ESC starts a control sequence that can retitle the window, move the cursor or hide
text; BEL rings) or a cell a spreadsheet runs as a formula (`=HYPERLINK(...)`). Every
plain-text output passes its user-supplied text through here once, at the point it is
printed or written.
"""

from __future__ import annotations

import re

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""C0 controls except tab and newline, DEL, C1 controls, and the bidirectional overrides and
isolates that reorder how a line displays."""
_BREAKS = re.compile("[\t\n\x0b\x0c\r\x85\u2028\u2029]+")
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""Characters JSON allows raw inside a string that a terminal may still act on."""
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""A spreadsheet reads a cell starting with one of these as a formula (OWASP's list)."""


def clean(text: str) -> str:
    """`text` without control characters; line breaks and tabs stay (for multi-line output)."""
    return _CONTROL.sub("", text.replace("\r\n", "\n"))


def clean_line(text: str) -> str:
    """`text` on one line: control characters dropped, any line break or tab a space."""
    return _CONTROL.sub("", _BREAKS.sub(" ", text))


def csv_cell(text: str) -> str:
    """A text cell safe to open in a spreadsheet: one line, and never read as a formula.

    A leading `'` is what spreadsheets themselves use to mean "this is text"; it shows the
    value unchanged and is easy to strip in a script.
    """
    line = clean_line(text)
    return "'" + line if line.startswith(FORMULA_START) else line


def json_text(serialised: str) -> str:
    """JSON text with DEL, C1 and bidi controls written as `\\uXXXX` escapes.

    `json.dumps(..., ensure_ascii=False)` already escapes C0 controls; these others are legal
    raw in a JSON string but not harmless in a terminal. Outside strings JSON never holds
    them, so escaping them keeps the document and its data identical.
    """
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", serialised)

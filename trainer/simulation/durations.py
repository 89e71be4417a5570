"""Hold times as the trainee types them and as a customer says them ("two minutes", not "120")."""

from __future__ import annotations

import re

_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "forty-five": 45,
    "fifty": 50,
    "sixty": 60,
    "ninety": 90,
    "couple of": 2,
    "few": 3,
}
_SPOKEN = {
    1: "one",
    2: "two",
    3: "three",
    4: "four",
    5: "five",
    6: "six",
    7: "seven",
    8: "eight",
    9: "nine",
    10: "ten",
    11: "eleven",
    12: "twelve",
    15: "fifteen",
    20: "twenty",
    25: "twenty-five",
    30: "thirty",
    40: "forty",
    45: "forty-five",
    50: "fifty",
}
_AMOUNT = re.compile(
    r"\b(\d+(?:\.\d+)?|" + "|".join(sorted(map(re.escape, _WORDS), key=len, reverse=True)) + r")"
    r"\s*(?:and a half\s*)?(seconds?|secs?|s|minutes?|mins?|m|moments?|hours?|hrs?|h)?\b",
    re.I,
)


def parse_duration(text: str) -> int | None:
    """Seconds in an estimate such as "120", "2 mins", "a minute", "a couple of minutes".

    A bare number is seconds (the hold dialog asks for seconds). None when nothing reads as
    a time.
    """
    text = text.strip().lower()
    if not text:
        return None
    if text.isdigit():
        return int(text)
    if re.search(r"\bhalf an hour\b", text):
        return 1800
    if re.search(r"\b(?:a )?(?:moment|sec|second|jiffy|tick)\b", text) and not re.search(
        r"\d|\b(?:two|three|four|five|ten|few|couple)\b", text
    ):
        return 30
    for match in _AMOUNT.finditer(text):
        raw, unit = match.group(1), (match.group(2) or "").lower()
        if not unit:
            continue
        value = float(_WORDS.get(raw, 0) or raw) if not raw[0].isdigit() else float(raw)
        if "and a half" in match.group(0).lower():
            value += 0.5
        if unit.startswith(("s", "moment")):
            return int(value if unit.startswith("s") else 30 * value)
        if unit.startswith("h"):
            return int(value * 3600)
        return int(value * 60)
    return None


def spoken_duration(seconds: int) -> str:
    """A duration as a caller would say it back: "thirty seconds", "a minute", "two minutes"."""
    if seconds < 60:
        rounded = max(5, round(seconds / 5) * 5)
        return f"{_SPOKEN.get(rounded, str(rounded))} seconds"
    if seconds < 85:
        return "a minute"
    if seconds < 105:
        return "a minute and a half"
    minutes = round(seconds / 60)
    if minutes >= 60:
        hours = round(minutes / 60)
        return "an hour" if hours == 1 else f"{_SPOKEN.get(hours, str(hours))} hours"
    return f"{_SPOKEN.get(minutes, str(minutes))} minutes"


def spoken_estimate(estimate: str, seconds: int) -> str:
    """The `{wait}` slot: the trainee's estimate in words, else the hold's own length."""
    parsed = parse_duration(estimate)
    if parsed is not None:
        return spoken_duration(parsed)
    typed = " ".join(estimate.split())
    return typed if typed else spoken_duration(seconds)

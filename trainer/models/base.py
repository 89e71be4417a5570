"""Shared pydantic base: unknown keys are errors, docstrings become field descriptions."""

from __future__ import annotations

import re
import string

from pydantic import BaseModel, ConfigDict

# Slots an author may use in any customer line; the session fills them.
SLOTS: dict[str, str] = {
    "agent": "the trainee's name",
    "company": "the company in the scenario brief",
    "product": "the product or service in the scenario brief",
    "issue": "a short phrase for what went wrong, from the scenario",
    "customer": "how the customer wants to be addressed",
    "want": "what the customer wants, from the scenario",
    "remedy": "the remedy the trainee offered last",
    "wait": "the hold time the trainee announced",
}


class Strict(BaseModel):
    """Base for authored data: typos in keys fail loudly, fields are documented."""

    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True, frozen=False)


MAX_SLOT_WIDTH = 60
"""Widest width or precision a slot's format spec may ask for (`{customer:>20}`)."""
_SPEC = re.compile(r"(?:.?[<>^])?(?P<width>[0-9]+)?(?:\.(?P<precision>[0-9]+))?")


def slot_names(text: str) -> list[str]:
    """Names of `{slot}` placeholders in `text`; raises ValueError on a malformed brace."""
    names = []
    for _literal, field, _spec, _conv in string.Formatter().parse(text):
        if field is not None:
            names.append(field)
    return names


def _spec_problem(spec: str) -> str | None:
    """Why a slot's format spec is refused, or None when it is a small, plain one.

    A spec is fill, alignment, width and precision at most; a width of billions would make
    the line a string of billions of characters when the customer speaks it.
    """
    match = _SPEC.fullmatch(spec)
    if match is None:
        return f"format {spec!r} is not allowed (only alignment, width and precision)"
    for part in ("width", "precision"):
        value = match.group(part)
        if value is not None and (len(value) > 4 or int(value) > MAX_SLOT_WIDTH):
            shown = value if len(value) <= 20 else value[:20] + "..."
            return f"{part} {shown} is over the limit of {MAX_SLOT_WIDTH}"
    return None


def check_slots(text: str) -> str:
    """Validate that `text` only uses known slots with small format specs; return it unchanged."""
    try:
        fields = [
            (name, spec or "", conv)
            for _literal, name, spec, conv in string.Formatter().parse(text)
            if name is not None
        ]
    except ValueError as exc:
        raise ValueError(f"malformed slot braces in {text!r}: {exc}") from None
    for name, spec, conv in fields:
        if name not in SLOTS:
            known = ", ".join("{" + s + "}" for s in SLOTS)
            raise ValueError(f"unknown slot {{{name}}} in {text!r}; known slots: {known}")
        problem = _spec_problem(spec) or (f"conversion !{conv} is not allowed" if conv else None)
        if problem:
            raise ValueError(f"slot {{{name}}} in {text!r}: {problem}")
    return text


def fill_slots(text: str, values: dict[str, str]) -> str:
    """Fill known slots; a slot without a value becomes a neutral phrase."""
    fallback = {
        "agent": "you",
        "company": "your company",
        "product": "it",
        "issue": "this",
        "customer": "",
        "want": "this sorted",
        "remedy": "that",
        "wait": "a minute",
    }
    merged = {**fallback, **{k: v for k, v in values.items() if v}}
    try:
        check_slots(text)  # a line that slipped past validation is spoken as written
        return text.format_map(merged)
    except (KeyError, ValueError, IndexError):
        return text

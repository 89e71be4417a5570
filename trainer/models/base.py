"""Shared pydantic base: unknown keys are errors, docstrings become field descriptions."""

from __future__ import annotations

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


def slot_names(text: str) -> list[str]:
    """Names of `{slot}` placeholders in `text`; raises ValueError on a malformed brace."""
    names = []
    for _literal, field, _spec, _conv in string.Formatter().parse(text):
        if field is not None:
            names.append(field)
    return names


def check_slots(text: str) -> str:
    """Validate that `text` only uses known slots; return it unchanged."""
    try:
        names = slot_names(text)
    except ValueError as exc:
        raise ValueError(f"malformed slot braces in {text!r}: {exc}") from None
    for name in names:
        if name not in SLOTS:
            known = ", ".join("{" + s + "}" for s in SLOTS)
            raise ValueError(f"unknown slot {{{name}}} in {text!r}; known slots: {known}")
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
        return text.format_map(merged)
    except (KeyError, ValueError, IndexError):
        return text

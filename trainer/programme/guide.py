"""The field reference of docs/programme.md, generated from the programme models' docstrings."""

from __future__ import annotations

from trainer.authoring import BEGIN, END, field_reference
from trainer.models.programme import HOLD_ETIQUETTE, Programme


def programme_reference() -> str:
    """The generated part of docs/programme.md: hold etiquette ids and every field."""
    rows = "\n".join(f"| `{ident}` | {rule} |" for ident, rule in HOLD_ETIQUETTE.items())
    return (
        "### Hold etiquette ids a module's `craft` may name\n\n"
        "| id | rule |\n|---|---|\n"
        + rows
        + "\n\n### Programme files (`programme/*.yaml`)\n\n"
        + field_reference(Programme)
    )


def refresh(text: str) -> str:
    """Replace the generated part of the programme guide with the current reference."""
    head, _, rest = text.partition(BEGIN)
    _, _, tail = rest.partition(END)
    return head + BEGIN + programme_reference() + END + tail


if __name__ == "__main__":
    from pathlib import Path

    guide = Path(__file__).resolve().parent.parent.parent / "docs" / "programme.md"
    guide.write_text(refresh(guide.read_text(encoding="utf-8")), encoding="utf-8")
    print(f"refreshed {guide}")

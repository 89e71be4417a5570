"""The field reference of the authoring guide, generated from the models' docstrings."""

from __future__ import annotations

import types
import typing
from typing import Any

from pydantic import BaseModel
from pydantic_core import PydanticUndefined

from trainer.models import Persona, Scenario


def _type_name(annotation: Any) -> str:
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Annotated:
        return _type_name(args[0])
    if origin in (typing.Union, types.UnionType):
        names = [_type_name(a) for a in args if a is not type(None)]
        optional = " (optional)" if type(None) in args else ""
        return " or ".join(names) + optional
    if origin is typing.Literal:
        return " / ".join(f"`{a}`" for a in args)
    if origin is list:
        return f"list of {_type_name(args[0])}"
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation.__name__
    return {str: "text", int: "whole number", float: "number", bool: "true/false"}.get(
        annotation, str(annotation)
    )


def _nested(annotation: Any) -> list[type[BaseModel]]:
    found: list[type[BaseModel]] = []
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    for arg in typing.get_args(annotation):
        found.extend(_nested(arg))
    return found


def field_reference(model: type[BaseModel]) -> str:
    """Markdown tables, one per model reachable from `model`, in first-seen order."""
    order: list[type[BaseModel]] = []
    todo = [model]
    while todo:
        current = todo.pop(0)
        if current in order:
            continue
        order.append(current)
        for info in current.model_fields.values():
            todo.extend(_nested(info.annotation))
    parts = []
    for current in order:
        parts.append(f"#### {current.__name__}\n")
        doc = (current.__doc__ or "").strip().splitlines()[0] if current.__doc__ else ""
        if doc:
            parts.append(doc + "\n")
        parts.append("| key | type | default | meaning |\n|---|---|---|---|")
        for name, info in current.model_fields.items():
            if info.is_required():
                default = "required"
            elif info.default_factory is not None:
                default = "empty"
            elif info.default is PydanticUndefined or info.default is None:
                default = "none"
            else:
                default = f"`{info.default}`"
            meaning = (info.description or "").replace("\n", " ").replace("|", "\\|")
            parts.append(f"| `{name}` | {_type_name(info.annotation)} | {default} | {meaning} |")
        parts.append("")
    return "\n".join(parts)


def authoring_reference() -> str:
    """The generated part of docs/authoring.md."""
    return (
        "### Persona files (`personas/*.yaml`)\n\n"
        + field_reference(Persona)
        + "\n### Scenario files (`scenarios/*.yaml`)\n\n"
        + field_reference(Scenario)
    )


BEGIN = "<!-- BEGIN GENERATED -->\n"
END = "<!-- END GENERATED -->\n"


def refresh(text: str) -> str:
    """Replace the generated part of an authoring guide with the current reference."""
    head, _, rest = text.partition(BEGIN)
    _, _, tail = rest.partition(END)
    return head + BEGIN + authoring_reference() + END + tail


if __name__ == "__main__":
    from pathlib import Path

    guide = Path(__file__).resolve().parent.parent / "docs" / "authoring.md"
    guide.write_text(refresh(guide.read_text(encoding="utf-8")), encoding="utf-8")
    print(f"refreshed {guide}")

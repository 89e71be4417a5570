"""Advice text for each step, from the trainer-editable `advice.yaml`.

Which entry is shown follows the registry: the kind that explains the verdict (the first
failure found, or the note on what was missing) names its advice key.
"""

from __future__ import annotations

import threading
from functools import lru_cache
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from trainer.grading import registry
from trainer.grading.findings import StepEvidence
from trainer.models.grade import Step

ADVICE_FILE = Path(__file__).with_name("advice.yaml")
_LOCK = threading.Lock()

MISSING_KIND: dict[Step, str] = {
    "person": "no_acknowledgement",
    "job": "not_moving",
    "apology": "no_apology",
    "ask": "no_question",
}
"""The omission kind that explains a failed step when nothing was found."""


@lru_cache(maxsize=1)
def _table() -> dict[str, dict[str, str]]:
    with _LOCK:
        data: Any = YAML(typ="safe").load(ADVICE_FILE.read_text(encoding="utf-8"))
    return {
        str(step): {str(k): str(v) for k, v in entries.items()} for step, entries in data.items()
    }


def _short(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3].rstrip() + "..."


def explaining_kind(
    step: Step,
    passed: bool,
    evidence: StepEvidence,
    *,
    name_used: bool = False,
    stuffed: bool = False,
    language: bool = False,
) -> str | None:
    """The registry kind that explains a failed step (None when it passed)."""
    if passed:
        return None
    if language:
        return "not_english"
    if stuffed and step != "job":
        return "keyword_stuffing"
    if evidence.negatives:
        return evidence.negatives[0].kind
    if step == "person" and name_used:
        return "name_only"
    return MISSING_KIND[step]


def advise(
    step: Step,
    passed: bool,
    evidence: StepEvidence,
    *,
    name: str = "",
    issue: str = "",
    name_used: bool = False,
    stuffed: bool = False,
    language: bool = False,
) -> str:
    """One or two sentences aimed at what this reply did on this step."""
    table = _table()[step]
    fill = {"name": name or "them", "issue": issue or "this", "quote": ""}
    kind_id = explaining_kind(
        step, passed, evidence, name_used=name_used, stuffed=stuffed, language=language
    )
    if kind_id is None:
        key = "pass"
    else:
        key = registry.kind(kind_id).advice_key
        if evidence.negatives and kind_id == evidence.negatives[0].kind:
            fill["quote"] = _short(evidence.negatives[0].span.text)
    return table.get(key, table["missing"]).format(**fill)

"""Advice text for each step, from the trainer-editable `advice.yaml`."""

from __future__ import annotations

import threading
from functools import lru_cache
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from trainer.grading.findings import StepEvidence
from trainer.models.grade import Step

ADVICE_FILE = Path(__file__).with_name("advice.yaml")
_LOCK = threading.Lock()


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


def advise(
    step: Step,
    passed: bool,
    evidence: StepEvidence,
    *,
    name: str = "",
    issue: str = "",
    name_used: bool = False,
    stuffed: bool = False,
) -> str:
    """One or two sentences aimed at what this reply did on this step."""
    table = _table()[step]
    fill = {"name": name or "them", "issue": issue or "this", "quote": ""}
    if passed:
        key = "pass"
    elif stuffed and step != "job":
        key = "stuffed"
    elif evidence.negatives:
        first = evidence.negatives[0]
        key = first.kind if first.kind in table else "missing"
        fill["quote"] = _short(first.span.text)
    elif step == "person" and name_used:
        key = "name_only"
    else:
        key = "missing"
    return table.get(key, table["missing"]).format(**fill)

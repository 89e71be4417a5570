"""The literal gates in front of the pattern tables (findings.Table): they only save time.

A gate is a set of lower-case strings of which one must occur in any text its pattern matches.
These tests check the gates are derived correctly and are never wrong on real replies: every
time a pattern matches, one of its gate strings is in the text.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from trainer.grading import job, person
from trainer.grading.findings import Table, required_literals, scan
from trainer.grading.findings import table as make_table
from trainer.grading.text import clean, rx

DATA = Path(__file__).resolve().parent.parent / "data"


@pytest.mark.parametrize(
    ("pattern", "gate"),
    [
        (r"\bthat is our policy\b", {"policy"}),
        (r"\b(?:refunds?|credits?) take\b", {"refund", "credit"}),
        (r"<youre> (?:welcome|free) to", {"welcome", "free"}),
        (r"\bjust so (?:you're|you are) aware\b", {"aware"}),
    ],
)
def test_gate_is_the_most_selective_required_literal(pattern: str, gate: set[str]) -> None:
    assert required_literals(rx(pattern)) == gate


@pytest.mark.parametrize("pattern", [r"x?", r"\b(?:a|an)? ?bc\b", r"\b(?:so|very) \w+\b", r"é+"])
def test_no_gate_when_nothing_is_required(pattern: str) -> None:
    assert required_literals(rx(pattern)) is None


def test_gated_scan_finds_what_the_plain_scan_finds() -> None:
    table = Table([("wall", rx(r"\bthat'?s (?:our|the) policy\b")), ("any", rx(r"\b\w+ly\b"))])
    text = clean("Honestly, THAT'S OUR POLICY, sorry. Nothing about rules here.")
    gated = [(f.kind, f.span.text) for f in scan(text, table)]
    plain = [(f.kind, f.span.text) for f in scan(text, list(table))]
    assert gated == plain
    assert ("wall", "THAT'S OUR POLICY") in gated


def _replies() -> list[str]:
    texts: list[str] = []
    for name in ("replies", "adversarial", "heldout2"):
        with (DATA / f"{name}.jsonl").open(encoding="utf-8") as fh:
            texts += [clean(json.loads(line)["reply"]).text for line in fh if line.strip()]
    return texts


@pytest.mark.slow
def test_gates_never_hide_a_match_on_real_replies() -> None:
    texts = _replies()
    lowered = [t.lower() for t in texts]
    checked = 0
    for table in (job._NEGATIVE, job._POSITIVE, person._POSITIVE, person._NEGATIVE):
        for (kind, pattern), gate in zip(table, table.gates, strict=True):
            if gate is None:
                continue
            for text, low in zip(texts, lowered, strict=True):
                if pattern.search(text):
                    checked += 1
                    assert any(lit in low for lit in gate), (kind, pattern.pattern, text)
    assert checked > 1000


def test_gates_change_no_finding() -> None:
    patterns = {
        "a": [r"\bfoo\b", r"bar(?=baz)", r"\bqux \w+"],
        "b": [r"(?<=x)yz", r"\bnope\b", r"lonely"],
    }
    fast = make_table(patterns)
    assert isinstance(fast, Table) and fast.gates[0] == {"foo"}
    slow = list(fast)  # a plain list: no literal gates
    for text in ("foo barbaz qux one xyz", "nothing here", "lonely bar", ""):
        c = clean(text)
        assert scan(c, fast) == scan(c, slow)


def test_gates_skip_patterns_whose_literal_is_absent() -> None:
    calls: list[str] = []

    class Spy:
        def __init__(self, pattern: str) -> None:
            self.inner = re.compile(pattern)
            self.pattern = pattern
            self.flags = self.inner.flags

        def finditer(self, text: str):  # type: ignore[no-untyped-def]
            calls.append(self.pattern)
            return self.inner.finditer(text)

    t = Table([("k", Spy("alpha")), ("k", Spy("beta"))])  # type: ignore[list-item]
    assert scan(clean("gamma"), t) == [] and calls == []
    assert [f.span.text for f in scan(clean("beta"), t)] == ["beta"] and calls == ["beta"]


def test_gates_hold_for_text_with_pound_signs_emoji_and_case_folded_letters() -> None:
    """re.IGNORECASE folds four non-ASCII letters onto ASCII ones; the gate maps them first,
    so gated and plain scans agree on any text, not only ASCII."""
    texts = [
        "İt's our polıcy, I'm afraid, £42 is the limit 😊",
        "That's ſtandard procedure. The ſystem does that.",
        "The \u212aelvin-rated boiler, our engineers are well trained.",
        "Sorry 😞 we migrated billing last week, so it ran twice £££",
    ]
    for text in texts:
        c = clean(text)
        for t in (job._NEGATIVE, person._POSITIVE, person._NEGATIVE):
            assert scan(c, t) == scan(c, list(t)), text
    assert scan(clean(texts[0]), job._NEGATIVE)  # the folded letters still match

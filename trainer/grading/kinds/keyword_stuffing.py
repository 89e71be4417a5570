"""`person` omission `keyword_stuffing`: method keywords with no sentence around them ("sorry feelings sorry help?"): nothing is acknowledged, apologised or asked."""

from __future__ import annotations

from trainer.grading.kind import OMISSION, Kind

KIND = Kind(
    id="keyword_stuffing",
    step="person",
    severity=OMISSION,
    summary='method keywords with no sentence around them ("sorry feelings sorry help?"): nothing is acknowledged, apologised or asked',
    advice="stuffed",
    also=(
        "apology",
        "ask",
    ),
    is_finding=False,
    found_by="lexical.keyword_stuffed",
    examples=("sorry feelings sorry help?",),
    near_misses=("I'm sorry. How can I help?",),
)

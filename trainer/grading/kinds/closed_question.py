"""`ask` omission `closed_question`: a closed check about trivia, or asking them to repeat ("Was that the 3rd?", "What?")."""

from __future__ import annotations

from trainer.grading.kind import CORPUS, OMISSION, ROUND6, Kind, Pattern

BARE_WH = Pattern(
    r"^\W*(?:what|who|where|how|pardon|sorry|huh|eh|come again)\W*$",
    CORPUS,
)
"""A bare "What?" / "Sorry?": asking them to repeat."""

BARE_AFTER = Pattern(
    r"[,:;] (?:what|who|where|how)\W*$",
    ROUND6,
)
"""A bare wh-word tacked on after a comma."""


KIND = Kind(
    id="closed_question",
    step="ask",
    severity=OMISSION,
    summary='a closed check about trivia, or asking them to repeat ("Was that the 3rd?", "What?")',
    found_by="ask.detect: a question that is none of the other kinds",
    cues=(
        BARE_WH,
        BARE_AFTER,
    ),
    examples=(
        "Was that the 3rd?",
        "What?",
        "Cash or card?",
        "Was that the 3rd or the 4th?",
    ),
)

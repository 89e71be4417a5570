"""`ask` omission `hold_instead`: puts them on hold instead of asking ("Please hold.")."""

from __future__ import annotations

from trainer.grading.kind import CORPUS, OMISSION, RATED1, Kind, Pattern

HOLD = Pattern(
    r"\b(?:please |just )?(?:hold|hang on|hold on|bear with me|one (?:moment|minute|sec|second)|"
    r"wait (?:a|one) (?:moment|minute|sec|second)|put <you> on hold|place <you> on hold|"
    r"stay on the line)\b",
    CORPUS,
)
"""A hold: "please hold", "one moment", "bear with me"."""

HOLD_ASK = Pattern(
    r"\b(?:can|could|may|would|will) (?:i|you) (?:\w+ )?(?:hold|put <you> on hold|place <you> on hold|"
    r"bear with me)\b|^\W*(?:please )?hold\W*$",
    CORPUS,
)
"""Asking to hold: "Can I put you on hold?"."""

HOLD_ASK_MORE = Pattern(
    r"\b(?:can|could|may|would|will) i (?:\w+ )?(?:pop|stick|leave|pause) <you> on hold\b",
    RATED1,
)
"""Rated set 1: "Could I pop you on hold for a minute?"."""


KIND = Kind(
    id="hold_instead",
    step="ask",
    severity=OMISSION,
    summary='puts them on hold instead of asking ("Please hold.")',
    cues=(
        HOLD,
        HOLD_ASK,
        HOLD_ASK_MORE,
    ),
    examples=(
        "Please hold.",
        "Shall I put you on hold?",
        "Could I pop you on hold for a minute?",
    ),
)

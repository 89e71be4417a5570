"""`apology` committed failure `sorry_but`: an apology followed directly by but/however plus an excuse, rule, correction or blame."""

from __future__ import annotations

from trainer.grading.kind import COMMITTED, CORPUS, Kind, Pattern

BUT = Pattern(
    r"\b(?:but|however|although|though|unfortunately|except|yet|that said|having said that|"
    r"nevertheless|nonetheless|still|whereas)\b",
    CORPUS,
)
"""But, however, unfortunately, still... (directly after the apology, or opening the next sentence)."""

FIX_AFTER_BUT = Pattern(
    r"^\W*(?:(?:\w+ ){0,2}(?:let me|let'?s|i'?ll|i will|i'?m going to|i am going to|we'?ll|we will|"
    r"we can|i can|i want to|i'?d like to|what can|how can|the good news|right now|i promise|"
    r"i'?m (?:here|on it|sorting|fixing)|i'?ve (?:already )?(?:refunded|sent|booked|started|fixed|raised|"
    r"credited|arranged|flagged)|together|we'?re going to|please let me|i'?m (?:going to|gonna) )|"
    r"(?:\w+ ){0,4}(?:i'?ll|let me|i will|i can) (?:fix|sort|refund|send|book|get|help|make|put|"
    r"arrange|credit|take care|look into|chase|do))",
    CORPUS,
)
"""After the but: help ("but let me fix this now"), which does not cancel."""


KIND = Kind(
    id="sorry_but",
    step="apology",
    severity=COMMITTED,
    summary="an apology followed directly by but/however plus an excuse, rule, correction or blame",
    cues=(
        BUT,
        FIX_AFTER_BUT,
    ),
    examples=(
        "Sorry, but the courier was late.",
        "I'm sorry. However, the courier was late.",
        "Sorry, but the rules changed.",
        "Sorry it's late but the van broke down.",
    ),
    near_misses=(
        "I'm so sorry about the order that was paid for but never sent.",
        "I'm sorry about the heating still failing after two visits.",
        "I'm sorry about the refund you were promised.",
        "I'm sorry, but let me fix this right now.",
    ),
)

"""`apology` committed failure `sorry_if`: a conditional apology ("Sorry if you were inconvenienced")."""

from __future__ import annotations

from trainer.grading.kind import COMMITTED, CORPUS, Kind, Pattern

AFTER = Pattern(
    r"^\W*(?:if\b|for any\b|about any\b|should (?:you|this|that|there)\b|in case\b|that any\b|"
    r"for whatever\b|to the extent\b|(?:for|about) anything that may|if in any way)",
    CORPUS,
)
"""After the word: "if", "for any", "should this", "to the extent"."""


KIND = Kind(
    id="sorry_if",
    step="apology",
    severity=COMMITTED,
    summary='a conditional apology ("Sorry if you were inconvenienced")',
    cues=(AFTER,),
    examples=("Sorry if you were inconvenienced.",),
)

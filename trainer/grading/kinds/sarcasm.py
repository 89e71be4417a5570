"""`person` committed failure `sarcasm`: a sarcastic apology or retort ("Well, I'm SO sorry").

Sarcasm that mocks the customer ("Oh brilliant, another one") is `mocking`, which fails the
job too (labelling guide 6.3); a sarcastic apology keeps the job (section 5's worked example).
"""

from __future__ import annotations

from trainer.grading.kind import COMMITTED, CORPUS, Kind, patterns

KIND = Kind(
    id="sarcasm",
    step="person",
    severity=COMMITTED,
    summary='a sarcastic apology or retort ("Well, I\'m SO sorry", "Sorry for existing")',
    flag="sarcasm",
    also=("apology",),
    patterns=(
        *patterns(
            CORPUS,
            r"\bpoor (?:you|thing|baby)\b",
            r"\b(?-i:SO+|VERY|TERRIBLY|REALLY) sorry\b",
            r"\bwell,? (?:excuse|pardon) me\b",
            r"\b(?:sorry|apologies) for (?:existing|breathing|living)\b",
            r"\bsorry,? not sorry\b",
        ),
    ),
    examples=(
        "Well I'm SO sorry, Mr Dale.",
        "Well, excuse me for trying.",
    ),
)

"""`person` committed failure `sarcasm`: sarcastic ("Well, I'm SO sorry", "Oh, brilliant, another one")."""

from __future__ import annotations

from trainer.grading.kind import COMMITTED, CORPUS, Kind, patterns

KIND = Kind(
    id="sarcasm",
    step="person",
    severity=COMMITTED,
    summary='sarcastic ("Well, I\'m SO sorry", "Oh, brilliant, another one")',
    flag="sarcasm",
    also=("apology",),
    patterns=(
        *patterns(
            CORPUS,
            r"\b(?:oh )?(?:great|brilliant|wonderful|fantastic|congratulations|well done)(?:,| )(?:so |then |"
            r"<you>|<your>)",
            r"\b(?:sure|right|yeah),? (?:because|like) ",
            r"\bwhat a (?:surprise|shock)\b",
            r"\bnews flash\b",
            r"\bboo ?hoo\b",
            r"\bcry me a river\b",
            r"\bpoor (?:you|thing|baby)\b",
            r"\b(?-i:SO+|VERY|TERRIBLY|REALLY) sorry\b",
            r"\bwell,? (?:excuse|pardon) me\b",
            r"\b(?:sorry|apologies) for (?:existing|breathing|living)\b",
            r"\bsorry,? not sorry\b",
            r"\bdoesn'?t revolve around\b",
            r"\bthe world (?:doesn'?t|does not) revolve\b",
            r"\b(?:oh )?(?:brilliant|great|wonderful|fantastic|lovely),? another\b",
        ),
    ),
    examples=(
        "Oh brilliant, another one of these calls.",
        "Well, excuse me for trying.",
    ),
)

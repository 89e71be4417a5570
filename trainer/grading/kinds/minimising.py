"""`person` committed failure `minimising`: plays the problem down ("it's only a parcel", "worse things happen")."""

from __future__ import annotations

from trainer.grading.kind import COMMITTED, CORPUS, REVIEW6, Kind, patterns

KIND = Kind(
    id="minimising",
    step="person",
    severity=COMMITTED,
    summary='plays the problem down ("it\'s only a parcel", "worse things happen")',
    flag="minimising",
    patterns=(
        *patterns(
            REVIEW6,
            r"\b(?:usually|probably|it'?s|that'?s|this is|honestly) (?:really |honestly |just )?nothing to "
            r"worry about\b",
        ),
        *patterns(
            CORPUS,
            r"\b(?:it|that|this)(?:'s| is| was) (?:only|just) (?:a|an|one|two|three|\d+|some)\b",
            r"\b(?:it|that|this)(?:'s| is)(?: really)? not (?:a (?:big|huge) deal|the end of the world|that bad|"
            r"a disaster|so bad|worth)",
            r"\bno big deal\b",
            r"\bcould be worse\b",
            r"\bat least (?:<youre>|<you>|it|nobody|no one)\b",
            r"\bhappens all the time\b",
            r"\b(?:only|just) (?:a|one) (?:little |small |few |couple )?(?:days?|hours?|pounds?|dollars?|quid|minutes?|"
            r"parcels?|payments?|appointments?|charges?|delays?)\b,? (?:it'?ll|calm|relax|no need|not)\b",
            r"\b<youre> making a (?:big )?(?:fuss|deal|mountain)",
            r"\bworse things happen\b",
            r"\bfirst world problem",
            r"\bhardly (?:a|the end)\b",
        ),
    ),
    examples=(
        "It's only a parcel, it'll turn up.",
        "It's nothing to worry about, I can hear you're upset.",
        "It's not the end of the world.",
        "Worse things happen, honestly.",
    ),
    near_misses=("It's only fair that I refund the whole fee.",),
)

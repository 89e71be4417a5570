"""`person` committed failure `mirroring`: matches their hostility: insults, swearing at them, pet names said back."""

from __future__ import annotations

from trainer.grading.kind import COMMITTED, CORPUS, ROUND6, Kind, patterns

KIND = Kind(
    id="mirroring",
    step="person",
    severity=COMMITTED,
    summary="matches their hostility: insults, swearing at them, pet names said back",
    flag="calm_down",
    also=("job",),
    patterns=(
        *patterns(
            CORPUS,
            r"\bi (?:don'?t|do not) like <your> (?:tone|attitude|manner)",
            r"\bsame to <you>\b",
            r"\b<youre> (?:being )?(?:rude|ridiculous|unreasonable|hysterical|pathetic|impossible|"
            r"childish|aggressive|abusive|a nightmare|the problem|not the only)\b",
            r"\b(?:who|what) do <you> think <youre>\b",
            r"\bi(?:'m| am) (?:not|getting) (?:going to be spoken|fed up with you|sick of you|tired of you)",
            r"\bif <you> (?:can'?t|won'?t) be (?:polite|civil|nice)\b",
            r"\b(?:sweetie|sweetheart|darling|honey|hun|babe)\b(?!ly| to| it| the)",
        ),
        *patterns(
            ROUND6,
            r"\b(?:f\*+\w*|bull\*+\w*|sh\*+\w*)|"
            r"\b(?:fuck\w*|shit\w*|bitch\w*|bastard\w*|arsehole|asshole|idiot\w*|moron\w*|wanker|twat|"
            r"prick|stfu|ffs)\b",
        ),
    ),
    examples=(
        "I don't like your tone either.",
        "F***ing right it's late, I understand your frustration.",
        "You're being ridiculous.",
        "Sure thing, darling.",
    ),
)

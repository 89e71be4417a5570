"""`job` failure `deflecting_offer`: offers to send them elsewhere ("Would you like the billing team's number?")."""

from __future__ import annotations

from trainer.grading.kind import COMMITTED, CORPUS, Kind, Pattern, patterns

ASK = Pattern(
    r"\bwould <you> like (?:the|their|a|our) (?:\w+ ){0,3}(?:number|email|address|contact|details|link|"
    r"website)\b|\b(?:can|could|would) <you> (?:call|ring|phone|try|contact) (?:us |them |me )?(?:back|again|"
    r"tomorrow|later|the)\b",
    CORPUS,
)
"""As a question (ask step): the offer of another number, or asking them to ring elsewhere."""


KIND = Kind(
    id="deflecting_offer",
    step="job",
    also=("ask",),
    severity=COMMITTED,
    summary='offers to send them elsewhere ("Would you like the billing team\'s number?")',
    patterns=(
        *patterns(
            CORPUS,
            r"\bwould <you> like (?:the|their|a|our) (?:\w+ ){0,3}(?:number|email|address|contact|details|link|"
            r"website)\b",
            r"\b(?:shall|can) i give <you> (?:the|their) (?:\w+ ){0,2}(?:number|email|contact)",
        ),
    ),
    cues=(ASK,),
    examples=(
        "Would you like the billing number?",
        "Shall I give you their email address?",
    ),
)

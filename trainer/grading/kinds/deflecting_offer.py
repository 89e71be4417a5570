"""`job` failure `deflecting_offer`: offers to send them elsewhere ("Would you like the billing team's number?")."""

from __future__ import annotations

from trainer.grading.kind import COMMITTED, CORPUS, Kind, Pattern, patterns

ELSEWHERE = (
    r"\bwould <you> like (?:the|their|a|our) (?!(?:\w+ )?(?:confirmation|receipt|summary)\b)"
    r"(?:\w+ ){0,3}(?:number|email|address|contact|details|link|website)\b"
)
"""The offer of another team's number or address. Set 6: a confirmation email or a receipt
sent after the fix is a courtesy, not a hand-off."""

ASK = Pattern(
    ELSEWHERE + r"|\b(?:can|could|would) <you> (?:call|ring|phone|try|contact) (?:us |them |me )?"
    r"(?:back|again|tomorrow|later|the)\b",
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
            ELSEWHERE,
            r"\b(?:shall|can) i give <you> (?:the|their) (?:\w+ ){0,2}(?:number|email|contact)",
        ),
    ),
    cues=(ASK,),
    examples=(
        "Would you like the billing number?",
        "Shall I give you their email address?",
    ),
    near_misses=(
        "That's £44.97 going back to you. Would you like a confirmation email for your records?",
        "Refund done. Would you like a written summary emailed to you?",
    ),
)

"""`ask` omission `premature_close`: closes before the problem is settled ("Anything else?")."""

from __future__ import annotations

from trainer.grading.kind import CORPUS, ISSUE11, OMISSION, Kind, Pattern

CLOSE = Pattern(
    r"\bhelp (?:<you> )?with (?:something|anything) else\b|"
    r"(?<!before\s)\banything else\b(?! (?:\w+ ){0,3}(?:wrong|missing|not right|outstanding|to fix))|"
    r"^\W*is that all\W*$|"
    r"\bwill that be all\b",
    CORPUS,
)
"""Closing questions: "anything else", "will that be all"."""

SETTLED = Pattern(
    r"\b(?:i'?ve|i have|we'?ve|we have|i'?ve just|i just|i already|i'?ve already|it'?s|that'?s|it has|"
    r"that has|it'?s been|that'?s been|has been|have been) (?:\w+ ){0,3}(?:refunded|sent|booked|cancell?ed|"
    r"credited|arranged|fixed|sorted|done|processed|issued|reset|escalated|replaced|rebooked|reversed|"
    r"removed|waived|raised|ordered|unblocked|gone through)\b|"
    r"\b(?:refund|credit|replacement|booking|repair|engineer|collection|redelivery)(?:'s| is| has) "
    r"(?:\w+ )?(?:gone through|done|on (?:its|the) way|booked|sorted|confirmed|arranged)\b",
    ISSUE11,
)
"""A fix done or under way ("That's the refund done", "I've booked the collection"): after it,
"Anything else?" is not premature (labelling guide 6.4)."""


KIND = Kind(
    id="premature_close",
    step="ask",
    severity=OMISSION,
    summary='closes before the problem is settled ("Anything else?")',
    cues=(CLOSE, SETTLED),
    examples=(
        "Anything else?",
        "I've noted that. Can I help with something else?",
    ),
    near_misses=(
        "The refund's gone through. Anything else I can sort while I have you?",
        "I've booked the collection for 9 a.m. tomorrow. Is there anything else I can help with?",
    ),
)

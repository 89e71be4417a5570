"""`ask` omission `premature_close`: closes before the problem is settled ("Anything else?")."""

from __future__ import annotations

from trainer.grading.kind import COMMITTED, CORPUS, ISSUE11, RATED1, Kind, Pattern

CLOSE = Pattern(
    r"\bhelp (?:<you> )?with (?:something|anything) else\b|"
    r"(?<!before\s)\banything else\b(?! (?:\w+ ){0,3}(?:wrong|missing|not right|outstanding|to fix))|"
    r"^\W*is that all\W*$|"
    r"\bwill that be all\b",
    CORPUS,
)
"""Closing questions: "anything else", "will that be all"."""

ABOUT_THE_PROBLEM = Pattern(
    r"\banything else (?:\w+ ){0,4}(?:in|on|with|about) (?:that|the|this|<your>|his|her|their) (?:order|bill|"
    r"account|acc|booking|list|claim|policy|invoice|statement|delivery|room|car)\b|"
    r"\banything else (?:he|she|they) (?:needs?|wants?)\b|"
    r"\banything else (?:\w+ )?(?:damaged|broken|affected|lost|missing)\b|"
    r"\banything else (?:that )?(?:i|we) should (?:add|know|fix|look at|check)\b|"
    r"\banything else <you> need (?:\w+ ){0,3}to (?:get|sort|fix|make|help)\b|\bcost <you> anything else\b|"
    r"\banything else (?:going wrong|wrong|not working|broken|playing up)\b",
    RATED1,
)
"""Rated set 1: "was there anything else in that order?" asks about the problem, not to close."""

SETTLED = Pattern(
    r"\b(?:i'?ve|i have|we'?ve|we have|i'?ve just|i just|i already|i'?ve already|it'?s|that'?s|it has|"
    r"that has|it'?s been|that'?s been|has been|have been) (?:\w+ ){0,3}(?:refunded|sent|booked|cancell?ed|"
    r"credited|arranged|fixed|sorted|done|processed|issued|reset|escalated|replaced|rebooked|reversed|"
    r"removed|waived|raised|ordered|unblocked|gone through)\b|"
    r"\b(?:refund|credit|replacement|booking|repair|engineer|collection|redelivery)(?:'s| is| has) "
    r"(?:\w+ )?(?:gone through|going through|done|on (?:its|the) way|booked|sorted|confirmed|arranged)\b",
    ISSUE11,
)
"""A fix done or under way ("That's the refund done", "I've booked the collection"): after it,
"Anything else?" is not premature (labelling guide 6.4)."""

SETTLED_NOW = Pattern(
    r"\b(?:i'?ve|i have|we'?ve|i'?ve now|i have now) (?:\w+ ){0,3}(?:corrected|taken (?:\w+ ){0,3}off|started (?:the )?(?:refunds?|replacement|cancellation|claim)|"
    r"swapped|stopped|changed|cleared|restored|applied|put through|sorted out|"
    r"knocked|moved|upgraded|unlocked|closed)\b|"
    r"\b(?:i'?m|im|i am|we'?re) (?!not\b|afraid\b)(?:\w+ )?(?:cancelling|canceling|refunding|crediting|sorting|processing|"
    r"fixing|rebooking|booking|updating|changing|correcting|removing|waiving|reversing|raising|"
    r"arranging|sending|escalating)\b|"
    r"\bthat'?s (?:the|your|ur) (?:[\w£$.,]+ ){0,3}(?:released|returned|refunded|paid|sent|unfrozen|"
    r"cancelled|credited|booked|fixed|sorted|done)\b|"
    r"<ss>\W*(?:refunding|cancelling|crediting|rebooking|booking|reversing|removing|waiving) (?:[^\s.!?]+ ){0,4}"
    r"(?:now|right now|as we speak|today)\b",
    RATED1,
)
"""Rated set 1: more ways of saying a fix is done or happening now ("ive taken the fee off",
"I'm cancelling it now", "Refunding the £150 now")."""


KIND = Kind(
    id="premature_close",
    step="ask",
    severity=COMMITTED,
    judge_may_overrule=True,
    summary='closes before the problem is settled ("Anything else?")',
    cues=(CLOSE, ABOUT_THE_PROBLEM, SETTLED, SETTLED_NOW),
    examples=(
        "Anything else?",
        "I've noted that. Can I help with something else?",
    ),
    near_misses=(
        "The refund's gone through. Anything else I can sort while I have you?",
        "I've booked the collection for 9 a.m. tomorrow. Is there anything else I can help with?",
        "ive taken the late fee off. anything else on the bill u want me to check",
        "That's your deposit released. Anything else I can do today?",
        "I can refund the fee now. Would that help, and is there anything else that's bothering you?",
        "Have I got it all, or is there anything else in that order?",
    ),
)

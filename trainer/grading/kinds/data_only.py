"""`ask` omission `data_only`: asks only for identification or a reference ("What's your account number?")."""

from __future__ import annotations

from trainer.grading.kind import CORPUS, OMISSION, RATED1, Kind, Pattern

DATA = Pattern(
    r"\b(?:best|contact|phone|mobile) number\b|\bnumber to (?:reach|call|contact|ring)\b|"
    r"\b(?:account|order|reference|ref|tracking|booking|policy|customer|membership|card|job|case|parcel|"
    r"hospital|"
    r"ticket|invoice|serial|flight|confirmation|phone|mobile|contact|telephone|agreement|rental|"
    r"claim|meter|passport|sort|patient|member|nhs|national insurance|vehicle|registration|"
    r"licence|license)(?:\s+|-)(?:number|no|id|code|details|reference|ref)\b|"
    r"\b(?:account|booking|job|tracking|claim|order) (?:ref|reference|id)\b|\b(?:postcode|post code|zip|date of birth|dob|email address|"
    r"e-mail|email|address|full name|surname|last four|security (?:question|answer)|password|pin|"
    r"first line of|spell <your> name|your name)\b",
    CORPUS,
)
"""Identification data and references: account number, postcode, date of birth."""

DATA_ASK = Pattern(
    r"\b(?:can|could|may|might) i (?:just |quickly |please )?(?:have|take|get|grab|ask for|confirm)\b|"
    r"\b(?:can|could|would) <you> (?:please |just )?(?:tell|give|read|confirm|send) (?:me|us) (?:<your>|the)\b",
    CORPUS,
)
"""Asking for it: "Can I have...", "Could you confirm..."."""

DATA_MORE = Pattern(
    r"\b(?:can|could|may) i (?:just )?(?:check|confirm|verify|take|have|get) (?:<your>|the) (?:date of birth|postcode|"
    r"address|dob|registration|reg|seat number|room number|booking number)\b|\bwhat (?:was|is) (?:the|<your>) "
    r"(?:seat|room|table|locker|reg|registration) (?:number|no)\b|"
    r"\b(?:the|<your>) (?:mobile|phone|email|landline)(?: number| address)? (?:on|for|linked to) (?:the|<your>) "
    r"(?:account|acc|booking|policy|order|file)\b",
    RATED1,
)
"""Rated set 1: "What's the mobile on the account?"."""

PROBLEM = Pattern(
    r"\b(?:happen\w*|promis\w*|missing|wrong|broken|switch|work\w*|went|say|said|tell|told|need|want|"
    r"like|prefer|help)\b",
    CORPUS,
)
"""Words that make a question about the data a question about the problem."""


KIND = Kind(
    id="data_only",
    step="ask",
    severity=OMISSION,
    summary='asks only for identification or a reference ("What\'s your account number?")',
    flag="data_only",
    cues=(
        DATA,
        DATA_MORE,
        DATA_ASK,
        PROBLEM,
    ),
    examples=(
        "What's your account number?",
        "What's the mobile on the account?",
        "Can I take your postcode?",
        "Could I have the member ID?",
        "May I take the order number?",
        "What's the best number to reach you on?",
    ),
)

"""`ask` committed failure `compliance_check`: checks they accept a rule ("Is that clear?", "OK?" after a rule)."""

from __future__ import annotations

from trainer.grading.kind import COMMITTED, CORPUS, Kind, Pattern

CHECK = Pattern(
    r"^\W*(?:(?:is that|was that) (?:clear|understood|ok|okay|alright|all right|fine)(?: (?:with|for) <you>)?|understood|got (?:it|that)|"
    r"does that make sense|do <you> understand|ok(?:ay)?|alright|right|yeah|clear|capisce|fair enough)\W*$|"
    r"\b(?:is that|was that) clear\b|\bdo <you> understand\b|\bdoes that make sense\b|"
    r"[,.] ?(?:ok(?:ay)?|alright|right|understood|got it|yeah)\W*\?+\W*$|"
    r"[,.] ?(?:(?:is|would|does|will) )?(?:(?:that|this) )?(?:ok(?:ay)?|alright|all right|work|suit|good|fine)"
    r"(?: with| for)?(?: <you>| that| this)?\W*\?+\W*$",
    CORPUS,
)
"""Compliance checks: "Is that clear?", "Understood?", a bare "OK?"."""


KIND = Kind(
    id="compliance_check",
    step="ask",
    severity=COMMITTED,
    summary='checks they accept a rule ("Is that clear?", "OK?" after a rule)',
    cues=(CHECK,),
    examples=(
        "That's the rule. Is that clear?",
        "Turn the router off and on. Is that clear?",
    ),
)

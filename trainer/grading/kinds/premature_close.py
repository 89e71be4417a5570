"""`ask` omission `premature_close`: closes before the problem is settled ("Anything else?")."""

from __future__ import annotations

from trainer.grading.kind import CORPUS, OMISSION, Kind, Pattern

CLOSE = Pattern(
    r"\bhelp (?:<you> )?with (?:something|anything) else\b|"
    r"(?<!before\s)\banything else\b(?! (?:\w+ ){0,3}(?:wrong|missing|not right|outstanding|to fix))|"
    r"^\W*is that all\W*$|"
    r"\bwill that be all\b",
    CORPUS,
)
"""Closing questions: "anything else", "will that be all"."""


KIND = Kind(
    id="premature_close",
    step="ask",
    severity=OMISSION,
    summary='closes before the problem is settled ("Anything else?")',
    cues=(CLOSE,),
    examples=(
        "Anything else?",
        "I've noted that. Can I help with something else?",
    ),
)

"""`apology` committed failure `sorry_you_feel`: apologises for their feelings, not for what happened ("Sorry you feel that way")."""

from __future__ import annotations

from trainer.grading.kind import COMMITTED, CORPUS, Kind, Pattern

AFTER = Pattern(
    r"^\W*(?:that |about how |for how |that'?s how )?(?:<you>(?:'ve| have)? (?:feel|felt|think|thought|see it|"
    r"believe|are feeling|'re feeling|find|found|took it|take it|got (?:upset|angry|annoyed)|seem)|"
    r"<youre> (?:so )?(?:upset|unhappy|disappointed|angry|frustrated|annoyed|not happy|dissatisfied|"
    r"feeling|offended|cross|mad|worked up|this upset)|<you> (?:see|view) (?:it|things) (?:that|this))",
    CORPUS,
)
"""After the word: "you feel", "you're upset", "you see it that way"."""


KIND = Kind(
    id="sorry_you_feel",
    step="apology",
    severity=COMMITTED,
    summary='apologises for their feelings, not for what happened ("Sorry you feel that way")',
    cues=(AFTER,),
    examples=(
        "Sorry you feel that way.",
        "I'm sorry you're upset.",
    ),
)

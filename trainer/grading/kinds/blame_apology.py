"""`apology` committed failure `blame_apology`: an apology that blames them ("Sorry you misread the offer")."""

from __future__ import annotations

from trainer.grading.kind import COMMITTED, CORPUS, Kind, Pattern

AFTER = Pattern(
    r"^\W*(?:that |about how |if )?(?:<you>(?:'ve| have)? (?:misunderstood|misread|misheard|(?:didn'?t|did not)(?!\W*$)|"
    r"failed|forgot|got confused|were confused|(?:weren'?t|were not)(?!\W*$)(?! (?:told|informed|warned|given|"
    r"offered|called|contacted|notified|kept|sent|updated|asked|helped)\b)|missed|chose|decided|ignored|entered|"
    r"set up|gave|should|must have|(?:haven'?t|have not)(?!\W*$)|can'?t|cannot|don'?t understand|clearly|overlooked|"
    r"mixed up|got (?:it|that|the \w+) wrong)|(?:for|about) <your> (?:\w+ )?(?:misunderstanding|confusion|"
    r"mistake|error|oversight)|(?:for|about) the (?:confusion|misunderstanding) on <your> (?:part|end)|"
    r"<you> (?:can'?t|couldn'?t) (?:read|understand|follow))",
    CORPUS,
)
"""After the word: what the customer did wrong. An elliptical "sorry you weren't" at the end of
a sentence points back at what they were not given ("You should have been told, and I'm sorry
you weren't"), so it is not blame."""


KIND = Kind(
    id="blame_apology",
    step="apology",
    severity=COMMITTED,
    summary='an apology that blames them ("Sorry you misread the offer")',
    flag="blame",
    cues=(AFTER,),
    examples=(
        "I'm sorry you misread the offer.",
        "I'm sorry you misunderstood the offer.",
    ),
)

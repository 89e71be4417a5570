"""`person` committed failure `empathy_but`: an acknowledgement taken back by blame, arguing, a rhetorical question, a counter-threat or giving up."""

from __future__ import annotations

from trainer.grading.kind import COMMITTED, Kind

KIND = Kind(
    id="empathy_but",
    step="person",
    severity=COMMITTED,
    summary="an acknowledgement taken back by blame, arguing, a rhetorical question, a counter-threat or giving up",
    flag="blame",
    found_by="person.detect: an acknowledgement in a reply whose job evidence has an undoing failure",
    examples=(
        "I totally get why you're annoyed, but you did tick the box saying you'd read the terms.",
        "I can see how upsetting this is, but you did sign for it without checking.",
    ),
    near_misses=("I can see you're upset; the courier was late and I'm sorry.",),
)

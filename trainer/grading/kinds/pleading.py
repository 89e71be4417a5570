"""`job` committed failure `pleading`: bargains from fear for the agent ("Please don't leave a
review, I'll get in trouble").

Labelling guide 6.3: pleading makes the call about the agent, so it fails `job`.
"""

from __future__ import annotations

from trainer.grading.kind import COMMITTED, ISSUE11, RATED1, RATED2, Kind, patterns

KIND = Kind(
    id="pleading",
    step="job",
    severity=COMMITTED,
    summary="pleads for the agent's sake (\"don't complain about me, I'm new\")",
    patterns=(
        *patterns(
            ISSUE11,
            r"\bi(?:'ll| will| could| might|'d| would) (?:get|be) (?:in (?:so much |big |real )?trouble|sacked|"
            r"fired|disciplined|told off|let go)\b",
            r"\b(?:please )?(?:don'?t|do not) (?:complain about|report|give up on|grass on) me\b",
            r"\bgo easy on me\b|\bi'?m (?:only |just )?new(?: here)?,? (?:so )?(?:please|don'?t)\b",
        ),
        *patterns(
            RATED1,
            r"\bmy (?:manager|boss|supervisor|team leader) (?:reads|sees|checks|will see|will read|looks at)\b",
            r"\bi'?ve only been (?:here|in this job|doing this) (?:a|an|two|three|\d)\b",
        ),
        *patterns(
            RATED2,
            r"\b(?:goes|counts|will go) against (?:my|me)\b|\bmy (?:scores|ratings|stats|targets)\b",
        ),
    ),
    examples=(
        # Rated set 2 (issue 11): one example per pattern, in new words.
        "Please don't, it counts against my scores.",
        # Rated set 1 (issue 11): one example per pattern, in new words.
        "Please don't do that, my manager reads every review.",
        "Please go easy, I've only been here two weeks.",
        "Please don't leave a review, I'll get in trouble.",
        "Please don't complain about me, I'm new and I'll get in trouble.",
        "Go easy on me, it's my first week.",
    ),
    near_misses=(
        "Please don't leave a review yet, I'll get them made today!",
        "You're entitled to leave a review, and I'd rather fix it first. Shall I refund the fee?",
    ),
)

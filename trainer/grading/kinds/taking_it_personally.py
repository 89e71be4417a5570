"""`person` committed failure `taking_it_personally`: makes the call about the agent ("don't shout at me", "there's no need to be rude")."""

from __future__ import annotations

from trainer.grading.kind import COMMITTED, CORPUS, Kind, patterns

KIND = Kind(
    id="taking_it_personally",
    step="person",
    severity=COMMITTED,
    summary='makes the call about the agent ("don\'t shout at me", "there\'s no need to be rude")',
    patterns=(
        *patterns(
            CORPUS,
            r"\b<dont> (?:shout|yell|swear|take it out) (?:at|on) me\b",
            r"\b(?:it|this)(?:'s| is| was)n'?t (?:me|my fault)\b",
            r"\bit (?:wasn'?t|was not|is not|isn'?t) me\b",
            r"\bnot my fault\b",
            r"\bi (?:didn'?t|did not) (?:do|cause|break|lose|charge) (?:it|this|that|anything)",
            r"\bi'?m (?:only|just) (?:doing my job|the messenger)\b",
            r"\bwhy are <you> (?:shouting|yelling|having a go) at me\b",
            r"\b(?:there'?s )?no need to be (?:so )?(?:rude|nasty|abusive|aggressive)",
            r"\bi (?:don'?t|do not) appreciate (?:that|this|being|your|the)",
            r"\b<dont> (?:speak|talk) to me like that\b",
            r"\bmy english is\b",
            r"\bi (?:do )?speak (?:\w+ )?(?:english|perfectly)",
            r"\bi(?:'m| am) not (?:a |an )?(?:junior|stupid|incompetent|idiot|useless|deaf|robot|trainee|moron)\b",
            r"\bi heard (?:what|that)\b",
            r"\b(?:shouting|swearing|yelling|being rude|name-?calling) (?:isn'?t|won'?t|will not|is not) (?:going to )?(?:help|change|get)",
            r"\bfor the record\b",
            r"\bplease (?:don'?t|do not) call me\b",
            r"\bthank you very much\W*$",
            r"\bi (?:won'?t|will not|don'?t have to) (?:be spoken|take|put up with|listen to) (?:to )?"
            r"(?:like|this|that|abuse)",
        ),
    ),
    examples=(
        "Don't shout at me.",
        "There's no need to be rude.",
        "Don't speak to me like that.",
    ),
)

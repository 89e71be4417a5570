"""`job` support `resolving`: moves toward a fix ("let's get this sorted", "I'll refund it now")."""

from __future__ import annotations

from trainer.grading.kind import CORPUS, SUPPORT, Kind, patterns

KIND = Kind(
    id="resolving",
    step="job",
    severity=SUPPORT,
    summary='moves toward a fix ("let\'s get this sorted", "I\'ll refund it now")',
    patterns=(
        *patterns(
            CORPUS,
            r"\blet(?:'s| us) (?:get|sort|fix|put|work|make|see|find|look)\b",
            r"\b(?:i'?ll|i will|i'?m going to|i am going to|we'?ll|we will|let me) (?:\w+ ){0,2}(?:fix|sort|"
            r"refund|send|book|get|make|put|arrange|credit|look|check|chase|take care|stay|resolve|"
            r"find|call|ring|escalate|reverse|cancel|replace)",
            r"\bi'?m (?:on it|going to sort|here to help)\b",
            r"\buntil (?:it'?s|this is|that'?s) (?:sorted|fixed|resolved)\b",
            r"\bright (?:now|away)\b",
            r"\btoday\b",
        ),
    ),
    examples=(
        "Let's get this fixed today.",
        "I'll refund it now.",
        "I'm on it.",
    ),
    near_misses=("I'm looking at the account now.",),
)

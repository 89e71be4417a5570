"""`person` committed failure `calm_down`: tells them to calm down, relax or lower their voice."""

from __future__ import annotations

from trainer.grading.kind import COMMITTED, CORPUS, ISSUE11, Kind, patterns

KIND = Kind(
    id="calm_down",
    step="person",
    severity=COMMITTED,
    summary="tells them to calm down, relax or lower their voice",
    flag="calm_down",
    patterns=(
        *patterns(
            CORPUS,
            r"\b(?:calm|settle|simmer|cool) (?:yourself )?down\b",
            r"\b(?:just )?relax\b",
            r"\bchill(?: out)?\b",
            r"\btake a (?:deep )?breath\b",
            r"\bno need to (?:shout|yell|get|be so|raise|swear|take that)\b",
            r"\b(?:lower|keep) <your> voice\b",
            r"\bwatch <your> (?:tone|language|mouth)\b",
            r"\b<dont> (?:shout|yell|raise <your> voice|take that tone|get (?:so )?(?:angry|worked up|"
            r"upset|emotional|hysterical)|be (?:so )?(?:rude|dramatic|emotional|hysterical))",
            r"\b(?:stop|quit) (?:shouting|yelling|being|overreacting|complaining|whining|moaning)\b",
            r"\b<youre> (?:overreacting|being (?:dramatic|emotional|hysterical|unreasonable|silly))",
            r"\byou people\b",
            r"\bget over it\b",
        ),
        *patterns(
            ISSUE11,
            r"\bless of the (?:language|attitude|lip|cheek|tone)\b",
        ),
    ),
    examples=(
        "Oi, less of the language.",
        "Sir, calm down.",
        "Calm down, I'm trying to help. You've been waiting ages, I know.",
        "There's no need to get worked up.",
    ),
    near_misses=("I want to help, and I can do that better without the swearing.",),
)

"""`apology` committed failure `corporate_hedge`: a corporate hedge ("We regret any inconvenience", "any inconvenience this may have caused")."""

from __future__ import annotations

from trainer.grading.kind import COMMITTED, CORPUS, Kind, Pattern, patterns

SENTENCE = Pattern(
    r"(?:\b(?:we|the company|i|<company>) (?:sincerely |deeply |do |truly )?regrets?\b|\bregret (?:any|the|this)|"
    r"\b(?:for|about) any (?:\w+ )?(?:inconvenience|trouble|distress|disappointment|issues?|problems?|"
    r"difficulties|frustration|upset)|\binconvenience (?:this|that|which) (?:may|might) (?:have|has)|"
    r"\b(?:may|might) have (?:been )?caused|\bapologi[sz]es? for (?:the|any) inconvenience|"
    r"\bplease accept (?:our|my) apologies for any)",
    CORPUS,
)
"""Anywhere in the apology's sentence: regret, "any inconvenience", "may have caused"."""


KIND = Kind(
    id="corporate_hedge",
    step="apology",
    severity=COMMITTED,
    summary='a corporate hedge ("We regret any inconvenience", "any inconvenience this may have caused")',
    patterns=(
        *patterns(
            CORPUS,
            r"\b(?:we|i|the company) (?:sincerely |deeply |truly |do )?regret\b",
            r"\bregret (?:any|the|this) (?:\w+ )?(?:inconvenience|trouble|distress|disappointment)",
        ),
    ),
    cues=(SENTENCE,),
    examples=(
        "We apologise for any inconvenience this may have caused.",
        "We regret any inconvenience.",
    ),
    near_misses=("I'm sorry for the inconvenience.",),
)

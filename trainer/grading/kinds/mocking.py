"""`person` committed failure `mocking`: sarcasm aimed at the customer ("Oh brilliant, another one").

Labelling guide 6.3: sarcasm at the customer argues with them in another form, so it fails
`job` as well as `person` and `apology` ("Wow, great, another customer who can't read a bill").
"""

from __future__ import annotations

from trainer.grading.kind import COMMITTED, CORPUS, ISSUE11, RATED2, Kind, patterns

KIND = Kind(
    id="mocking",
    step="person",
    severity=COMMITTED,
    summary="sarcasm aimed at the customer: mocks them, their problem or their complaint",
    flag="sarcasm",
    also=("job", "apology"),
    undoes_acknowledgement=True,
    patterns=(
        *patterns(
            CORPUS,
            r"\b(?:oh|wow),? (?:great|brilliant|wonderful|fantastic|congratulations|well done)\b|"
            r"\b(?:great|brilliant|wonderful|fantastic|congratulations|well done),? (?:so |then )?<you> "
            r"(?:can'?t|couldn'?t|didn'?t|want|expect|think|forgot)\b",
            r"\b(?:sure|right|yeah),? (?:because|like) ",
            r"\bwhat a (?:surprise|shock)\b",
            r"\bnews flash\b",
            r"\bboo ?hoo\b",
            r"\bcry me a river\b",
            r"\bdoesn'?t revolve around\b",
            r"\bthe world (?:doesn'?t|does not) revolve\b",
            r"\b(?:oh )?(?:brilliant|great|wonderful|fantastic|lovely),? another\b",
        ),
        *patterns(
            ISSUE11,
            r"\bwow,? (?:amazing|lovely|perfect)\b",
            r"\bnot (?:that )?hard when\b",
            r"\b(?:we|i)'?ll (?:try to |somehow |just have to )?(?:survive|cope|manage|struggle on) without <you>\b",
            r"\bif it'?s (?:that|so) (?:easy|simple)\b",
            r"\b<youre> welcome to (?:come (?:in |here |down )?and )?do it yourself\b",
        ),
        *patterns(
            RATED2,
            r"\b(?:doesn'?t|does not|don'?t) run on <your> (?:personal )?(?:schedule|timetable|clock)\b",
        ),
    ),
    examples=(
        # Rated set 2 (issue 11): one example per pattern, in new words.
        "Sorry the bus doesn't run on your personal schedule.",
        "Wow, perfect, another one who won't read the email.",
        "Oh brilliant, another one of these calls.",
        "Wow, great, another customer who can't read a bill.",
        "Sure, because we love losing parcels.",
        "Well, if it's that easy, you're welcome to come and do it yourself.",
        "Right, well, I'm sure we'll survive without you.",
        "Not hard when people spell their own email right.",
    ),
    near_misses=(
        "Great, so that's the refund done. Anything else?",
        "Wow, that's a lot to deal with in one week.",
    ),
)

"""`job` failure `playing_along`: flirts back or chats about the agent: the call is no longer about their problem."""

from __future__ import annotations

from trainer.grading.kind import COMMITTED, CORPUS, ISSUE11, RATED8, ROUND6, Kind, patterns

KIND = Kind(
    id="playing_along",
    step="job",
    severity=COMMITTED,
    summary="flirts back or chats about the agent: the call is no longer about their problem",
    patterns=(
        *patterns(
            CORPUS,
            r"\b(?:you'?re|you are) (?:sweet|lovely|not so bad|cute|charming|funny|a charmer)\b",
            r"\bmake me blush\b",
            r"\bfor me to know\b",
            r"\b(?:not so bad|not bad) yourself\b",
            r"\bi (?:finish|get off|clock off|knock off) (?:at|around|about) ",
            r"\b(?:we|i) (?:could|can) (?:meet|grab|get) (?:up|a drink|a coffee|drinks|coffee|dinner)",
            r"\b(?:thanks?|thank you),? (?:\w+ ){0,2}(?:voice|flatter|charming|sweet of you)\b(?!.*\b(?:back to|let'?s))",
            r"\b<your> voice(?:'s| is) (?:not bad|lovely|nice) (?:too|either)\b",
            r"\bmy (?:number|personal number|instagram|socials?) is\b",
            r"\b(?:you'?re|you are) (?:quite )?(?:the charmer|a charmer|cheeky)\b",
        ),
        *patterns(
            ROUND6,
            r"\b<you>(?:'ve| have)? (?:got )?(?:a )?(?:nice|lovely|great|sweet|gorgeous) (?:voice|one)"
            r"(?: too| yourself)?\b|\b<you> sound (?:nice|lovely|sweet|fun|great)(?: too)?\b",
            r"\bflattery will get\b|\baw+,? thank(?:s| <you>)\b",
            r"\bmy (?:nan|gran|grandad|grandpa|grandma|granddad|mum|dad|brother|sister|husband|wife|uncle|"
            r"aunt)(?:'s| is| was)? (?:\w+ ){0,2}(?:from|in the|too|as well)\b",
        ),
        *patterns(
            ISSUE11,
            r"\bmak(?:e|es|ing) me blush\b",
            r"\b(?:don'?t|do not) (?:sound|look) (?:too |so )?bad yourself\b",
            r"\bmaybe (?:another|some other) time\b",
            r"\b(?:gorgeous|handsome|sexy)\W*$",
        ),
        *patterns(
            RATED8,
            r"\bi'?m on (?:til|till|until) \d+(?: ?[ap]m)? ?[\U0001F609\U0001F618\U0001F60F]",
        ),
    ),
    examples=(
        "Aw, you're making me blush!",
        "You don't sound too bad yourself.",
        "Haha maybe another time!",
        "So what's up with the deposit, gorgeous?",
        "You've got a lovely voice yourself.",
        "You sound fun too!",
        "Flattery will get you everywhere.",
        "My brother was in the army too!",
        # Set 8: the agent's hours offered.
        "haha im on til 6 \U0001f609 anyway whats up with ur direct debit",
    ),
    near_misses=(
        "lol fair enough, what's gone wrong with the order?",
        # Sets 2, 6 and 7: a pet name and a kiss mirrored back, then help, fails person (mirroring),
        # not job; the raters of set 8 alone failed job on one.
        "sure thing hun \U0001f618 ill get someone to look at it",
    ),
)

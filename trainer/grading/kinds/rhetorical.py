"""`ask` committed failure `rhetorical`: a rhetorical question: push-back, not a question meant ("What do you expect me to do?")."""

from __future__ import annotations

from trainer.grading.kind import COMMITTED, CORPUS, ISSUE11, RATED1, RATED2, ROUND6, Kind, patterns

QUESTIONS = (
    *patterns(
        CORPUS,
        r"\bwhat (?:do|did|else do|else did|exactly do|would|are) <you> (?:expect|want)(?: me| us)? "
        r"(?:to do|from me|from us)?\s*(?:about it|then|here|exactly)?\s*[?!]*$",
        r"\bwhat (?:do|did) <you> expect\b",
        r"\bwhat (?:do|did) <you> want me to say\b",
        r"\bwhat (?:am i|are we|was i|were we) (?:supposed|meant|expected) to\b",
        r"\bhow (?:am i|are we|was i|were we|would i|would we|could i|could we) (?:supposed |meant |"
        r"expected )?(?:to )?(?:know|have known|guess|read)\b",
        r"\bdo <you> (?:think|expect|really think|honestly think|seriously think) (?:i|we)\b",
        r"\b(?:is|was) (?:that|it) (?:really |so |that |too )?(?:hard|difficult|much to ask|complicated)\b",
        r"\bwho do <you> think\b",
        r"\bwhy (?:would|should|didn'?t|did|don'?t|can'?t|couldn'?t|won'?t) <you>\b",
        r"\bwhy (?:would|should) (?:i|we)\b",
        r"\bdid <you> (?:even|actually|not|bother|really)\b",
    ),
    *patterns(
        ROUND6,
        r"\b(?:have|did) <you> (?:even|actually|ever) (?:tried|read|checked)\b|\b(?:have|did) <you> "
        r"(?:even )?bothered\b",
    ),
    *patterns(
        CORPUS,
        r"\bare <you> (?:serious|kidding|joking|for real|listening|even|deaf|done)\b",
        r"^\W*(?:really|seriously|honestly)\W*\?+\W*$",
        r"\bcan'?t <you> (?:read|see|understand|hear)\b",
    ),
    *patterns(
        ROUND6,
        r"\bwhat(?:'s| is) <your> problem\b|\bwhat(?:'s| is) the big deal\b",
    ),
    *patterns(
        CORPUS,
        r"\bwhat more (?:do|can|could) <you> want\b",
        r"\bhow (?:hard|difficult) (?:is|can) it be\b",
        r"\bwhat (?:did|do) <you> (?:think|want) (?:would|was going to|will) happen\b",
        r"\bhappy now\b",
        r"\bwhat (?:else )?(?:can|could) (?:i|we|anyone) (?:possibly|even) do\b",
        r"\bdon'?t <you> (?:think|realise|realize|understand|know)\b",
        r"\bhow (?:is|was|'s) (?:that|this|it) (?:my|our|the company'?s) (?:fault|problem|responsibility)\b",
        r"\b(?:is|was) (?:that|this|it) (?:my|our) (?:fault|problem)\b",
        r"\bi'?ll just [^.!?]{0,60},? shall i\b",
        r"\bwhat did <you> (?:think|expect)\b",
        r"\bwhose fault is (?:that|this|it)\b",
    ),
    *patterns(
        ISSUE11,
        r"\bwhat (?:exactly |else )?(?:do|did|would|are) <you> (?:want|expect)(?:ing)? (?:me|us) to do\b(?! (?:to|so|for|next|first|now)\b)",
        r"\b(?:isn'?t|won'?t|doesn'?t|can'?t|is not|will not) [^?]{3,60}, (?:is|will|does|can) it\W*$",
    ),
    *patterns(
        RATED1,
        r"\bwhat (?:would|do) <you> (?:like|want|expect) me to do,? (?:\w+ ){0,2}(?:pay|kick|"
        r"magic|buy|fly|conjure|drive)\b",
    ),
    *patterns(
        RATED2,
        r"\bwould <you> rather (?!(?:i|we)\b)(?:\w+ ){0,4}(?:with no|without)\b",
    ),
)
"""Rhetorical questions (a sentence matching any of these)."""


KIND = Kind(
    id="rhetorical",
    step="ask",
    severity=COMMITTED,
    summary='a rhetorical question: push-back, not a question meant ("What do you expect me to do?")',
    flag="rhetorical",
    found_by="ask.detect: a question that classify_question reads as rhetorical, or any question inside sarcasm, a counter-threat or blame",
    cues=(*QUESTIONS,),
    examples=(
        "What would you like me to do, pay you what it cost new?",
        "What do you want me to do, kick another guest out?",
        "Right. So you're stuck. What exactly do you expect me to do from here?",
        "What do you want me to do about it?",
        "Threatening staff isn't going to unfreeze your account, is it?",
        "What do you expect me to do?",
        "What's your problem?",
        "Have you even tried restarting it?",
    ),
)

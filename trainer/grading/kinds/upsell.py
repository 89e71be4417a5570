"""`job` failure `upsell`: sells before the problem is solved."""

from __future__ import annotations

from trainer.grading.kind import (
    COMMITTED,
    CORPUS,
    ISSUE11,
    RATED1,
    RATED2,
    ROUND4,
    ROUND5,
    ROUND6,
    Kind,
    patterns,
)
from trainer.grading.kinds.common import keeps_them

KIND = Kind(
    id="upsell",
    step="job",
    severity=COMMITTED,
    summary="sells before the problem is solved",
    patterns=(
        *patterns(
            CORPUS,
            r"\bhave <you> (?:seen|heard (?:of|about)) our (?:new|latest)\b",
            r"\bdid <you> know (?:that )?we (?:also )?(?:do|sell|offer)\b",
            r"\b(?:before you go|while i have you|while you'?re on the line),? (?:can|could|may|did|have|let) "
            r"(?:i|you|me)\b(?! .*\b(?:refund|fix|sort|credit|try|check|put (?:\w+ )?right|help|make (?:\w+ )?right|get (?:\w+ )?sorted))",
            r"\b(?:bundle|upgrade|premium|offer|deal|package)s? (?:deals?|plans?|that|which|for) (?:\w+ ){0,4}"
            r"(?:save|interested|might like)",
            r"\binterested in (?:our|a|an|upgrading)\b",
        ),
        *patterns(
            ROUND4,
            r"\bbefore you go,? (?:we'?ve|we have|there'?s|i)\b",
            r"\b(?:loyalty|upgrade) (?:offer|bundle|deal)\b",
        ),
        *patterns(
            ROUND5,
            r"\bwhile <youre> on,? (?:can|could|may) i (?:tell|interest|mention)\b",
        ),
        *patterns(
            ROUND6,
            r"\bbefore you (?:switch|leave|cancel|go),? (?:we'?ve|we have) (?:actually )?got\b",
        ),
        *patterns(
            ISSUE11,
            r"\b(?:while i(?:'ve)? (?:have|got) you|while <youre> on(?: the (?:line|phone))?|before <you> (?:go|cancel|leave|switch)),? (?:our |the |have <you> |did <you> know |would <you> like |can i )?[^.!?]{0,60}\b(?:plan|package|upgrade|upgrading|subscription|bundle|premium|cover|insurance|deal|offer)\b",
            r"\bif <you> upgrade\b|\bupgrade to (?:our |the )?(?:premium|pro|gold|plus)\b",
            r"\bhave <you> (?:had a look at|looked at|thought about|considered) (?:our|upgrading|the \w+ (?:plan|package))\b",
            r"\bdid <you> know (?:that )?<you> can (?:add|upgrade|get)\b",
            r"\bfor (?:only|just) (?:£\d+|\d+ pounds|ten pounds|five pounds|a few pounds) (?:more|extra)\b",
        ),
        *patterns(
            RATED1,
            r"\bbefore (?:i|we) (?:process|put through|do|cancel|action)\b[^.!?]{0,40}\b(?:could|can|may) i "
            r"(?:just )?(?:tell|interest|mention|offer)\b",
        ),
        *patterns(
            RATED2,
            r"\bdid <you> know <you> could save\b|\bwe'?ve just launched\b",
        ),
    ),
    exempt=(keeps_them,),
    examples=(
        # Rated set 2 (issue 11): one example per pattern, in new words.
        "Did you know you could save £5 with the annual plan?",
        "Before I process the cancellation, could I tell you about our flexi plan?",
        "You can add cloud backup for just £5 extra.",
        "While I've got you, our Gold plan is only a few pounds more.",
        "Before you cancel, have you looked at our Fibre Max package?",
        "If you upgrade to premium you can pause it any time.",
        "Did you know you can add sports channels?",
        "Have you heard about our new family plan?",
        "Did you know we also sell extended cover?",
        "Before you go, we have a new broadband deal.",
        "There's a loyalty offer on this month.",
        "While you're on, can I tell you about our insurance?",
        "Before you leave, we've actually got a bundle offer.",
    ),
    near_misses=(
        "Before you go, can I try one more thing on the line?",
        # Rated set 2 (issue 11), in new words.
        "Before you go, would it help if I put 50% off for the next six months?",
    ),
)

"""`job` failure `gives_up`: accepts an exit or closes the call without an attempt to help."""

from __future__ import annotations

from trainer.grading.findings import Finding
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
from trainer.grading.kinds.common import permission_with_way_forward
from trainer.grading.text import rx

_REBOOKED = rx(r"^(?:\s+\w+){0,4}\s+and (?:re-?)?(?:booked|rebooked|moved|arranged)\b")


def cancelled_to_rebook(text: str, finding: Finding) -> bool:
    """Rated set 2: "Right, I've cancelled the old booking and rebooked for Saturday" is the fix."""
    return bool(_REBOOKED.match(text[finding.span.end : finding.sentence.end]))


KIND = Kind(
    id="gives_up",
    step="job",
    severity=COMMITTED,
    judge_may_overrule=True,
    undoes_acknowledgement=True,
    summary="accepts an exit or closes the call without an attempt to help",
    patterns=(
        *patterns(
            CORPUS,
            r"\b(?:thanks|thank you) for calling\W+(?:bye|goodbye)\b",
            r"\bno problem\W+(?:bye|goodbye)\b",
            r"\b(?:account )?closure forms?\b",
            r"\b(?:ok(?:ay)?|fine|right),? i can (?:cancel|close|send <you> the (?:cancellation|closure))",
            r"^\W*(?:ok(?:ay)?|fine|right|alright|sure)?,? ?(?:then,? )?(?:bye|goodbye|cheers|have a (?:good|nice) "
            r"(?:day|one))(?: then)?\W*$",
            r"\b(?:ok(?:ay)?|fine|right|alright)(?: then)?,? (?:i'?ll|we'?ll|i will) (?:cancel|close|end|terminate) (?:it|that|"
            r"<your>|the)",
            r"\bglad (?:it'?s|everything'?s|that'?s) (?:all )?(?:fine|ok|okay|sorted|good)\b",
            r"^\W*(?:ok(?:ay)?|fine|right),? (?:suit yourself|whatever|if you say so)\b",
            r"\bsuit yourself\b",
            r"\bwhatever <you> (?:say|want|like)\b",
            r"\bif that'?s what <you> want,? (?:fine|ok|then)",
            r"\b(?:fine|ok(?:ay)?|right|alright),? if that'?s what <you> (?:want|prefer|'?d like)\b",
            r"\b(?:bye|goodbye) (?:then|now)\W*$",
        ),
        *patterns(
            ROUND4,
            r"\b<youre> entitled to (?:do that|complain|go)\b",
            r"\b(?:thanks|thank you) for calling(?: [\w' ]{0,30})?\W*$",
            r"\b(?:have a (?:good|nice|lovely|great) (?:day|night|evening|weekend|one)|enjoy (?:the rest "
            r"of )?<your> (?:night|day|evening|weekend)|take care(?: now)?)(?:,? (?:sir|madam|mate|mr \w+|"
            r"mrs \w+|ms \w+|miss \w+))?\W*$",
            r"\b(?:that'?s|it'?s) (?:entirely |completely |totally )?up to <you>\W*(?:$|[.!]|,? but)",
            r"^\W*up to <you>\b",
            r"^\W*<your> choice\b",
            r"\bif <youre> happy to wait\b",
            r"\bfine by me\b",
            r"\bput the cancellation through\b",
            r"\b(?:i'?ll|i will) send <you> the (?:\w+ )?(?:address|form|details)\b(?=.*ombudsman)",
            r"\b(?:no problem|no worries|ok(?:ay)?|fine)\W+(?:is there )?anything else\b",
        ),
        *patterns(
            ROUND5,
            r"^\W*(?:no worries|no problem|ok(?:ay)?|alright|right),? enjoy\b",
            r"^\W*(?:ok(?:ay)?|fine|right|alright|sure)\W+(?:bye|goodbye|cheers)\W*$",
            r"\bwhatever,? (?:mate|then|sir|madam|love)?\W*$",
            r"\bthat'?s entirely <your> (?:choice|decision|call)\b",
        ),
        *patterns(
            ROUND6,
            r"^\W*(?:no worries|no problem|ok(?:ay)?|alright|right)(?:\W+(?:no worries|no problem))?\W+enjoy\b",
            r"^\W*(?:ok(?:ay)?|fine|right|sure),? i'?ve cancelled\b",
        ),
        *patterns(
            ISSUE11,
            r"^\W*(?:<your> call|up to <you>),? then\W*$",
            r"\b<youre> free to (?:move|leave|go|take|switch|cancel) (?:<your> \w+ )?(?:whenever|any ?time|when) <you> (?:like|want)\b",
            r"\b(?:sorry|apologies),? (?:i|we) (?:couldn'?t|can'?t|wasn'?t able to|weren'?t able to) help\b",
            r"\bsorry to hear that\W+(?:bye|goodbye)\b",
            r"\b(?:no problem|sure|fine|ok(?:ay)?),? i (?:can|'ll|will) (?:process|put through|do|sort) (?:the|<your>) (?:cancellation|closure)\b",
            r"\b<you> can always try (?:the|our) (?:live chat|website|app|online|other)\b",
        ),
        *patterns(
            ISSUE11,
            r"\bi'?ll send (?:<you> )?(?:the |a |your )?(?:cancellation|closure) (?:confirmation|form|details|email|letter)\b",
        ),
        *patterns(
            RATED1,
            r"^\W*(?:ok(?:ay)?\W+)?fine,? (?:i'?ve|ive|i have) (?:cancelled|closed|ended)\b",
            r"\bcancelled\b[^?]*\b(?:good)?bye\W*$",
            r"\bthat'?s (?:entirely|completely|totally|absolutely|of course) <your> right\b",
        ),
        *patterns(
            RATED2,
            r"\b(?:no worries|no problem|ok(?:ay)?|sure|fine)\W+(?:i'?ve|ive|i have) (?:processed|cancelled|closed) (?:the|ur|your) (?:cancellation|account)\b",
            r"\bfair enough\W+(?:\S+\s+)?(?:i'?ll|ill|i will) cancel\b",
            r"\bsorry to see <you> go\b",
            r"<ss>\W*<your> call\W*(?:$|[.!]\s)",
            r"\b(?:will be|'ll be) cancelled and <you>(?:'ll| will) lose\b",
        ),
    ),
    exempt=(permission_with_way_forward, cancelled_to_rebook),
    examples=(
        # Rated set 2 (issue 11): one example per pattern, in new words.
        "no worries, ive processed the cancellation",
        "fair enough, ill cancel it now",
        "Sorry to see you go!",
        "Your call. They're dearer, mind.",
        "Then the order will be cancelled and you'll lose the deposit.",
        # Rated set 1 (issue 11): one example per pattern, in new words.
        "ok fine, ive cancelled it",
        "I've cancelled the account. Goodbye.",
        "That's completely your right, madam.",
        "I'm sorry you're leaving. I'll send the cancellation confirmation.",
        "Your call, then.",
        "You're free to move your savings whenever you like.",
        "Okay, sorry I couldn't help. Bye.",
        "Okay, sorry to hear that. Goodbye.",
        "No problem, I can process the cancellation for you now.",
        "Fair enough. You can always try the live chat instead.",
        "Okay then, bye.",
        "Alright then, I'll cancel it.",
        "Fine, if that's what you want.",
        "You're entitled to complain.",
        "OK, thanks for calling.",
        "Right, have a good day, sir.",
        "Well, that's up to you.",
        "Up to you.",
        "Your choice.",
        "Alright, if you're happy to wait.",
        "Fine by me.",
        "OK, I'll put the cancellation through.",
        "I'll send you the address for the ombudsman.",
        "No problem. Anything else?",
        "Ok, enjoy your evening.",
        "That's entirely your decision.",
        "Fine. Bye.",
        "Whatever, mate.",
        "Okay, no worries! Enjoy the party.",
        "Fine, I've cancelled it.",
    ),
    near_misses=(
        # Rated set 2 (issue 11), in new words.
        "Right, I've cancelled the old booking and rebooked you for Saturday morning.",
        "Is there anything else I can help with today?",
        "It's up to you which we do first: the refund or the visit?",
        "Thanks for calling, and I'm sorry about all this. What would put it right?",
        "Your account is up to date and nothing else is owed.",
    ),
)

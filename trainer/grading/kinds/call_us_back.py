"""`job` failure `call_us_back`: makes the customer do the chasing ("call back tomorrow")."""

from __future__ import annotations

from trainer.grading.kind import COMMITTED, CORPUS, ISSUE11, ROUND4, ROUND5, Kind, patterns
from trainer.grading.kinds.common import agent_does_it

KIND = Kind(
    id="call_us_back",
    step="job",
    severity=COMMITTED,
    summary='makes the customer do the chasing ("call back tomorrow")',
    flag="call_us_back",
    patterns=(
        *patterns(
            CORPUS,
            r"\b(?:try|trying) (?:calling|ringing|phoning|again|back)(?: us| back| again)* (?:tomorrow|later|next|in|after|another)\b",
            r"\b(?:call|ring|phone|try|contact) (?:us |me |back |again |in )*(?:tomorrow|later|next week|"
            r"on monday|in (?:a|an|\d+|a few) (?:hour|day|week)s?|another time)\b",
            r"\b(?:call|ring|phone) (?:us )?back (?:after|when|once|in)\b",
            r"\b(?:call|ring|phone) (?:back|again) (?:when|once|if|after)\b",
            r"\btry again (?:later|tomorrow|another|next)\b",
            r"\b<you>(?:'ll| will)? (?:need|have) to (?:call|ring|phone) (?:back|again|us)\b",
            r"\bcome back (?:tomorrow|later|next)\b",
            r"\bcan <you> (?:call|ring|phone|try) (?:us |me )?(?:back|again)\b",
            r"\bgive it (?:a|an|\d+|a couple of|a few|another|some) (?:\w+ )?(?:days?|hours?|weeks?|"
            r"minutes?|while|time)(?: or so)?,? (?:and|then) (?:call|ring|phone|try|contact|get back)",
            r"\b(?:and|then) (?:call|ring|phone) (?:us |me )?(?:again|back)\b",
            r"\b(?:call|ring|phone) (?:us |me )?(?:again|back) (?:if|when|once|after|in)\b",
        ),
        *patterns(
            ROUND4,
            r"\b(?:ring|call|phone) (?:us |them )?(?:back )?then\W*$",
            r"\bif <you> change <your> mind,? <you> can (?:always )?(?:call|ring|phone|contact)\b",
        ),
        *patterns(
            ROUND5,
            r"\bif <you> (?:change <your> mind|find (?:it|the \w+)),? (?:just )?(?:give us a )?(?:ring|call|phone) "
            r"(?:us )?back\b",
            r"\bgive us a (?:ring|call|bell) back\b",
        ),
        *patterns(
            ISSUE11,
            r"\bif <you> change <your> mind,? (?:just )?(?:give us a (?:ring|call|bell)|(?:ring|call|phone) us)\b",
        ),
    ),
    exempt=(agent_does_it,),
    examples=(
        "Ok no problem, if you change your mind just give us a ring.",
        "Try again tomorrow.",
        "Give it a few days and ring again.",
        "The desk opens at six, so ring back then.",
        "If you change your mind you can always call us.",
        "If you find the letter, just ring us back.",
        "Give us a call back when it arrives.",
    ),
    near_misses=(
        "I'll call you back tomorrow at ten.",
        "Shall I give you a ring back this evening?",
        "I'll ask the courier to try again at nine tomorrow.",
        "Shall I send the details and ring back in an hour?",
        "Would a call back in five minutes be easier?",
    ),
)

"""What the customer hears in a reply beyond the grade: questions, agreement, confirmation.

The grader judges the four steps; the customer also needs to know what the trainee *asked*
(what they want, what happened, a booking reference, a time for a call-back), whether they
*agreed* to what the customer just asked for ("go ahead with that", "yes, I can do both"),
whether they *confirmed* it ("it's booked, you'll get a text"), and which days, times and
numbers they said (so the customer never refers to a Thursday nobody mentioned). Rules only;
offers by meaning live in `offers.py`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from trainer.grading.offer_cues import blocked, clauses

Question = Literal["want", "detail", "data", "contact", "time", "check", "anything_else"]

_I = re.I

_WANT_Q = re.compile(
    r"\bwhat (?:can|could|shall|should|would you like|do you (?:want|need|like)) (?:i|we|me)?\b|"
    r"\bhow (?:can|could|may|shall) (?:i|we) (?:help|fix|sort|put|make|resolve)\b|"
    r"\bwhat (?:would|might|will) (?:help|make|put|fix|work|sort)\b|"
    r"\bwhat (?:do|would) you (?:want|need|like|prefer|expect|hope)\b|"
    r"\bwhat (?:outcome|result|resolution)\b|\bwhat(?:'s| is| would be) (?:the )?(?:most "
    r"important|best outcome|ideal)\b|\bwhat matters (?:most )?to you\b|"
    r"\bhow would you like (?:me|us) to\b|\bwhat are you (?:hoping|looking) for\b|"
    r"\bis there (?:anything|something) (?:i|we) can do\b|\btell me what you (?:need|want)\b|"
    r"\bwhat(?:'s| is) the (?:one )?thing (?:i|we) (?:can|could)\b|"
    r"\bwhat would (?:be|feel) (?:fair|right)\b|\bwhat do you need\b",
    _I,
)
_DETAIL_Q = re.compile(
    r"\bwhat (?:happened|went wrong|exactly happened|did they|did the|was said)\b|"
    r"\bwhen did\b|\bhow long (?:has|have|did|ago)\b|\bsince when\b|"
    r"\b(?:can|could|would) you (?:tell|walk|talk|take) me\b|\btell me (?:more|about|what)\b|"
    r"\bwalk me through\b|\bhas (?:this|it) happened before\b|\bhow did (?:it|this|that)\b|"
    r"\bwho (?:did|told|said)\b|\bwhere (?:is|was|did|are)\b|\bwhich (?:\w+ )?(?:was|did|is)\b|"
    r"\bwhat time did\b|\bwhat (?:did|does) (?:it|the \w+) (?:say|show)\b",
    _I,
)
_DATA_Q = re.compile(
    r"\b(?:account|booking|order|reference|membership|card|customer|policy|claim|case|"
    r"flight|reservation) (?:number|no|ref|reference|code|id)\b|\breference\b|"
    r"\bpostcode\b|\bpost code\b|\bdate of birth\b|\bemail address\b|\bfull name\b|"
    r"\bfirst line of (?:your|the) address\b|\baddress (?:on|for) the\b|\bspell (?:that|your)\b|"
    r"\bsecurity (?:question|check|details)\b|\blast (?:four|4) digits\b|\bwhich branch\b|"
    r"\bconfirm your (?:name|address|details|identity)\b",
    _I,
)
_CONTACT_Q = re.compile(
    r"\b(?:what|which)(?:'s| is)? (?:the )?(?:best |right |good )?(?:number|phone)\b|"
    r"\bnumber (?:to|i can|we can|i should) (?:reach|call|ring|get hold of|use)\b|"
    r"\bbest number\b|\bis (?:this|that) (?:the )?(?:best|right|a good) number\b|"
    r"\b(?:can|could|may) i (?:take|have|get) (?:a |your |the )?(?:number|phone number|mobile)\b",
    _I,
)
_TIME_Q = re.compile(
    r"\bwhat time\b(?! did)|\bwhen (?:suits|works|is (?:good|best|convenient)|would (?:be|suit|"
    r"work)|'?s (?:good|best|convenient))\b|\bgood time\b|\bbest time\b|"
    r"\bwhen (?:can|should|shall|would you like me to|do you want me to) (?:i )?(?:call|ring)\b|"
    r"\bwhen (?:are|will) you (?:free|available|home|back)\b",
    _I,
)
_CHECK_Q = re.compile(
    r"\b(?:does|would|will|could) (?:that|this|it) (?:help|work|do|suit|be (?:ok|okay|alright|"
    r"enough|acceptable))\b|\bis (?:that|this) (?:ok|okay|alright|acceptable|enough|fair)\b|"
    r"\bhow does that sound\b|\bdoes that sound\b|\bare you (?:ok|okay|happy) with\b",
    _I,
)
_ANYTHING_ELSE = re.compile(r"\banything else\b", _I)

_AGREE = re.compile(
    r"\b(?:i(?:'ll| will| can| could|'m going to| am going to)|let me|shall i|can i|should i|"
    r"may i|we(?:'ll| will| can)|i(?:'d| would) be happy to)\b[^.?!]{0,40}?\b(?:do|arrange|"
    r"sort|organi[sz]e|set up|book|get|make|put|fix|action|process|go ahead|take care of|"
    r"handle|start|deal with|see to|sort out|get on with)\b[^.?!]{0,25}?\b(?:that|it|this|"
    r"those|them|both|all (?:of )?(?:that|it|this|those|them)|exactly (?:that|what you)|what "
    r"you(?:'ve)? (?:asked|want|need|said|described|mentioned))\b|"
    r"\b(?:i(?:'ll| will)|shall i|let me|can i|should i|i'm going to) go ahead\b|"
    r"\b(?:yes|yeah|absolutely|of course|certainly|definitely|sure)\b,?\s*(?:i|we) "
    r"(?:can|will|'ll|could)\b|\bconsider (?:it|that) done\b|\bleave it with me\b|"
    r"\bi'?m on it\b|\bthat'?s (?:exactly )?what i'?ll do\b|\bwe can do (?:that|both|it)\b|"
    r"\bi can (?:do|manage|arrange) (?:that|both|it|all)\b",
    _I,
)
"""Agreement that points back at what the customer asked for ("go ahead with that",
"I'll do exactly that", "yes, I can do both")."""
_WH_START = re.compile(r"^\W*(?:what|how|why|which|when|where|who)\b", _I)
"""A clause that opens with a question word asks; it does not agree ("What can I do?")."""
_BOTH = re.compile(
    r"\bboth\b|\ball (?:of )?(?:that|it|those|three|them|of it)\b|"
    r"\beverything you(?:'ve)? (?:asked|said|mentioned|need)\b|\beach of (?:those|them)\b",
    _I,
)
_CONFIRM = re.compile(
    r"\bi(?:'ve| have) (?:just |now |already |gone ahead and )?(?:done|booked|put|sent|set|"
    r"arranged|processed|raised|logged|added|restored|refunded|credited|moved|made|got|"
    r"sorted|changed|updated|issued|requested|reserved|confirmed|approved|lifted|removed|"
    r"scheduled|ordered|applied|paid|started|reinstated|cleared|switched)\b|"
    r"\b(?:it|that|this|everything|your \w+|the \w+)(?:'s| is| has been| have been| was| are) "
    r"(?:now |all |already )?(?:done|booked|confirmed|sorted|arranged|on its way|processed|"
    r"gone through|in place|reserved|approved|set up|sent|going through|back on|restored|"
    r"lifted|cleared|scheduled|on the system)\b|"
    r"\byou(?:'ll| will| should) (?:get|have|receive|see|be)\b[^.?!]{0,50}\b(?:text|email|"
    r"confirmation|letter|reference|within|today|tomorrow|tonight|shortly|in the next|by)\b|"
    r"\b(?:confirmation|reference)(?: number)? is\b|\bhere'?s (?:your|the) (?:reference|"
    r"confirmation)\b|"
    r"\byes,? (?:it'?s|it is|that'?s|that is|you are|you'?re) (?:confirmed|booked|done|"
    r"certain|definite|sorted|going to)\b|\bi(?:'ll| will) (?:send|text|email|write|post)\b|"
    r"\byou have my word\b|\bas we speak\b|\bright now,? while\b|"
    r"\bi'?m (?:doing|booking|processing|sorting|arranging|putting|sending|setting|"
    r"restoring|refunding|lifting|changing) (?:it|that|this|you|them|those)\b",
    _I,
)
"""A commitment made certain: done, booked, on its way, a confirmation coming."""
_CALLBACK_OFFER = re.compile(
    r"\b(?:call|ring|phone) you (?:back|again|later|tomorrow|this|in|at|first thing)\b|"
    r"\bgive you a (?:call|ring|bell)\b|\bget back to you\b",
    _I,
)
_TIME = re.compile(
    r"\b(?:today|tonight|tomorrow|this (?:morning|afternoon|evening)|"
    r"(?:in|within|after) (?:an?|one|two|three|four|five|ten|fifteen|twenty|thirty|forty|"
    r"forty-five|half an|a few|a couple of|\d+) (?:minutes?|hours?|mins?)|"
    r"at (?:\d{1,2}(?::\d{2})?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
    r"twelve|noon|midday)(?: ?(?:am|pm|o'?clock|thirty|fifteen|forty-five))?|"
    r"\d{1,2}(?::\d{2})? ?(?:am|pm)|(?:monday|tuesday|wednesday|thursday|friday|saturday|"
    r"sunday)(?: morning| afternoon| evening)?|first thing|after (?:work|lunch|\d|one|two|"
    r"three|four|five|six|seven)|before (?:\d|noon|lunch|five|six|seven)|lunchtime|"
    r"end of (?:the )?day|later (?:today|on|this)|half past \w+|quarter (?:past|to) \w+)\b",
    _I,
)
_NUMBER_SAID = re.compile(
    r"\b(?:this|that|the same|your|the) (?:number|mobile|landline|phone)\b|"
    r"\bnumber (?:you'?re )?(?:calling|ringing) (?:from|on)\b|\b0\d[\d ]{8,}\b|"
    r"\bending (?:in )?\d{2,4}\b|\bon your mobile\b",
    _I,
)

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
NUMBER_WORDS = {
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
    "ten": "10",
    "eleven": "11",
    "twelve": "12",
    "fifteen": "15",
    "twenty": "20",
    "thirty": "30",
    "forty": "40",
    "fifty": "50",
    "hundred": "100",
}
_DAY = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b", _I)
_NUMBER = re.compile(r"\d+(?:[.:]\d+)?|\b(?:" + "|".join(NUMBER_WORDS) + r")\b", _I)


def days_in(text: str) -> set[str]:
    """Weekday names in `text`, lower-cased."""
    return {m.group(1).lower() for m in _DAY.finditer(text)}


def numbers_in(text: str) -> set[str]:
    """Numbers in `text` as digits ("three" and "3" are the same; "06:40" gives "06:40", "6")."""
    out: set[str] = set()
    for m in _NUMBER.finditer(text):
        raw = m.group(0).lower()
        value = NUMBER_WORDS.get(raw, raw)
        out.add(value)
        head = re.split(r"[.:]", value)[0]
        out.add(str(int(head)) if head.isdigit() else head)
    return out


@dataclass
class Heard:
    """What the customer takes from one reply."""

    question: Question | None = None
    """The most specific thing the trainee asked, if they asked anything."""
    asked: str = ""
    """The trainee's question sentences."""
    agrees: bool = False
    """Agreement pointing back at what the customer asked for."""
    both: bool = False
    """'Both', 'all of that': the whole of what they asked for."""
    confirms: bool = False
    """The trainee made a commitment certain (done, booked, a confirmation on its way)."""
    refusals: list[str] = field(default_factory=list)
    """Why clauses were blocked (refusal, policy, condition, deflection, negation)."""
    callback: bool = False
    """The reply offers to call them back."""
    time: str = ""
    """A time the trainee named ("this afternoon", "at 3pm")."""
    number: bool = False
    """The trainee named or confirmed the number to ring."""
    days: set[str] = field(default_factory=set)
    numbers: set[str] = field(default_factory=set)


def _questions(text: str) -> list[str]:
    """Sentences that ask something: ending in '?', or opening with a question word."""
    parts = re.split(r"(?<=[.!?])\s+", text.strip())
    starts = re.compile(
        r"^\W*(?:what|when|where|which|who|how|can you|could you|would you|do you|is there|"
        r"are you|have you|did you|may i|can i|could i|shall i|is this|is that|tell me)\b",
        _I,
    )
    return [p for p in parts if p.rstrip().endswith("?") or starts.search(p)]


def classify_question(text: str) -> Question | None:
    """The most specific question in the reply (a call-back detail before a generic ask)."""
    asked = " ".join(_questions(text))
    if not asked:
        return None
    for kind, pattern in (
        ("contact", _CONTACT_Q),
        ("time", _TIME_Q),
        ("data", _DATA_Q),
        ("want", _WANT_Q),
        ("check", _CHECK_Q),
        ("detail", _DETAIL_Q),
        ("anything_else", _ANYTHING_ELSE),
    ):
        if pattern.search(asked):
            return kind  # type: ignore[return-value]
    return None


def straight_quotes(text: str) -> str:
    """Typographic apostrophes and quotes as plain ones, so "can’t" reads as "can't"."""
    return text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')


def hear(text: str) -> Heard:
    """Everything the customer's rules take from a reply."""
    text = straight_quotes(text)
    heard = Heard(question=classify_question(text), asked=" ".join(_questions(text)))
    for _start, clause in clauses(text):
        why = blocked(clause)
        if why:
            heard.refusals.append(why)
            continue
        if _AGREE.search(clause) and not _WH_START.search(clause):
            heard.agrees = True
            heard.both = heard.both or bool(_BOTH.search(clause))
        if _CONFIRM.search(clause):
            heard.confirms = True
        if _CALLBACK_OFFER.search(clause):
            heard.callback = True
    found = _TIME.search(text)
    heard.time = found.group(0) if found else ""
    heard.number = bool(_NUMBER_SAID.search(text))
    heard.days = days_in(text)
    heard.numbers = numbers_in(text)
    return heard

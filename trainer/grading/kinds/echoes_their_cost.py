"""`person` support `echoes_their_cost`: names the cost the customer named, in their terms.

"That's two days of your life gone waiting" to a customer who waited in two full days; "No
power with a three-week-old baby at home is every parent's nightmare" to one who said so;
"You've paid twice and you're short for rent" to one whose rent is due. No feeling word is
needed (docs/labelling.md 6.2): the reply takes a cost from the customer's own line (a span of
time, a sum of money, a dependant, an event, an essential they are without) and says it back
as what it means for them. Restating the fault ("you were charged twice") still fails, and so
does a cost mentioned only inside an offer or a question ("Shall I refund the £84?").
"""

from __future__ import annotations

import re
from functools import lru_cache

from trainer.grading.findings import Finding
from trainer.grading.kind import SUPPORT, Kind
from trainer.grading.text import Cleaned, Span, rx

_NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "whole": 1,
    "full": 1,
    "entire": 1,
    "all": 1,
    "two": 2,
    "couple": 2,
    "three": 3,
    "third": 3,
    "four": 4,
    "fourth": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "ninety": 90,
    "half": 0.5,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
# Rated set 1: "Forty-five minutes for starters" to a customer who waited 45 minutes.
_NUMBERS.update(
    {
        f"{tens}-{unit}": value + _NUMBERS[unit]
        for tens, value in _TENS.items()
        for unit in ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
    }
)
_NUMBERS.update({**_TENS, "4th": 4, "5th": 5, "6th": 6, "3rd": 3, "2nd": 2})

_UNIT = (
    r"(?P<unit>minute|min|hour|hr|day|night|week|wk|month|year|morning|afternoon|evening|weekend|"
    r"time|call|message|email|letter|visit|trip|attempt)s?"
)
_SPAN = re.compile(
    r"\b(?P<num>\d+(?:\.\d+)?|"
    + "|".join(sorted(_NUMBERS, key=len, reverse=True))
    + r")(?:[ -](?:full|whole|long|entire|more|"
    r"extra|solid|separate|different))?(?:[ -]a)?[ -]" + _UNIT + r"\b",
    re.IGNORECASE,
)
_UNIT_ALIASES = {
    "min": "minute",
    "hr": "hour",
    "wk": "week",
    "time": "call",
    "message": "call",
    "email": "call",
    "letter": "call",
    "attempt": "call",
}
_MONEY = re.compile(
    r"[£$€]\s?(?P<a>\d[\d,]*(?:\.\d\d)?)|\b(?P<b>\d[\d,]*(?:\.\d\d)?)\s?(?:pounds|quid|euros|dollars)\b|"
    r"\b(?P<w>" + "|".join(k for k, v in _NUMBERS.items() if isinstance(v, int) and v >= 2) + r")"
    r"(?:[ -](?P<w2>one|two|three|four|five|six|seven|eight|nine))? (?:pounds|quid|euros|dollars)\b",
    re.IGNORECASE,
)
_NOUNS = {
    # who depends on them
    "baby": "baby",
    "babies": "baby",
    "newborn": "baby",
    "kid": "child",
    "kids": "child",
    "child": "child",
    "children": "child",
    "son": "child",
    "daughter": "child",
    "mum": "parent",
    "mother": "parent",
    "dad": "parent",
    "father": "parent",
    "gran": "grandparent",
    "grandmother": "grandparent",
    "grandad": "grandparent",
    "grandfather": "grandparent",
    "nan": "grandparent",
    "wife": "partner",
    "husband": "partner",
    "partner": "partner",
    "family": "family",
    "dog": "pet",
    "cat": "pet",
    "pet": "pet",
    # money they need
    "rent": "rent",
    "mortgage": "mortgage",
    "bills": "bills",
    "food": "food",
    "wages": "wages",
    "salary": "wages",
    "savings": "savings",
    "overdraft": "overdraft",
    "takings": "takings",
    # work and plans
    "work": "work",
    "job": "work",
    "shift": "work",
    "client": "client",
    "clients": "client",
    "business": "business",
    "customers": "customers",
    "leave": "leave",
    "wedding": "wedding",
    "birthday": "birthday",
    "party": "party",
    "holiday": "holiday",
    "trip": "holiday",
    "funeral": "funeral",
    "interview": "interview",
    "exam": "exam",
    "exams": "exam",
    "school": "school",
    "flight": "flight",
    "show": "show",
    # what they are without
    "power": "power",
    "electricity": "power",
    "heating": "heating",
    "heat": "heating",
    "hot water": "hot water",
    "water": "water",
    "signal": "signal",
    "internet": "internet",
    "wifi": "internet",
    "broadband": "internet",
    "sleep": "sleep",
    "bed": "bed",
    "car": "car",
    "van": "van",
    "wheelchair": "wheelchair",
    "medication": "medication",
    "medicine": "medication",
    "inhaler": "medication",
    "insulin": "medication",
    "asthma": "health",
    "leg": "health",
    "pain": "health",
    "glasses": "glasses",
    "lenses": "glasses",
    "board": "board",
}
_NOUN = re.compile(
    r"\b(?:" + "|".join(sorted((re.escape(n) for n in _NOUNS), key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)
_FRAME = rx(
    r"\b(?:gone|lost|losing|wasted|spent|short|out of pocket|of (?:<your>|their) life|for nothing|"
    r"nightmare|worst|hard|tough|awful|rubbish|horrible|grim|brutal|bad enough|on top of|poor|worry|"
    r"worrying|scary|frightening|stuck|missing out|ruined|spoiled|spoilt|gutting|exhausting|draining|"
    r"the last thing|a lot|no joke|no fun|no way to|struggling|going without|chasing|every parent'?s|"
    r"anyone'?s)\b"
)
"""Words that say what the cost means for them, not just that it happened."""
_FRAME_MORE = rx(
    r"\b(?:(?:should have been|should'?ve been) (?:a|an|the|<your>) (?:\w+ ){0,3}(?:day|night|evening|morning|"
    r"holiday|celebration|party|birthday|wedding|honeymoon|weekend|trip|meal|time|treat)|"
    r"longer than (?:it|that) should(?: have|'ve) been|where <you> should(?: have|'ve) been|"
    r"should not be happening|shouldn'?t be happening|"
    r"ended (?:in|with|up)|a whole|an entire|whole (?:day|night|evening|morning|weekend)|paid for and|"
    r"left (?:standing|waiting|sitting|stranded)|too many|for a no[- ]show|most of (?:the|your))\b"
)
"""Rated set 1: more ways of saying what it cost them ("should have been a lovely evening and
instead", "A whole night at the airport", "the decorator's day paid for and no paint")."""
_CONTENT = re.compile(r"[a-z][a-z0-9']{4,}", re.IGNORECASE)
_PLAIN = frozenset(
    [
        "about",
        "after",
        "again",
        "always",
        "because",
        "being",
        "could",
        "didn't",
        "doesn't",
        "don't",
        "every",
        "going",
        "hasn't",
        "haven't",
        "having",
        "their",
        "there",
        "these",
        "thing",
        "think",
        "those",
        "through",
        "today",
        "until",
        "wasn't",
        "where",
        "which",
        "while",
        "would",
        "you've",
        "you're",
        "your's",
        "still",
        "never",
        "since",
        "months",
        "weeks",
        "hours",
        "minutes",
        "order",
        "account",
        "charge",
        "charged",
        "charges",
        "refund",
        "booking",
        "delivery",
        "payment",
        "company",
        "service",
        "phone",
        "email",
        "customer",
        "problem",
        "issue",
        "number",
        "sorry",
        "please",
        "thanks",
        "nobody",
        "anyone",
        "someone",
        "something",
        "people",
        "right",
        "wrong",
        "times",
        "twice",
        "first",
        "second",
        "third",
        "last",
        "other",
        "another",
    ]
)
"""Words too common to show the reply took its cost from the customer's own line."""
_FUTURE = rx(r"\b(?:will|'ll|going to|gonna|shall|should be|can be|is being|are being)\b")
_ACTION_START = rx(
    r"^\W*(?:(?:ok(?:ay)?|right|so|and|but|now|then|sure|first)\W+)*(?:i'?ll|i will|i can|i could|i'?ve|i have|i'?d|i would|let me|let'?s|we'?ll|we will|"
    r"we can|we could|we'?ve|we have|shall|would|could|can|do|does|did|is|are|will|please|if|when|"
    r"what|which|how|where|why|who)\b"
)
_CLAUSE = re.compile(r"[^,;:\u2014]+")


def _spans(text: str) -> set[tuple[float, str]]:
    out: set[tuple[float, str]] = set()
    for m in _SPAN.finditer(text):
        raw = m.group("num").lower()
        num = float(_NUMBERS[raw]) if raw in _NUMBERS else float(raw)
        unit = m.group("unit").lower()
        out.add((num, _UNIT_ALIASES.get(unit, unit)))
    return out


def _money(text: str) -> set[float]:
    out: set[float] = set()
    for m in _MONEY.finditer(text):
        digits = m.group("a") or m.group("b")
        if digits:
            out.add(float(digits.replace(",", "")))
        elif m.group("w"):
            out.add(
                float(
                    _NUMBERS[m.group("w").lower()] + _NUMBERS.get((m.group("w2") or "").lower(), 0)
                )
            )
    return out


def _nouns(text: str) -> set[str]:
    return {_NOUNS[m.group(0).lower()] for m in _NOUN.finditer(text)}


def _content(text: str) -> set[str]:
    """The customer's own words, roughly stemmed ("decorator's" and "decorators" -> "decorator")."""
    out = set()
    for m in _CONTENT.finditer(text):
        w = m.group(0).lower().replace("\u2019", "'")
        w = w[:-2] if w.endswith("'s") else w
        w = w[:-1] if w.endswith("s") and not w.endswith("ss") else w
        if w not in _PLAIN and len(w) >= 5:
            out.add(w)
    return out


@lru_cache(maxsize=256)
def their_costs(
    customer: str,
) -> tuple[frozenset[tuple[float, str]], frozenset[float], frozenset[str]]:
    """The spans of time, sums of money and cost nouns in the customer's line (cached: a call
    grades every reply against the same few lines)."""
    return frozenset(_spans(customer)), frozenset(_money(customer)), frozenset(_nouns(customer))


@lru_cache(maxsize=256)
def their_words(customer: str) -> frozenset[str]:
    """The customer's own content words (cached like their_costs)."""
    return frozenset(_content(customer))


def find(cleaned: Cleaned, customer: str) -> list[Finding]:
    """Clauses of the reply that say back a cost the customer named, framed as theirs."""
    if not customer.strip() or not cleaned.text:
        return []
    spans, money, nouns = their_costs(customer)
    if not (spans or money or nouns or their_words(customer)):
        return []
    found: list[Finding] = []
    for sentence in cleaned.sentences:
        clauses = [m for m in _CLAUSE.finditer(sentence.text) if m.group(0).strip()]
        for n, m in enumerate(clauses):
            clause = m.group(0)
            if (
                _ACTION_START.search(clause)
                or _FUTURE.search(clause)
                or clause.rstrip().endswith("?")
            ):
                continue
            shared = (
                bool(_spans(clause) & spans)
                or bool(_money(clause) & money)
                or bool(_nouns(clause) & nouns)
            )
            # The framing is in the clause itself, or in a short tag after it ("..., poor girl").
            tag = clauses[n + 1].group(0) if n + 1 < len(clauses) else ""
            framed = _FRAME.search(clause) or (len(tag.split()) <= 3 and _FRAME.search(tag))
            # Rated set 1: the customer's own words ("honeymoon", "decorator", "70th") said back
            # with one of the stronger framings ("instead of", "should have been", "a whole").
            told = bool(_content(clause) & their_words(customer)) or shared
            framed_more = _FRAME_MORE.search(clause) or (
                len(tag.split()) <= 3 and _FRAME_MORE.search(tag)
            )
            if (shared and framed) or (told and framed_more):
                start = sentence.start + m.start() + (len(clause) - len(clause.lstrip()))
                text = clause.strip()
                found.append(Finding(KIND.id, Span(start, start + len(text), text), sentence))
                break
    return found


KIND = Kind(
    id="echoes_their_cost",
    step="person",
    severity=SUPPORT,
    summary="says back a cost the customer named (their time, money, family, plans), as theirs",
    found_by="person.detect: kinds/echoes_their_cost.find against GradeContext.customer",
    examples=(
        (
            "That's two days of your life gone waiting, Mr. Okafor.",
            "I've waited in two full days for your engineer and nobody turned up.",
        ),
        (
            "No power with a three-week-old baby at home is every parent's nightmare.",
            "We've had no power since last night and I've got a three-week-old baby at home.",
        ),
        (
            "You've paid twice and you're short for rent.",
            "You charged me twice and my rent is due.",
        ),
        (
            "Five weeks squinting at the board, poor girl, I'm really sorry.",
            "My daughter's waited five weeks for her glasses and she can't see the board.",
        ),
        (
            "Five weeks squinting at the board, poor girl.",
            "My daughter's waited five weeks for her glasses.",
        ),
        ("Eighty-four quid gone with rent due, Mrs Raman.", "That's £84 gone and my rent is due."),
        # Rated set 1 (issue 11), in new words.
        (
            "Your dad's retirement do should have been a happy night, and it ended with him in tears.",
            "You lost our booking for my dad's retirement do and he was in tears.",
        ),
        (
            "An entire night on a bench at the station.",
            "Your last train was cancelled and I spent all night at the station.",
        ),
        (
            "Sixty-five minutes of your lunch break gone on hold.",
            "I was on hold 65 minutes in my lunch break.",
        ),
        (
            "Your plasterer's day paid for and no materials.",
            "You never delivered the plaster and my plasterer is booked today.",
        ),
    ),
    near_misses=(
        ("You were charged twice.", "You've charged me twice. That's £84 gone and my rent is due."),
        ("Shall I refund the £84 today?", "You've charged me twice. That's £84 gone."),
        ("I can see two payments of £42 on the 3rd.", "You've charged me twice. That's £84 gone."),
        (
            "The engineers are on site and we expect power back by 2pm.",
            "We've had no power since last night and I've got a baby at home.",
        ),
        ("I'll get an engineer to you in two days.", "I've waited in two full days for you."),
        ("Okay, so no hot water for nine days.", "I've had no hot water for nine days."),
        ("Your lenses will be sent out on Friday.", "I've been waiting weeks for my lenses."),
        (
            "I'm sorry about getting beef instead of your halal order again.",
            "You sent beef instead of my halal order again.",
        ),
        (
            "Your plasterer should have the materials by noon.",
            "You never delivered the plaster and my plasterer is booked today.",
        ),
    ),
)

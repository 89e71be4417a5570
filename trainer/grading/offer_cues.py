"""Whether a remedy named in a reply is on offer: the clause around it decides, not the word.

Shared by the grader (`craft.remedies`, keyword hits) and the simulated customer (offers heard
by meaning): a remedy inside a refusal ("the 06:40 is full, that's just how it is"), a policy
statement ("our policy states that refunds take 10 working days"), a condition of luck or
eligibility ("a partner airline, if you're lucky"), a deflection ("you could try the desk") or
a negation ("I can't refund it") is not on offer. Pure regular expressions, no model.
"""

from __future__ import annotations

import re

_FLAGS = re.I

CLAUSE_BREAK = re.compile(
    r"(?<=[.!?;:])\s+|\s*(?:\.\.\.+|…|—|–|\s-\s)\s*|"
    r",?\s+\b(?:but|however|although|though|whereas|except that|otherwise)\b,?\s*",
    _FLAGS,
)
"""Where one clause ends and the next begins: sentence ends, dashes, ellipses, 'but'."""

_IDIOMS = re.compile(
    r"\b(?:no problem|no worries|no bother|no question|no doubt|not a problem|no trouble|"
    r"don'?t worry|do not worry|not to worry|never mind|no need to worry|nothing to worry about|"
    r"no (?:extra )?(?:charge|cost)|at no (?:extra )?(?:cost|charge)|free of charge|"
    r"no longer than|not long|won'?t be long|not more than|no more than|no later than|"
    r"if not sooner|not a moment|nothing else|"
    r"you (?:won'?t|will not|don'?t|do not|needn'?t|shan'?t) (?:have to |need to )?(?:pay|be "
    r"charged|lose out|be out of pocket|be left))\b",
    _FLAGS,
)
"""Phrases with a negative word that negate nothing on offer."""

_NEGATION = re.compile(
    r"(?<!-)\b(?:not|never|no|cannot|nothing|nobody|neither|nor|unable|impossible|cant|dont|wont|"
    r"didnt|doesnt|isnt|arent|wasnt|couldnt|wouldnt|shouldnt)\b(?!-)|\w+n['’]t\b",
    _FLAGS,
)
_AGENT_REFUSES = re.compile(
    r"\b(?:i|we)(?:\s+(?:really|just|simply|honestly))?\s*(?:can['’]?t|cannot|can not|won['’]?t|"
    r"will not|am not able|'m not able|are not able|'re not able|am unable|'m unable|"
    r"are unable|'re unable|don'?t|do not|aren'?t allowed|'re not allowed|am not allowed|"
    r"'m not allowed|have no way)\b",
    _FLAGS,
)
_REFUSAL = re.compile(
    r"\b(?:is|are|was|were|'s|'re)\s+(?:fully booked|full|sold out|unavailable|not available|"
    r"all gone)\b|"
    r"\bno (?:seats?|rooms?|availability|flights?|slots?|spaces?|appointments?|stock)\b|"
    r"\bnothing (?:else |more )?(?:i|we) can do\b|"
    r"\b(?:that|it|this)(?:'s| is) just (?:how|the way) (?:it is|things are)\b|"
    r"\bjust how it is\b|\b(?:out of|beyond) (?:my|our) (?:hands|control)\b|"
    r"\bnot (?:possible|something (?:i|we) (?:can|do))\b|\bthere'?s nothing\b",
    _FLAGS,
)
_POLICY = re.compile(
    r"\b(?:policy|policies|terms and conditions|t ?& ?cs|the terms|our rules|the rules|"
    r"regulations|guidelines|procedures?|states that|clearly states|stipulat\w*|"
    r"standard practice|according to (?:our|the)|per our|as per)\b",
    _FLAGS,
)
_CONDITION = re.compile(
    r"\bif (?:you'?re|you are) lucky\b|\bwith (?:any )?luck\b|\bfingers crossed\b|"
    r"\bif (?:you|it|they|he|she|the \w+) (?:qualif\w*|(?:is|are|'s|'re) eligible|"
    r"(?:gets?|is|are) approved|meets? the criteria)\b|\bif eligible\b|\bunless\b|"
    r"\bprovided (?:that|you)\b|\bas long as\b|\bsubject to\b|\bdepending on\b|"
    r"\bin theory\b|\bno guarantees?\b|\bcan'?t (?:promise|guarantee)\b|"
    r"\bif there(?:'s| is| are) (?:any )?(?:space|room|seats?|availability|one)\b|"
    r"\bif (?:it|that|they) comes? (?:up|free|back)\b",
    _FLAGS,
)
_DEFLECTION = re.compile(
    r"\byou(?:'ll| will)?\s*(?:could|can|should|might|may|'d|would)?\s*(?:need to|have to|must|"
    r"want to|be able to)?\s*(?:try|call|ring|phone|contact|go (?:to|online|back)|apply|"
    r"look (?:for|at|online)|check (?:with|online|the)|fill in|submit|visit|email|take it|"
    r"bring it|send it|post it|return it|go in(?:to)?|"
    r"write to|speak to|ask (?:at|the|them)|claim (?:it|that|this)? ?back|queue|wait for)\b|"
    r"^\W*try (?:calling|ringing|the|another|a|them)\b|\byour best bet\b|"
    r"\bbest (?:thing )?(?:is )?to (?:call|ring|contact|try)\b",
    _FLAGS,
)
_PROCESS_TIME = re.compile(
    r"\btakes? (?:up to |around |about |at least )?(?:\d+|a|one|two|three|five|seven|ten|"
    r"fourteen|twenty|thirty|few|several) (?:working |business )?(?:days?|weeks?|months?)\b|"
    r"\b(?:have|has|need|needs) to wait\b|\bmust wait\b|\bonly (?:after|once)\b",
    _FLAGS,
)
"""Weak cue: a statement of how long things take blocks only a clause that offers nothing."""
_PURPOSE_TAIL = re.compile(
    r"\b(?:so(?! sorry| much| many| very| far)|that|which|who|whom|if|when|once|because|"
    r"until|while|as soon as|in case|make sure|to ensure|ensure|which means|meaning|"
    r"and you(?:'ll| will)? (?:won'?t|don'?t|aren'?t|never))\b",
    _FLAGS,
)
_LEADING_IF = re.compile(r"^\W*(?:if|when|once|as soon as|in case)\b[^,]*,\s*", _FLAGS)
"""Where the main clause ends: what the offer spares them ('so you're not out of pocket'), a
relative clause ('one that isn't faulty'), what it makes sure of ('make sure you don't pay')."""

OFFER_FRAME = re.compile(
    r"\b(?:i|we)(?:'ll| will| can| could|'d| would| shall| am going to|'m going to|"
    r" are going to|'re going to|'m gonna| am gonna)\b|\blet me\b|\blet'?s\b|"
    r"\b(?:shall|can|could|may|should) (?:i|we)\b|\bhow about\b|\bwhat about\b|"
    r"\bwould (?:it|that|this) (?:help|work|do)\b|\bwould (?:a|an|the|some|getting|having) "
    r"[\w' -]{1,50}(?:help|work|do)\b|\bwould you (?:like|prefer|want|be happy)\b|"
    r"\b(?:do you )?want me to\b|"
    r"\bi(?:'ve| have) (?:just |already |now )?(?:\w+ed|put|sent|set|got|made|done)\b|"
    r"\bi(?:'m| am) (?:just |now )?\w+ing\b|\bi(?:'d| would) (?:like|be happy|love) to\b|"
    r"\b(?:happy|glad) to\b|\bwe(?:'ve| have) (?:just |already |now )?\w+ed\b|"
    r"\byou(?:'ll| will) (?:get|have|receive|see|be getting)\b|\byou can have\b|"
    r"\b(?:it|that)(?:'s| is) (?:done|booked|sorted|arranged|confirmed|on (?:its|the) way)\b|"
    r"\bi can offer\b|\bthe best i can do\b|\bi can do\b|"
    r"\byou (?:won'?t|will not|don'?t|do not) (?:have to |need to )?(?:pay|be charged)\b",
    _FLAGS,
)
"""The agent doing, proposing or committing to something: 'I'll', 'let me', 'shall I',
'would a ... help', 'you'll get', 'it's booked'."""


def clauses(text: str) -> list[tuple[int, str]]:
    """The reply cut into clauses, each with its start offset in `text`."""
    out: list[tuple[int, str]] = []
    start = 0
    for match in CLAUSE_BREAK.finditer(text):
        if match.start() > start:
            out.append((start, text[start : match.start()]))
        start = match.end()
    if start < len(text):
        out.append((start, text[start:]))
    return [(at, part) for at, part in out if part.strip()]


def _without_idioms(text: str) -> str:
    # Keep offsets: blank the idiom out rather than removing it.
    return _IDIOMS.sub(lambda m: " " * len(m.group(0)), text)


def is_offer(clause: str) -> bool:
    """The clause has the shape of an offer: the agent doing, proposing or committing."""
    return bool(OFFER_FRAME.search(clause))


def _main_part(clause: str) -> str:
    """The clause without a leading condition and without what follows a subordinate word."""
    lead = _LEADING_IF.match(clause)
    start = lead.end() if lead else 0
    # A subordinate word opening the clause ("That can't be refunded") starts the main clause.
    first = re.match(r"\W*\w+", clause[start:])
    tail = _PURPOSE_TAIL.search(clause, start + (first.end() if first else 0))
    return clause[start : tail.start() if tail else len(clause)]


def blocked(clause: str, at: int | None = None) -> str:
    """Why a remedy in `clause` is not on offer (`""` when nothing blocks it).

    `at` is where the remedy is mentioned inside the clause. A negation before it blocks it;
    a negation in the main clause ("the direct debit can't be changed") blocks it unless the
    clause is the agent offering something. Without `at` (a clause heard as a remedy by
    meaning), a negation in the main clause blocks it; one in what follows ("so you're not out
    of pocket", "one that isn't faulty", "make sure you don't pay") does not.
    """
    plain = _without_idioms(clause)
    if _REFUSAL.search(plain):
        return "refusal"
    if _AGENT_REFUSES.search(plain):
        return "negation"
    if _CONDITION.search(plain):
        return "condition"
    if _POLICY.search(plain):
        return "policy"
    if _DEFLECTION.search(plain):
        return "deflection"
    if at is not None and _NEGATION.search(plain[:at]):
        return "negation"
    main = _main_part(plain)
    if _NEGATION.search(main) and (at is None or not is_offer(plain)):
        # "I'll replace it" stands; "the direct debit can't be changed" offers nothing.
        return "negation"
    if _PROCESS_TIME.search(plain) and not is_offer(plain):
        return "process"
    return ""


def blocked_at(text: str, position: int) -> str:
    """Why the remedy named at `position` in `text` is not on offer (`""`: it is)."""
    for start, clause in clauses(text):
        if start <= position < start + len(clause):
            return blocked(clause, position - start)
    return ""

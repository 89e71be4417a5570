"""Call-craft flags (see `trainer.models.grade.FLAGS`) beyond the four steps."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from trainer.grading import offer_cues
from trainer.grading.text import Cleaned, rx, split_sentences, words
from trainer.models.scenario import Scenario

WALL_OF_TEXT_WORDS = 120
"""A reply longer than this many words is a wall of text for a phone call."""

_PROFANITY = rx(
    r"\b(?:fuck\w*|f\*+k\w*|shit\w*|sh\*t|bullshit|crap|damn|goddamn|bloody|bastard\w*|bitch\w*|"
    r"arse|arsehole|asshole|ass|piss\w*|bollocks|wanker|twat|dick|prick|idiot\w*|moron\w*|"
    r"stupid|dumb|wtf|stfu|ffs|bs)\b"
)
_ACRONYMS = {
    "I",
    "OK",
    "ID",
    "UK",
    "US",
    "USA",
    "EU",
    "PIN",
    "SMS",
    "PDF",
    "TV",
    "PC",
    "ATM",
    "VAT",
    "DVD",
    "GP",
    "NHS",
    "CEO",
    "FAQ",
    "IT",
    "ETA",
    "AM",
    "PM",
    "ASAP",
    "DOB",
    "RSVP",
    "IBAN",
    "UPS",
    "DHL",
}
_HOLD_ACTION = rx(
    r"\b(?:put|place|pop|keep|putting|placing|popping) <you> on (?:a (?:quick |short |brief )?)?hold\b|"
    r"\b(?:please )?hold (?:on\b(?! to)|the line|please|for a)\b|^\W*(?:please )?hold\W*$|"
    r"\bplease hold\b(?! on ?to)|\bbear with me\b|"
    r"\b(?:hang|hold) on (?:a|one) (?:moment|minute|sec|second)\b|\bone (?:moment|sec|second) please\b|"
    r"\b(?:i'?ll|i will|i'?m going to|i need to|i have to|i'?ve got to|i must|let me|going to|"
    r"have to|need to) (?:\w+ ){0,2}(?:put|place|pop|keep) <you> (?:\w+ ){0,2}on hold\b"
)
"""Putting the caller on hold: asking to, or announcing it. Not a mention of waiting."""
_HOLD_MENTION = rx(
    r"\b(?:thanks?|thank you|cheers|sorry|apologi[sz]e|apologies|appreciate|grateful)\b"
    r"[^.!?]{0,40}$|\b(?:you'?ve been|you were|you'?re still|kept|been|were|was)\s+(?:\w+\s+){0,2}$"
)
"""Before a hold phrase in the same sentence: thanks or an apology for a hold, or past tense."""
_HOLD_PERMISSION = rx(
    r"\b(?:can|could|may|would it be (?:ok|okay|alright) (?:if|to)|is it (?:ok|okay|alright) (?:if|to)|"
    r"do <you> mind if|would <you> mind(?: if)?|are <you> (?:ok|okay|happy) (?:to|with|for me to)|"
    r"would <you> be (?:ok|okay|happy|able) to|mind if) (?:i |me )?(?:\w+ ){0,3}(?:hold|put|place|pop|"
    r"keep|holding|bearing)\b"
)
_HOLD_REASON = rx(
    r"\b(?:while|whilst|so (?:that )?i can|to (?:check|look|pull|speak|find|get|open|see|talk|ask|"
    r"confirm|review|bring|read|search|fetch|verify|call|contact|chase|grab|dig)|so i can|"
    r"because i need to|as i (?:need|check)|i need to (?:check|look|speak|find|get|confirm|ask))\b"
)
_HOLD_ESTIMATE = rx(
    r"\b(?:(?:a|one|two|three|four|five|ten|few|couple of|\d+)\s*(?:more )?(?:minutes?|mins?|"
    r"moments?|seconds?|secs?)|back (?:shortly|in a|in \d|very soon|right away)|no more than|"
    r"won'?t be long|not be long|under (?:a|two|\d)|about (?:a|\d))\b"
)
_MONEY = re.compile(
    r"(?:[£$€]\s?(\d[\d,]*(?:\.\d+)?))|(\d[\d,]*(?:\.\d+)?)\s?(?:pounds|dollars|euros|quid|bucks)\b",
    re.I,
)


@dataclass
class CraftResult:
    """Flags raised and remedies matched."""

    flags: list[str] = field(default_factory=list)
    remedies_offered: list[str] = field(default_factory=list)
    forbidden_promised: list[str] = field(default_factory=list)
    on_hold: bool = False


def uses_name(text: str, name: str) -> bool:
    """True when the reply addresses the customer by name (full form, or surname alone)."""
    name = name.strip()
    if not name:
        return False
    parts = [p for p in re.split(r"\s+", name) if p]
    honorifics = {
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "mx",
        "prof",
        "sir",
        "madam",
        "mr.",
        "mrs.",
        "ms.",
        "dr.",
    }
    candidates = {name}
    core = [p for p in parts if p.lower().strip(".") not in honorifics]
    if core:
        candidates.add(core[-1])
        candidates.add(core[0])
    return any(
        re.search(rf"(?<!\w){re.escape(c)}(?!\w)", text, re.I) for c in candidates if len(c) >= 2
    )


def shouting(cleaned: Cleaned) -> bool:
    """Several words in capitals, or `!!`."""
    if "!!" in cleaned.text:
        return True
    caps = [w for w in re.findall(r"\b[A-Z]{2,}\b", cleaned.text) if w not in _ACRONYMS]
    total = max(1, cleaned.words)
    return (
        len(caps) >= 3
        or (len(caps) >= 2 and len(caps) / total > 0.3)
        or (len(caps) >= 1 and total <= 2 and len(caps[0]) >= 4)
    )


def repeated(text: str, previous: list[str]) -> bool:
    """Same reply as an earlier one in the call (identical words, or nearly so)."""
    mine = words(text)
    if not mine:
        return False
    mine_set = set(mine)
    for earlier in previous:
        theirs = words(earlier)
        if not theirs:
            continue
        if mine == theirs:
            return True
        union = mine_set | set(theirs)
        if len(union) >= 4 and len(mine_set & set(theirs)) / len(union) >= 0.85:
            return True
    return False


def _mentions(text: str, keyword: str) -> list[re.Match[str]]:
    return list(re.finditer(rf"(?<!\w){re.escape(keyword)}", text, re.I))


def _amounts_in_sentence(text: str, at: int) -> list[float]:
    """Sums of money in the clause around position `at` (its sentence, cut at semicolons): a
    remedy's limit applies to the sum offered with it, not to another one in the same reply
    ("I've refunded the £42.50; would you like me to cover the overdraft fee?" keeps the fee
    under its £25 limit). Sentences are split as the grader splits them ("Mr." and "£42.50"
    do not end one)."""
    start, end = 0, len(text)
    for span in split_sentences(text):
        if span.start <= at < span.end:
            start, end = span.start, span.end
            break
    cut = text.rfind(";", start, at)
    start = cut + 1 if cut >= 0 else start
    cut = text.find(";", at, end)
    end = cut if cut >= 0 else end
    return [
        float((m.group(1) or m.group(2)).replace(",", ""))
        for m in _MONEY.finditer(text, start, end)
    ]


def remedies(text: str, scenario: Scenario | None) -> tuple[list[str], list[str]]:
    """Allowed remedy ids offered and forbidden remedy labels promised.

    A keyword counts only where its clause offers it: not inside a refusal, a policy
    statement, a condition of luck or eligibility, a deflection or a negation (see
    `offer_cues.blocked`). "Our policy clearly states that refunds take 10 working days"
    offers no refund.
    """
    if scenario is None:
        return [], []
    offered: list[str] = []
    forbidden: list[str] = []
    for remedy in scenario.remedies:
        hits = [m for kw in remedy.keywords for m in _mentions(text, kw)]
        hits = [m for m in hits if not offer_cues.blocked_at(text, m.start())]
        if not hits:
            continue
        amounts = [a for m in hits for a in _amounts_in_sentence(text, m.start())]
        if remedy.limit is not None and any(a > remedy.limit for a in amounts):
            forbidden.append(f"{remedy.label} (over the limit of {remedy.limit:g})")
        else:
            offered.append(remedy.id)
    for item in scenario.forbidden:
        hits = [m for kw in item.keywords for m in _mentions(text, kw)]
        if any(not offer_cues.blocked_at(text, m.start()) for m in hits):
            forbidden.append(item.label)
    return offered, forbidden


def puts_on_hold(cleaned: Cleaned) -> bool:
    """Whether the reply puts (or asks to put) the caller on hold.

    A return from hold ("Thank you for waiting"), thanks or an apology for a hold ("sorry to
    keep you on hold so long") and a mention of waiting ("forty minutes on hold") do not.
    """
    return any(_holds(s.text) for s in cleaned.sentences)


def _holds(sentence: str) -> bool:
    return any(
        not _HOLD_MENTION.search(sentence[: m.start()]) for m in _HOLD_ACTION.finditer(sentence)
    )


def hold_flags(cleaned: Cleaned) -> list[str]:
    """Hold etiquette: permission, reason, estimate (each as done / not done)."""
    text = cleaned.text
    asked = bool(_HOLD_PERMISSION.search(text)) or any(
        _holds(s.text) and s.text.rstrip().endswith("?") for s in cleaned.sentences
    )
    return [
        "hold_asked_permission" if asked else "hold_no_permission",
        "hold_gave_reason" if _HOLD_REASON.search(text) else "hold_no_reason",
        "hold_gave_estimate" if _HOLD_ESTIMATE.search(text) else "hold_no_estimate",
    ]


def profanity(cleaned: Cleaned) -> bool:
    """Swear words (the agent's, not a quote of the customer's)."""
    return bool(_PROFANITY.search(cleaned.text))


def wall_of_text(cleaned: Cleaned) -> bool:
    """Too long to say on a call."""
    return cleaned.words > WALL_OF_TEXT_WORDS

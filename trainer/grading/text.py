"""Text clean-up shared by the detectors: normalise, truncate, split into sentences.

Detectors match on the cleaned reply itself (case-insensitively, with apostrophes optional),
so every span they report is an exact slice of what the grader saw.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

MAX_CHARS = 4000
"""Replies longer than this are cut before grading (flag `truncated`)."""

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u2028\u2029\ufeff]")
_SPACES = re.compile(r"[ \t\u00a0]+")
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-"})
_WORD = re.compile(r"[A-Za-z\u00c0-\u024f']+")
_EMOJI = (
    "[\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\u2300-\u23ff\u3030\u303d\u3297\u3299]"
    "[\ufe0e\ufe0f\U0001f3fb-\U0001f3ff]*"
)
_BOUNDARY = re.compile(r"[.!?]+[\"')\]]*(?=\s|$)|\n|(?:" + _EMOJI + r")+(?=[ \t]+[^\W_])")
"""Where a sentence may end: a full stop, ! or ? before a space or the end (so "£42.50", "3.5"
and "e.g.x" never split), a line break, or an emoji with more words after it ("so sorry 😞 whats
the order number")."""
_TITLE = re.compile(
    r"(?:^|[^\w.])(?:mr|mrs|ms|mx|dr|st|prof|rev|ref|approx|e\.g|i\.e|vs|incl|est|tel|dept|fig|"
    r"vol)\.$",
    re.I,
)
"""Abbreviations after which a full stop never ends a sentence ("Mr. Okafor", "approx. 3 days",
"e.g. the app")."""
_NUMBER_SIGN = re.compile(r"(?:^|[^\w.])nos?\.$", re.I)
""""No." before a number ("No. 4471") is short for number; "No." before anything else is no."""
_SOFT = re.compile(r"(?:^|[^\w.])(?:a\.m|p\.m|etc|ltd|inc|co|jr|sr)\.$", re.I)
"""Abbreviations that end a sentence only when a capital follows ("at 9 a.m. tomorrow")."""

# Shorthands usable inside detector patterns; they widen a word to its chat-style spellings.
_MACROS = {
    "<you>": r"(?:you|u|ya)",
    "<your>": r"(?:your|ur|yr)",
    "<youre>": r"(?:you'?re|you are|ur|u r)",
    "<im>": r"(?:i'?m|i am|im)",
    "<sorry>": r"(?:sorry|sory|sorrry+|sorri|sry|soz)",
    "<we>": r"(?:we|i)",
    "<can>": r"(?:can|could|may|shall|should|might)",
    "<dont>": r"(?:don'?t|do not|dont)",
    "<cant>": r"(?:can'?t|cannot|can not|cant)",
    # Start of the reply or of a sentence inside it (fixed-width lookbehinds, no spaces).
    "<ss>": r"(?:^|(?<=[.!?\n])|(?<=[.!?]\s)|(?<=[.!?]\s\s))",
}


def rx(pattern: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """Compile a detector pattern: macros expand, `'` matches any apostrophe or none."""
    for key, value in _MACROS.items():
        pattern = pattern.replace(key, value)
    pattern = pattern.replace("'", "['\u2019]?")
    pattern = pattern.replace(" ", r"\s+")
    return re.compile(pattern, flags)


@dataclass(frozen=True)
class Span:
    """A slice of the cleaned reply."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Cleaned:
    """A reply ready for the detectors."""

    text: str
    truncated: bool
    sentences: tuple[Span, ...]
    words: int


def clean(raw: str) -> Cleaned:
    """Strip control characters, normalise Unicode and quotes, cut to MAX_CHARS."""
    text = unicodedata.normalize("NFC", raw)
    text = _CONTROL.sub("", text).translate(_QUOTES)
    text = _SPACES.sub(" ", text)
    text = "\n".join(line.strip() for line in text.split("\n")).strip()
    truncated = len(text) > MAX_CHARS
    if truncated:
        cut = text[:MAX_CHARS]
        space = cut.rfind(" ")
        text = cut[:space] if space > MAX_CHARS - 200 else cut
    text = fix_swaps(text)
    return Cleaned(text, truncated, tuple(split_sentences(text)), len(_WORD.findall(text)))


# Words the detectors key on. A chat-style typo that swaps two neighbouring letters
# ("sonuds relaly stressful") is put back, which keeps every offset unchanged.
_KEYWORDS = frozenset(
    [
        "sorry",
        "really",
        "sounds",
        "stressful",
        "frustrating",
        "frustrated",
        "understand",
        "annoying",
        "annoyed",
        "apologise",
        "apologize",
        "apologies",
        "upset",
        "awful",
        "terrible",
        "horrible",
        "refund",
        "would",
        "could",
        "should",
        "what",
        "help",
        "right",
        "sorted",
        "fixed",
        "fix",
        "because",
        "policy",
        "calling",
        "tomorrow",
        "worried",
        "furious",
        "angry",
        "wonder",
        "imagine",
        "completely",
        "totally",
        "account",
        "number",
        "damaged",
        "fridge",
        "parcel",
        "through",
        "thought",
        "there",
        "their",
        "while",
        "unacceptable",
        "exhausting",
        "ridiculous",
        "stuck",
        "waiting",
        "hours",
        "week",
        "weeks",
        "month",
        "charged",
        "twice",
        "without",
        "money",
        "pounds",
        "annoyed",
        "maddening",
        "nightmare",
        "disappointed",
        "disappointing",
        "worrying",
        "scary",
        "frightening",
        "rubbish",
        "definitely",
        "absolutely",
        "honestly",
        "actually",
        "afraid",
        "unfortunately",
        "however",
        "cancel",
        "replace",
        "replacement",
        "engineer",
        "delivery",
        "booking",
        "today",
        "suits",
        "prefer",
        "happen",
        "happened",
        "sort",
        "make",
        "like",
        "want",
        "need",
        "nothing",
        "anything",
        "allowed",
        "unable",
        "fault",
        "promised",
        "manager",
        "supervisor",
    ]
)
# Real words that happen to be a swap of a key word ("three" / "there") are left alone.
_REAL_WORDS = frozenset(["three", "form"])
_SWAP_INDEX: dict[str, str] = {}
for _kw in _KEYWORDS:
    for _i in range(len(_kw) - 1):
        if _kw[_i] != _kw[_i + 1]:
            _SWAP_INDEX.setdefault(_kw[:_i] + _kw[_i + 1] + _kw[_i] + _kw[_i + 2 :], _kw)
for _kw in _KEYWORDS | _REAL_WORDS:
    _SWAP_INDEX.pop(_kw, None)
_LETTERS = re.compile(r"[A-Za-z]{4,}")


def fix_swaps(text: str) -> str:
    """Undo neighbouring-letter swaps in key words (same length, so spans stay exact)."""

    def repl(m: re.Match[str]) -> str:
        word = m.group(0)
        fixed = _SWAP_INDEX.get(word.lower())
        if fixed is None:
            return word
        return (
            fixed.upper() if word.isupper() else fixed.capitalize() if word[0].isupper() else fixed
        )

    return _LETTERS.sub(repl, text)


def split_sentences(text: str) -> list[Span]:
    """Sentences with offsets. Money, decimals and abbreviations do not end one; emoji can."""
    spans: list[Span] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        mark = m.group(0)
        if (
            mark.startswith(".")
            and len(mark.rstrip("\"')]")) == 1
            and _abbreviation(text, start, m)
        ):
            continue
        end = m.start() if mark == "\n" else m.end()
        _add_sentence(spans, text, start, end)
        start = m.end()
    _add_sentence(spans, text, start, len(text))
    return spans


def _abbreviation(text: str, start: int, m: re.Match[str]) -> bool:
    """The full stop at `m` closes an abbreviation, not the sentence."""
    before = text[max(start, m.start() - 12) : m.start() + 1]
    if _TITLE.search(before):
        return True
    if _NUMBER_SIGN.search(before):
        return text[m.end() :].lstrip()[:1].isdigit()
    if _SOFT.search(before):
        following = text[m.end() :].lstrip()
        return not following[:1].isupper()
    return False


def _add_sentence(spans: list[Span], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    lead = len(chunk) - len(chunk.lstrip())
    body = chunk.strip()
    if body and any(ch.isalnum() for ch in body):
        spans.append(Span(start + lead, start + lead + len(body), body))


def words(text: str) -> list[str]:
    """Lower-case words (letters and apostrophes)."""
    return [w.lower().strip("'") for w in _WORD.findall(text)]


def sentence_of(cleaned: Cleaned, pos: int) -> Span:
    """The sentence containing character offset `pos`."""
    for span in cleaned.sentences:
        if span.start <= pos < span.end:
            return span
    return Span(0, len(cleaned.text), cleaned.text)


def opens_as_question(sentence: str) -> bool:
    """The sentence starts the way a question does ("Which...", "can u...", "is it..."), not
    merely a clause inside it, and is not a cleft ("What happened is...")."""
    s = sentence.strip()
    return not _CLEFT.match(s) and bool(_QUESTION_OPENER.match(s) or _CHAT_OPENER.match(s))


def is_question(sentence: str) -> bool:
    """A sentence that asks: ends with `?`, or opens like a question in chat style."""
    s = sentence.strip()
    if s.endswith("?"):
        return True
    if s.endswith("!"):
        return False
    if _OFFER_CLEFT.match(s):
        return False  # rated set 2: "What I'd suggest is...", "What I can do is..." (statements)
    if _EXPLAINS.search(s) and not s.endswith("?"):
        return False  # "So what's happened, and I can see it here, is that..." explains
    if opens_as_question(s):
        return True
    # Rated set 1: chat replies put the question after a comma with no "?" ("ill mark it
    # urgent now, whats the pharmacy u use"). Exclamations ("what a mess") do not count.
    clauses = _CLAUSE_BREAK.split(s)
    for n, clause in enumerate(clauses[1:], 1):
        if (
            len(clause.split()) >= 3
            and not _CLEFT.match(clause)
            and not _EXPLAINS.search(" ".join(clauses[n:]))
            and not _EXCLAIM.match(clause)
            and _CLAUSE_OPENER.match(clause)
        ):
            return True
    return False


_CLEFT = rx(
    r"^\W*(?:so |and |ok |okay |right |well |basically )?(?:what|how|where|when|why) (?:\w+ ){0,6}?(?:is|was|are|were) "
    r"(?:that|the|a|an|we|i|it|they|because|your|our|to)\b"
)
_QUESTION_OPENER = rx(
    r"^(?:so |and |ok |okay |right |well )?(?:what|how|would|could|can|shall|should|is there|do you|"
    r"does|will|may|which|where|when|why|who|are you|did you)\b"
)
_CHAT_OPENER = rx(
    r"^(?:so |and |ok |okay |right |well |oh \w+ )?(?:whats|wats|hows|wheres|whens|whos|"
    r"is (?:it|ur|your|he|she|that|this|there|everything|anyone|the)|are (?:there|<you>|they|ur|your|the)|"
    r"r u|anything else|any thing else|any (?:other|more)|want (?:it|me|us|them|one|a|the)|do <you>|did <you>|have <you>|"
    r"would that|will that|does that|that ok|ok with)\b"
)
"""Chat-style openers without "?" (rated set 1): "whats going on with ur acc", "anything else"."""
_CLAUSE_BREAK = re.compile(r"\s*[,;:]\s+|\s+-+\s+")
_CLAUSE_OPENER = rx(
    r"^(?:and |so |then |or )?(?:what (?!(?:\w+ ){0,6}?(?:is|was) )|whats|would (?:that|it|this|<you>)|"
    r"will (?:that|it|<you>)|does (?:that|it)|is (?:that|it|ur|your|there)|can <you>|could <you>|do <you>|"
    r"did <you>|have <you>|want (?:it|me|one|them|us)|shall i|should i|ok with <you>|that ok)\b"
)
_OFFER_CLEFT = rx(
    r"^\W*(?:so |and |but |now |ok(?:ay)?,? )?what (?:i|we)(?:'d| would| can| could| will|'ll)? (?:\w+ )?(?:suggest|"
    r"recommend|can do|could do|do|advise|normally do|usually do)\b[^?]*\bis\b[^?]*$"
)
_EXPLAINS = rx(r"\b(?:is|was) (?:that|because)\b")
_EXCLAIM = rx(
    r"^(?:what (?:a|an)|how (?!(?:can|could|would|do|does|did|is|are|was|were|long|much|many|"
    r"soon|often|about|come)\b)\w+\W*$)"
)

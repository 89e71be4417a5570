"""Is a reply written in English? The grader judges English only (docs/labelling.md 6.5).

Cheap and offline: the share of letters outside the Latin script, then function words. A reply
in Latin script counts as another language only on positive evidence: at least two common
words of one other language and more of them than English ones, or a short reply made only of
such words. So short English replies ("ok", "Sorry."), chat with typos ("im so sory thats
awful"), emoji and a foreign name ("Lo siento, Rosa" is Spanish; "So sorry, Señora García" is
not) are English.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")

ENGLISH = frozenset(
    [
        "a",
        "about",
        "above",
        "after",
        "again",
        "against",
        "all",
        "am",
        "an",
        "and",
        "any",
        "are",
        "aren't",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "can't",
        "cannot",
        "could",
        "couldn't",
        "did",
        "didn't",
        "do",
        "does",
        "doesn't",
        "doing",
        "don't",
        "down",
        "during",
        "each",
        "few",
        "for",
        "from",
        "further",
        "had",
        "hadn't",
        "has",
        "hasn't",
        "have",
        "haven't",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "herself",
        "him",
        "himself",
        "his",
        "how",
        "i",
        "i'd",
        "i'll",
        "i'm",
        "i've",
        "if",
        "in",
        "into",
        "is",
        "isn't",
        "it",
        "it's",
        "its",
        "itself",
        "just",
        "let's",
        "me",
        "more",
        "most",
        "my",
        "myself",
        "no",
        "nor",
        "not",
        "now",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "our",
        "ours",
        "out",
        "over",
        "own",
        "same",
        "she",
        "should",
        "shouldn't",
        "so",
        "some",
        "such",
        "than",
        "that",
        "that's",
        "the",
        "their",
        "theirs",
        "them",
        "then",
        "there",
        "there's",
        "these",
        "they",
        "they're",
        "this",
        "those",
        "through",
        "to",
        "too",
        "under",
        "until",
        "up",
        "very",
        "was",
        "wasn't",
        "we",
        "we'd",
        "we'll",
        "we're",
        "we've",
        "were",
        "weren't",
        "what",
        "what's",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "won't",
        "would",
        "wouldn't",
        "you",
        "you'd",
        "you'll",
        "you're",
        "you've",
        "your",
        "yours",
        "yourself",
        "yourselves",
        "yes",
        "yeah",
        "ok",
        "okay",
        "sorry",
        "please",
        "thanks",
        "thank",
        "hi",
        "hello",
        "sure",
        "right",
        "well",
        "really",
        "so",
        "oh",
        "ah",
        "help",
        "get",
        "got",
        "go",
        "going",
        "make",
        "sort",
        "sorted",
        "fix",
        "let",
        "know",
        "see",
        "look",
        "today",
        "tomorrow",
        "now",
        "back",
        "new",
        "one",
        "two",
        "three",
        "refund",
        "order",
        "account",
        "bill",
        "charge",
        "charged",
        "call",
        "calling",
        "day",
        "days",
        "week",
        "time",
        "money",
        "still",
        "again",
        "what's",
        "that's",
        "im",
        "ive",
        "ill",
        "id",
        "dont",
        "cant",
        "wont",
        "thats",
        "whats",
        "youre",
        "u",
        "ur",
        "pls",
        "plz",
        "thx",
        "ty",
        "lol",
        "omg",
        "gonna",
        "wanna",
        "gotta",
        "tho",
        "tbh",
        "btw",
        "asap",
        "hey",
        "hiya",
        "cheers",
        "mate",
        "love",
        "sir",
        "madam",
        "mr",
        "mrs",
        "ms",
        "dr",
    ]
)
"""Common English words and their chat spellings."""

_FOREIGN_WORDS = {
    "spanish": """que el la los las del por para con una es está están muy pero gracias lo
        siento cómo como puedo ayudarle ayudar usted ustedes su sus señor señora mucho disculpe
        hola factura pedido cuenta también ahora aquí hay ser esto esta este nos le les ya
        perdón lamento""",
    "french": """le la les des du une est sont très mais merci je vous nous désolé désolée
        pour avec sur dans pas ce cette votre vos être avoir fait peux puis aider bonjour
        madame monsieur commande facture aujourd'hui c'est j'ai""",
    "german": """der die das und ist nicht ich sie wir ihr ihre ihnen es ein eine einen mit
        für auf sehr aber danke bitte entschuldigung leid tut kann können helfen heute
        rechnung bestellung guten tag herr frau""",
    "italian": """il lo gli della che è sono molto ma grazie mi dispiace scusi posso
        aiutarla aiutare lei suo sua per con una questo oggi buongiorno signora signore fattura
        ordine""",
    "portuguese": """o os da do das dos que é são muito mas obrigado obrigada desculpe
        lamento posso ajudar você senhor senhora uma com para hoje fatura pedido não""",
    "dutch": """de het een en is niet ik u wij jullie van met voor op zeer maar dank
        bedankt sorry excuses kan helpen vandaag factuur bestelling meneer mevrouw""",
    "polish": """jest nie się że na do to przepraszam dziękuję pan pani mogę pomóc bardzo
        ale jak co dzisiaj""",
    "welsh": """mae'n mae ddrwg gen chi yn i'r ydy diolch helpu eich heddiw""",
    "turkish": """bir ve bu çok ama teşekkür ederim özür dilerim size yardım nasıl
        bugün""",
    "indonesian": """saya anda kami tidak dan yang ini itu maaf terima kasih bisa membantu
        hari""",
}


@lru_cache(maxsize=1)
def _foreign() -> dict[str, frozenset[str]]:
    """Each language's common words, minus any that are also English ("a", "in", "so")."""
    return {
        lang: frozenset(w for w in words.split() if w not in ENGLISH)
        for lang, words in _FOREIGN_WORDS.items()
    }


@lru_cache(maxsize=4096)
def _latin(ch: str) -> bool:
    return unicodedata.name(ch, "").startswith("LATIN")


NON_LATIN_SHARE = 0.5
"""Replies whose letters are mostly outside the Latin script are not English."""


def is_english(text: str) -> bool:
    """True unless the reply reads as another language (see the module docstring)."""
    if not text.isascii():
        letters = [ch for ch in text if ch.isalpha()]
        if not letters:
            return True  # emoji or punctuation only: nothing to judge by language
        latin = sum(1 for ch in letters if ch.isascii() or _latin(ch))
        if len(letters) >= 2 and (len(letters) - latin) / len(letters) >= NON_LATIN_SHARE:
            return False
    words = [w.lower().replace("\u2019", "'") for w in _WORD.findall(text)]
    if not words:
        return True
    english = sum(1 for w in words if w in ENGLISH)
    foreign = max(sum(1 for w in words if w in vocab) for vocab in _foreign().values())
    if foreign >= 2 and foreign > english:
        return False
    return not (english == 0 and foreign >= 1 and foreign * 2 >= len(words))

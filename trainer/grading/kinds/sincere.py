"""`apology` support `sincere`: a first-person apology, meant and unqualified ("I'm sorry", "My apologies")."""

from __future__ import annotations

from trainer.grading.kind import CORPUS, RATED1, SUPPORT, Kind, Pattern

WORD = Pattern(
    r"\b(?:<sorry>|apologi[sz]e[ds]?|apologi[sz]ing|apologies|apology|forgive us)\b",
    CORPUS,
)
"""An apology word in any spelling."""

REFUSAL = Pattern(
    r"(?:\bnot|\bnever|n't|\bno need to(?: be)?|\bnothing to(?: be)?|\bwhy (?:should|would) (?:i|we)(?: be)?|"
    r"\b<you>(?:'re| are| were| should be| will be|'ll be| ought to be)|\bthey(?:'re| are| were)|"
    r"\bhe(?:'s| is)|\bshe(?:'s| is)|\bdon'?t(?: be)?|\brefuse to|\bnot going to|\bno)\s+"
    r"(?:\w+\s+){0,2}$",
    CORPUS,
)
"""Before the word: refusals and other people's sorrow ("not sorry", "you'll be sorry")."""

THIRD_PARTY = Pattern(
    r"\b(?:the company|management|they|head office)\s+(?:\w+\s+)?$",
    CORPUS,
)
"""Before the word: somebody else apologising ("head office apologises")."""

FILLER_AFTER = Pattern(
    r"^\s*(?:\?|[,.]?\s*(?:could|can) <you> (?:repeat|say)|[,.]?\s*(?:come again|pardon|"
    r"i didn'?t (?:catch|hear)|what did <you> say|to interrupt|to bother|i missed that|who\b|which\b|"
    r"what\W*$))",
    CORPUS,
)
"""After the word: filler ("Sorry, could you repeat that?", "sorry to interrupt")."""

DATA_AFTER = Pattern(
    r"^\W*(?:what(?:'s| is| was) <your>|can i (?:take|have|get)|could i (?:take|have|get)|may i (?:take|have)|"
    r"could <you> (?:give|confirm|spell)|can <you> (?:give|confirm|spell)|<your> (?:account|postcode|"
    r"order|reference|date of birth|name))",
    CORPUS,
)
"""After a leading "Sorry,": a data request ("Sorry, what's your postcode?")."""

FILLER_MORE = Pattern(
    r"^\W*(?:(?:can|could) i (?:just )?(?:take|have|get|grab)|(?:what|which|when) (?:\w+ ){0,5}again\b|"
    r"(?:can|could) <you> (?:\w+ ){0,5}again\b|i was (?:just )?(?:on|with) (?:the other line|another "
    r"(?:call|customer)|a colleague))",
    RATED1,
)
"""Rated set 1: after a leading "Sorry,": asking them to repeat what they have already given
("Sorry, what was the date again?", "Sorry, can I just take your date of birth again?") or a
trivial delay inside the call ("Sorry, I was on the other line"); filler, not an apology."""

EXCLAIMED_NO = Pattern(r"\b(?:oh|ah|aw+|ugh),? no+\W*(?:\w+\s+){0,2}$", RATED1)
"""Rated set 1: "oh no, I'm so sorry" is dismay, not the "no" of a refusal."""


KIND = Kind(
    id="sincere",
    step="apology",
    severity=SUPPORT,
    summary='a first-person apology, meant and unqualified ("I\'m sorry", "My apologies")',
    found_by="apology.detect: each apology word that no other apology kind claims",
    cues=(
        WORD,
        REFUSAL,
        THIRD_PARTY,
        FILLER_AFTER,
        DATA_AFTER,
    ),
    examples=(
        "oh no, im so sorry, thats awful",
        "Forgive us, Mr Shaw. What would put this right?",
        "I'm sorry.",
        "I'm so sorry about the double charge, Ms Ortiz.",
        "im really sorry bout this",
        "I apologise.",
        "I'm sorry to hear that.",
        "I'm sorry for the inconvenience.",
        "We're sorry this happened.",
        "I'm sorry, but let me fix this right now.",
    ),
    near_misses=(
        "Sorry, what was the flight number again?",
        "Sorry, can I just take your postcode again?",
        "Sorry, I was on the other line. Where were we?",
        "Forgive me for asking, but what's your postcode?",
        "Sorry, could you repeat that?",
        "I'm not sorry.",
        "You'll be sorry.",
        "Hello.",
        "Sorry, what?",
    ),
)

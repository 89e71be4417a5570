"""`apology` committed failure `sarcastic`: an apology said with sarcasm ("Well, I'm SO sorry", "Sorry for existing")."""

from __future__ import annotations

from trainer.grading.kind import COMMITTED, CORPUS, Kind, Pattern, patterns

CAPS_BEFORE = Pattern(
    r"\b(?:SO|SOOO+|VERY|TERRIBLY)\s+$",
    CORPUS,
    ignore_case=False,
)
"""Capitals right before the word ("SO sorry"); case-sensitive."""

PREFIX = Pattern(
    r"^\W*(?:well|oh|oh well|gosh|ooh|oops),? (?:<im> )?(?:(?:so|terribly|very|awfully|ever so) ){0,2}$",
    CORPUS,
)
"""The sentence so far is only "Well," / "Oh," and intensifiers."""

AFTER = Pattern(
    r"^\W*(?:that |if )?(?:our|we|the|this) (?:\w+ ){0,3}(?:isn'?t|aren'?t|wasn'?t|don'?t|doesn'?t|"
    r"weren'?t) (?:good enough|up to|perfect|fast enough|meeting)|^\W*(?:your (?:majesty|highness|lordship)|"
    r"for (?:existing|breathing|living|being alive)|not sorry|that (?:we|i) (?:can'?t|cannot) "
    r"(?:read minds|work miracles|perform miracles)|that <youre> so|i'?m not (?:a )?(?:perfect|mind reader|"
    r"magician)|<sorry>\W+<sorry>)",
    CORPUS,
)
"""After the word: "that we're not perfect", "for existing", "your majesty"."""


KIND = Kind(
    id="sarcastic",
    step="apology",
    severity=COMMITTED,
    summary='an apology said with sarcasm ("Well, I\'m SO sorry", "Sorry for existing")',
    flag="sarcasm",
    patterns=(
        *patterns(
            CORPUS,
            r"\bwell,? (?:excuse|pardon) me\b",
            r"\b(?:sorry|apologies) for (?:existing|breathing|living)\b",
            r"\bsorry,? not sorry\b",
            r"\bthousand apologies\b",
            r"\bforgive me for\b",
            r"\b<sorry> (?:that )?(?:we'?re|we are|i'?m|i am|we aren'?t|i'?m not) (?:not )?(?:perfect|mind readers?|"
            r"magicians?|psychic|robots?)",
        ),
    ),
    cues=(
        CAPS_BEFORE,
        PREFIX,
        AFTER,
    ),
    examples=(
        "Well, I'm SO sorry.",
        "Oh, so very sorry.",
    ),
)

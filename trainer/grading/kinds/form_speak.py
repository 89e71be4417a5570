"""`person` committed failure `form_speak`: talks like a form letter ("your concern has been logged", "we value your feedback")."""

from __future__ import annotations

from trainer.grading.kind import COMMITTED, CORPUS, REVIEW6, ROUND6, Kind, patterns

KIND = Kind(
    id="form_speak",
    step="person",
    severity=COMMITTED,
    summary='talks like a form letter ("your concern has been logged", "we value your feedback")',
    patterns=(
        *patterns(
            CORPUS,
            r"\b<your> (?:concern|complaint|feedback|query|issue|case|request|comments?) (?:has|have) been "
            r"(?:logged|noted|recorded|registered|escalated|received|passed)",
            r"\b(?:ref|reference|ticket|case) (?:number |no\.? |#)?:? ?[A-Z]*\d{3,}",
            r"\bwe value <your> (?:feedback|custom|business|call)\b",
            r"\b(?:please be advised|kindly note|please note that|as per (?:our|the|your)|"
            r"in accordance with)\b",
        ),
        *patterns(
            ROUND6,
            # Round 6: "Thank you for your patience" is a courtesy, not form-speak (three writers).
            r"\bthank <you> for (?:bringing this to our attention|contacting|your feedback)",
        ),
        *patterns(
            CORPUS,
            r"\bdear (?:customer|valued|sir|madam)\b",
        ),
        *patterns(
            REVIEW6,
            r"\b<your> (?:call|time|business|custom) is (?:very )?important to us\b",
        ),
        *patterns(
            CORPUS,
            r"\bwe (?:strive|aim) to\b",
        ),
    ),
    examples=(
        "Thank you for bringing this to our attention.",
        "Your concern has been logged, ref 4471.",
        "Your time is important to us and I understand your frustration.",
        "We value your feedback.",
        "Your call is important to us.",
    ),
    near_misses=(
        "I know your time is important, so I'll call you back at 9 sharp.",
        "Thank you for your patience, and I can hear how frustrated you are.",
    ),
)

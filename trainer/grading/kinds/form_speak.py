"""`person` committed failure `form_speak`: talks like a form letter ("your concern has been logged", "we value your feedback")."""

from __future__ import annotations

from trainer.grading.findings import Finding
from trainer.grading.kind import COMMITTED, CORPUS, ISSUE11, REVIEW6, ROUND6, Kind, patterns
from trainer.grading.kinds.common import WAY_FORWARD
from trainer.grading.text import rx

_FORMULA = rx(
    r"^\W*(?:i|we) (?:completely |totally |fully |really |do |absolutely )?(?:can )?(?:understand|"
    r"appreciate|hear|get|see|know|realise|realize|imagine|tell)(?: that| how| why| what)?(?: <youre>| <you>"
    r"(?:'re| are| feel| must be| might be| may be)?| this (?:is|must be|has been|can be)| it'?s| it is|"
    r" it can be| that'?s| your)?(?: (?:so|very|really|quite|a bit|a little|pretty|rather))? ?"
    r"(?:frustrat\w*|upset\w*|annoy\w*|angry|anger|concern\w*|feelings?|disappoint\w*|"
    r"inconvenien\w*|fed up|unhappy|cross|irritat\w*)\b|"
    r"^\W*(?:it|this|that) (?:can|may|might|must) (?:feel|be|seem) (?:\w+ )?(?:frustrat\w*|annoying|"
    r"upsetting)|^\W*(?:that|this|it)(?:'s| is) (?:\w+ )?(?:frustrat\w*|annoying|upsetting)\W*$"
)
"""A generic acknowledgement: a feeling word any customer would get, nothing of theirs."""


_CONTRAST = rx(r"\b(?:but|however|though|although|unfortunately|that said)\b")
_SPECIFIC = rx(
    r"\b(?:<you>|<your>|<youre>|you'?ve|you'?d|\d+|two|three|four|five|six|seven|eight|nine|ten)\b"
)


def _generic(text: str, f: Finding) -> bool:
    """A formula said to anyone: the feeling words and nothing of theirs before any "but"."""
    if f.kind != "acknowledges_feeling" or not _FORMULA.search(text[f.sentence.start : f.span.end]):
        return False
    rest = text[f.span.end : f.sentence.end]
    contrast = _CONTRAST.search(rest)
    if contrast:
        rest = rest[: contrast.start()]
    return not _SPECIFIC.search(rest)


_REFUSING = rx(
    r",?\s*(?:\w+ ){0,4}?(?:can'?t|cannot|can not|cant|unable|not able|(?:can|could) only)\b"
)
"""A refusal straight after the contrast word ("unfortunately we can't...", "...can only...")."""

_ANYTHING_ELSE = rx(r"\banything else\b[^.!?]*[.!?]?")
"""A closing "anything else I can do?" is not help (it is the premature close of labelling 6.4)."""

_NEXT_SENTENCE = rx(r"\s*((?:<youre>|you'?ve|<you>) )")

_REFUSALS = frozenset(
    {"policy_wall", "not_my_department", "call_us_back", "gives_up", "deflecting_offer"}
)
"""Job failures that refuse or send them away (an explained cause does not undo empathy)."""


def formula_before_a_refusal(
    text: str, positives: list[Finding], job_negatives: list[Finding]
) -> Finding | None:
    """A formula acknowledgement in a reply that then commits a job failure (labelling guide
    6.2): "I understand your frustration, however our policy clearly states that refunds take
    10 working days." The same words followed by help ("...; let me fix it now") pass."""
    if not positives or not all(_generic(text, f) for f in positives):
        return None
    # Only a refusal after the formula undoes it; help after a refusal is still help.
    start = positives[0].sentence.start
    if not any(f.kind in _REFUSALS and f.span.start >= start for f in job_negatives):
        # Rated set 1: "I understand your frustration, however the price change was emailed
        # to all customers": a formula, then "however" and a defence or a cause, fails too.
        end = positives[-1].span.end
        turn = _CONTRAST.search(text, end)
        if turn is None:
            return None
        # Set 9: "i understand ur frustration, unfortunately we cant control other vehicles",
        # "..., unfortunately our cleaners can only stay for the slot": a formula, then a
        # refusal in words the job patterns do not name, fails too.
        after = _ANYTHING_ELSE.sub("", text[turn.end() :])
        refused = bool(_REFUSING.match(text, turn.end())) and not WAY_FORWARD.search(after)
        if not refused and not any(f.span.start >= turn.start() for f in job_negatives):
            return None
    following = text[positives[-1].sentence.end :]
    said_back = _NEXT_SENTENCE.match(following)
    if said_back:
        # "I can hear how frustrating this is. You went a fiver over and got hit with forty
        # pounds." The next sentence says what happened to them, so it is not a formula, unless
        # that sentence is itself the refusal.
        at = positives[-1].sentence.end + said_back.start(1)
        if not any(f.sentence.start <= at < f.sentence.end for f in job_negatives):
            return None
    first = positives[0]
    return Finding("form_speak", first.span, first.sentence)


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
        *patterns(
            ISSUE11,
            r"\bwe value (?:you|all (?:\w+ )?feedback|<your> (?:\w+ )?(?:loyalty|custom|business))\b",
        ),
    ),
    examples=(
        "We value you as a customer.",
        (
            "I understand your frustration, however our policy clearly states that refunds take 10 working days.",
            "I want my refund now.",
        ),
        "I understand this is upsetting, but refunds are only given within 14 days.",
        "I understand your concern; unfortunately, all our drivers are fully trained.",
        "I appreciate your frustration however the price rise was emailed to all customers.",
        "Thank you for bringing this to our attention.",
        "Your concern has been logged, ref 4471.",
        "Your time is important to us and I understand your frustration.",
        "We value your feedback.",
        "Your call is important to us.",
        # Set 9: a refusal the job patterns do not name, after the formula.
        "i understand ur frustration, unfortunately we cant control who parks in the bays. anything else?",
        "I understand your frustration; unfortunately our cleaners can only stay for the booked slot.",
    ),
    near_misses=(
        "I understand your frustration; unfortunately I can't see it yet, but I'll chase it now.",
        "I understand your frustration, but I won't let this drag on. What would help most?",
        "I understand your frustration; let me fix it now.",
        "I understand your frustration. What's your account number?",
        "I understand your frustration, but let me get that refund started now.",
        "I know your time is important, so I'll call you back at 9 sharp.",
        "Thank you for your patience, and I can hear how frustrated you are.",
    ),
)

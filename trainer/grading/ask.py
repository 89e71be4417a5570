"""Step 4, `ask`: does the reply ask what the customer wants?

Each question (a sentence ending in `?`, or one that opens like a question in chat style) is
sorted into: a need question ("What can I do?"), a remedy or escalation offered as a question
("Would it help if I refund the fee?"), a data request, a rhetorical question, a hold, or a
premature close. The step passes on a need question or an offered remedy, unless the reply
undercuts it with a rhetorical question. "Let me know what would help" counts as asking. The
cues for each kind live in its module under `trainer/grading/kinds/`.
"""

from __future__ import annotations

from trainer.grading.findings import Finding, StepEvidence
from trainer.grading.kinds import (
    closed_question,
    compliance_check,
    data_only,
    deflecting_offer,
    hold_instead,
    need_question,
    premature_close,
    rhetorical,
)
from trainer.grading.text import Cleaned, Span, is_question

_RHETORICAL = [p.compile() for p in rhetorical.QUESTIONS]
_HOLD = hold_instead.HOLD.compile()
_HOLD_ASK = hold_instead.HOLD_ASK.compile()
_HOLD_ASK_MORE = hold_instead.HOLD_ASK_MORE.compile()
_DATA = data_only.DATA.compile()
_DATA_MORE = data_only.DATA_MORE.compile()
_DATA_ASK = data_only.DATA_ASK.compile()
_PROBLEM = data_only.PROBLEM.compile()
_CLOSE = premature_close.CLOSE.compile()
_SETTLED = premature_close.SETTLED.compile()
_SETTLED_NOW = premature_close.SETTLED_NOW.compile()
_ABOUT_THE_PROBLEM = premature_close.ABOUT_THE_PROBLEM.compile()
_COMPLIANCE = compliance_check.CHECK.compile()
_DEFLECT = deflecting_offer.ASK.compile()
_BARE_AFTER = closed_question.BARE_AFTER.compile()
_BARE_WH = closed_question.BARE_WH.compile()
_NEED = [p.compile() for p in need_question.NEED]
_NEED_STATEMENT = need_question.NEED_STATEMENT.compile()
_NEED_STATEMENT_MORE = need_question.NEED_STATEMENT_MORE.compile()
_TAG_REMEDY = need_question.TAG_REMEDY.compile()
_TAG_REMEDY_MORE = need_question.TAG_REMEDY_MORE.compile()
_OPEN = need_question.OPEN.compile()
_NEED_HINT = need_question.NEED_HINT.compile()
_OFFER_ASKED = need_question.OFFER_ASKED.compile()
_CHOICE = need_question.CHOICE.compile()
_PROBLEM_ASKED = need_question.PROBLEM_ASKED.compile()
_DIAGNOSTIC = need_question.DIAGNOSTIC.compile()


def _remedy(text: str) -> bool:
    """A remedy in `text`, so a tag question after it asks their agreement to it."""
    return bool(_TAG_REMEDY.search(text) or _TAG_REMEDY_MORE.search(text))


def _settled(text: str) -> bool:
    """A fix is done or under way in `text` (labelling guide 6.4)."""
    return bool(_SETTLED.search(text) or _SETTLED_NOW.search(text))


def is_rhetorical(sentence: str) -> bool:
    """A rhetorical question (push-back, not a question meant)."""
    return any(p.search(sentence) for p in _RHETORICAL) and (
        is_question(sentence) or bool(_NEED_HINT.search(sentence))
    )


def classify_question(sentence: str) -> str:
    """One of `need`, `rhetorical`, `hold`, `data`, `close`, `compliance`, `deflect`, `other`."""
    if any(p.search(sentence) for p in _RHETORICAL):
        return "rhetorical"
    if _BARE_WH.match(sentence):
        # "What?" / "Sorry?": asking them to repeat, not asking what they want.
        return "other"
    if _DEFLECT.search(sentence):
        return "deflect"
    if _HOLD_ASK.search(sentence) or _HOLD_ASK_MORE.search(sentence):
        return "hold"
    if _COMPLIANCE.search(sentence):
        return "need" if _remedy(sentence) else "compliance"
    close = _CLOSE.search(sentence)
    if close and not _ABOUT_THE_PROBLEM.search(sentence):
        before = sentence[: close.start()]
        # Rated set 1: "Would that help, and is there anything else?" asks first, then closes.
        if not any(p.search(before) for p in _NEED) and not _OFFER_ASKED.search(before):
            return "close"
    if _DATA_MORE.search(sentence):
        return "data"
    if _DATA_ASK.search(sentence) and _DATA.search(sentence):
        # "Could I have the member ID?": fetching a reference, whatever the wording.
        return "data"
    if any(p.search(sentence) for p in _NEED) or _OFFER_ASKED.search(sentence):
        return "need"
    if _DATA.search(sentence) and not _PROBLEM.search(sentence):
        return "data"
    if _OPEN.search(sentence):
        return "need"
    if (
        _CHOICE.search(sentence) or _PROBLEM_ASKED.search(sentence) or _DIAGNOSTIC.search(sentence)
    ) and not (_DATA.search(sentence) or _BARE_AFTER.search(sentence)):
        return "need"
    if _HOLD.search(sentence):
        return "hold"
    return "other"


def detect(
    cleaned: Cleaned,
    stuffed: bool = False,
    spoiled: set[int] | None = None,
    earlier: list[str] | None = None,
) -> StepEvidence:
    """Pass on a question that invites them to shape what happens next.

    `spoiled` holds start offsets of sentences carrying sarcasm or a counter-threat; a
    question inside one does not count. `earlier` holds the agent's earlier replies in the
    call: once a fix is done or under way there or earlier in this reply, "Anything else?" is
    not a premature close (labelling guide 6.4).
    """
    settled_before = any(_settled(text) for text in earlier or [])
    positives: list[Finding] = []
    negatives: list[Finding] = []
    kinds: list[str] = []
    for i, sentence in enumerate(cleaned.sentences):
        text = sentence.text
        previous = cleaned.sentences[i - 1].text if i else ""
        span = Span(sentence.start, sentence.end, text)
        if is_question(text):
            kind = classify_question(text)
            if kind == "compliance" and previous and _remedy(previous):
                # "I'll keep the direct debit where it is. Is that alright with you?" asks
                # their agreement to the remedy just offered (labelling guide: tag questions).
                kind = "need"
            if kind == "close" and (settled_before or _settled(cleaned.text[: sentence.start])):
                kind = "need"
        elif _NEED_STATEMENT.search(text) or _NEED_STATEMENT_MORE.search(text):
            kind = "need"
        elif any(p.search(text) for p in _NEED) and _NEED_HINT.search(text):
            # Chat style: "what can i do to fix it" without a question mark.
            kind = classify_question(text)
            kind = kind if kind in ("need", "rhetorical") else ""
        elif _HOLD.search(text) and text.lower().lstrip().startswith(
            ("please hold", "hold", "one moment", "bear with")
        ):
            kind = "hold"
        else:
            continue
        if not kind:
            continue
        if kind == "need" and spoiled and sentence.start in spoiled:
            kind = "rhetorical"
        kinds.append(kind)
        if kind == "need":
            positives.append(Finding("need_question", span, sentence))
        elif kind in _NEG_NAMES:
            negatives.append(Finding(_NEG_NAMES[kind], span, sentence))
    passed = bool(positives) and not stuffed
    missing = ""
    if not positives:
        missing = "no question about what they want" if negatives else NO_QUESTION
    if passed:
        # A hold or data request alongside a genuine question does not fail the step.
        negatives = []
    return StepEvidence(passed, positives, negatives, missing)


NO_QUESTION = "no question asked"
"""`missing` when the reply has no question, offer or request at all (the grader's ask veto)."""

_NEG_NAMES = {
    "rhetorical": "rhetorical",
    "hold": "hold_instead",
    "data": "data_only",
    "close": "premature_close",
    "compliance": "compliance_check",
    "deflect": "deflecting_offer",
    "other": "closed_question",
}

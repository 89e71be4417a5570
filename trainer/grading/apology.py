"""Step 3, `apology`: find apologies and what cancels them.

Every apology word in the reply is classified by its surroundings: a plain first-person
"I'm sorry" passes; one followed by "but ...", made conditional ("if ..."), aimed at the
customer's feelings or mistakes, guessing a cause, dressed as a corporate hedge or said with
sarcasm is cancelled. Passive non-apologies ("mistakes were made") count against the step.
The cues for each kind live in its module under `trainer/grading/kinds/`.
"""

from __future__ import annotations

import re

from trainer.grading import registry
from trainer.grading.findings import Finding, StepEvidence, scan
from trainer.grading.kinds import (
    blame_apology,
    confessing_cause,
    corporate_hedge,
    sarcastic,
    sincere,
    sorry_but,
    sorry_if,
    sorry_you_feel,
)
from trainer.grading.text import Cleaned, Span

_APOLOGY_WORD = sincere.WORD.compile()
_REFUSAL = sincere.REFUSAL.compile()
_THIRD_PARTY = sincere.THIRD_PARTY.compile()
_FILLER_AFTER = sincere.FILLER_AFTER.compile()
_DATA_AFTER = sincere.DATA_AFTER.compile()
_FILLER_MORE = sincere.FILLER_MORE.compile()
_EXCLAIMED_NO = sincere.EXCLAIMED_NO.compile()
_SARCASTIC_BEFORE = sarcastic.CAPS_BEFORE.compile()
_SARCASTIC_PREFIX = sarcastic.PREFIX.compile()
_SARCASTIC_AFTER = sarcastic.AFTER.compile()
_IF = sorry_if.AFTER.compile()
_YOU_FEEL = sorry_you_feel.AFTER.compile()
_BLAME = blame_apology.AFTER.compile()
_CAUSE = confessing_cause.AFTER.compile()
_CORPORATE = corporate_hedge.SENTENCE.compile()
_BUT = sorry_but.BUT.compile()
_FIX_AFTER_BUT = sorry_but.FIX_AFTER_BUT.compile()

_PASSIVE = registry.pattern_table("apology", severity_support=False)


def _classify(cleaned: Cleaned, m: re.Match[str], sentence: Span, following: Span | None) -> str:
    text = cleaned.text
    before = text[sentence.start : m.start()]
    word = text[m.start() : m.end()]
    after = text[m.end() : sentence.end]
    if (_REFUSAL.search(before) and not _EXCLAIMED_NO.search(before)) or _THIRD_PARTY.search(
        before
    ):
        return "refusal"
    if _FILLER_AFTER.match(after) or (
        after.strip() in {"?", ""} and sentence.text.strip().endswith("?")
    ):
        return "filler"
    if (
        not before.strip(" ,.")
        and sentence.text.rstrip().endswith("?")
        and _DATA_AFTER.match(after)
    ):
        return "filler"
    if not before.strip(" ,.") and _FILLER_MORE.match(after.lstrip(" ,.")):
        return "filler"
    if (
        word.isupper()
        and len(word) > 1
        and (_SARCASTIC_BEFORE.search(before) or word.upper().startswith("SORR"))
        and (_SARCASTIC_BEFORE.search(before) or _SARCASTIC_PREFIX.match(before))
    ) or _SARCASTIC_AFTER.match(after):
        return "sarcastic"
    if _SARCASTIC_PREFIX.match(before) and before.strip().lower().startswith(
        ("well", "oh", "gosh")
    ):
        return "sarcastic"
    if _YOU_FEEL.match(after):
        return "sorry_you_feel"
    if _BLAME.match(after):
        return "blame_apology"
    if _CORPORATE.search(sentence.text):
        return "corporate_hedge"
    if _IF.match(after):
        return "sorry_if"
    but = _directly_but(after)
    if but and not _FIX_AFTER_BUT.match(after[but.end() :]):
        return "sorry_but"
    cause = _CAUSE.search(after)
    if cause and not _cause_taken_back(
        text, sentence, m.end() + cause.start(), m.end() + cause.end()
    ):
        return "confessing_cause"
    if following is not None:
        lead = _BUT.match(following.text)
        if lead and not _FIX_AFTER_BUT.match(following.text[lead.end() :]):
            return "sorry_but"
    return "sincere"


def _cause_taken_back(text: str, sentence: Span, start: int, end: int) -> bool:
    """The cause after the apology is one `explaining_cause` exempts (a question to them,
    owning the fault, imagining what they went through): rated set 1."""
    finding = Finding("explaining_cause", Span(start, end, text[start:end]), sentence)
    return registry.exempted(text, finding)


_SOFT_BUT = {"still", "yet", "though", "although", "whereas"}


def _directly_but(after: str) -> re.Match[str] | None:
    """A but/however that follows the apology directly: within a few words, or after a comma.

    "Sorry about the parcel that shows as delivered but never arrived" has its "but" inside a
    relative clause describing the problem; it is not "sorry, but <excuse>".
    """
    for but in _BUT.finditer(after):
        lead = after[: but.start()]
        if re.search(r"[,;:\-]\s*$", lead) or not lead.strip():
            return but
        if len(lead.split()) <= 3 and but.group(0).lower() not in _SOFT_BUT:
            # "still"/"yet"/"though" mid-clause describe the problem ("still dropping").
            return but
    return None


def detect(
    cleaned: Cleaned,
    job_negatives: list[Finding] | None = None,
    sarcasm: list[Finding] | None = None,
) -> StepEvidence:
    """Classify every apology in the reply; pass when one is sincere and none is cancelled."""
    positives: list[Finding] = []
    negatives: list[Finding] = []
    sentences = list(cleaned.sentences)
    for m in _APOLOGY_WORD.finditer(cleaned.text):
        idx = next((i for i, s in enumerate(sentences) if s.start <= m.start() < s.end), None)
        if idx is None:
            continue
        sentence = sentences[idx]
        following = sentences[idx + 1] if idx + 1 < len(sentences) else None
        kind = _classify(cleaned, m, sentence, following)
        if kind in ("refusal", "filler"):
            continue
        span = Span(sentence.start, sentence.end, sentence.text)
        finding = Finding(kind, span, sentence)
        (positives if kind == "sincere" else negatives).append(finding)
    negatives += scan(cleaned, _PASSIVE)
    negatives += [f for f in sarcasm or [] if f not in negatives]
    if positives and job_negatives:
        # Decision (labelling guide): an apology in a reply that also commits any job failure
        # is hollow, wherever the failure sits.
        first = job_negatives[0]
        negatives.append(Finding("wrapped_in_excuse", first.span, first.sentence))
        positives = []
    negatives.sort(key=lambda f: f.span.start)
    passed = bool(positives) and not negatives
    missing = "" if positives or negatives else "no apology found"
    return StepEvidence(passed, positives, negatives, missing)


_AS_JOB = {
    "sorry_but": "excuse_after_sorry",
    "blame_apology": "blaming_customer",
    "confessing_cause": "explaining_cause",
}
"""Apology failures that are also job failures: the excuse, blame or cause they carry."""


def excuses(cleaned: Cleaned) -> list[Finding]:
    """Apologies that carry an excuse, blame or a guessed cause, as job findings."""
    found = detect(cleaned).negatives
    return [Finding(_AS_JOB[f.kind], f.span, f.sentence) for f in found if f.kind in _AS_JOB]

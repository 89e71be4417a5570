"""Step 1, `person`: does the reply register the customer's feelings or personal cost?

Passing needs an acknowledgement in the customer's terms (the feeling, or what the problem
cost them in time, money or embarrassment). A name alone is not enough. Telling them to calm
down, minimising, taking it personally, form-speak and mirroring fail the step, and so does
an acknowledgement taken back by blame or argument (empathy then blame). The kinds, their
patterns and exemptions live in `trainer/grading/kinds/`.
"""

from __future__ import annotations

from trainer.grading import registry
from trainer.grading.findings import Finding, StepEvidence, scan
from trainer.grading.text import Cleaned

_POSITIVE = registry.pattern_table("person", severity_support=True)
_NEGATIVE = registry.pattern_table("person", severity_support=False)


def detect(cleaned: Cleaned, job_negatives: list[Finding] | None = None) -> StepEvidence:
    """Pass on an acknowledgement of feeling or cost that nothing in the reply takes back."""
    positives = _dedupe(
        [f for f in scan(cleaned, _POSITIVE) if not registry.exempted(cleaned.text, f)]
    )
    negatives = scan(cleaned, _NEGATIVE)
    undo = [f for f in job_negatives or [] if registry.kind(f.kind).undoes_acknowledgement]
    if positives and undo:
        first = undo[0]
        negatives.append(Finding("empathy_but", first.span, first.sentence))
    elif undo and any(f.kind == "counter_threat" for f in undo):
        negatives.append(Finding("mirroring", undo[0].span, undo[0].sentence))
    negatives.sort(key=lambda f: f.span.start)
    passed = bool(positives) and not negatives
    missing = ""
    if not positives and not negatives:
        missing = "no acknowledgement of how they feel or what it cost them"
    return StepEvidence(passed, positives, negatives, missing)


def _dedupe(found: list[Finding]) -> list[Finding]:
    out: list[Finding] = []
    for f in found:
        if out and f.span.start < out[-1].span.end:
            if f.span.end - f.span.start > out[-1].span.end - out[-1].span.start:
                out[-1] = f
            continue
        out.append(f)
    return out

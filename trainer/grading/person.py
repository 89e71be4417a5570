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
from trainer.grading.kinds import echoes_their_cost, form_speak
from trainer.grading.text import Cleaned

_POSITIVE = registry.pattern_table("person", severity_support=True)
_NEGATIVE = registry.pattern_table("person", severity_support=False)


def detect(
    cleaned: Cleaned, job_negatives: list[Finding] | None = None, customer: str = ""
) -> StepEvidence:
    """Pass on an acknowledgement of feeling or cost that nothing in the reply takes back.

    `customer` is the customer's line: a cost they named, said back as theirs, acknowledges
    them in their own terms (kinds/echoes_their_cost.py).
    """
    found = [f for f in scan(cleaned, _POSITIVE) if not registry.exempted(cleaned.text, f)]
    echoed = [
        f
        for f in echoes_their_cost.find(cleaned, customer)
        if not any(p.span.start < f.span.end and f.span.start < p.span.end for p in found)
    ]
    positives = _dedupe(sorted(found + echoed, key=lambda f: f.span.start))
    negatives = scan(cleaned, _NEGATIVE)
    undo = [f for f in job_negatives or [] if registry.kind(f.kind).undoes_acknowledgement]
    formula = form_speak.formula_before_a_refusal(cleaned.text, positives, job_negatives or [])
    if positives and undo:
        first = undo[0]
        negatives.append(Finding("empathy_but", first.span, first.sentence))
    elif undo and any(f.kind == "counter_threat" for f in undo):
        negatives.append(Finding("mirroring", undo[0].span, undo[0].sentence))
    elif formula is not None:
        # Decision (labelling guide 6.2): "I understand your frustration, however our policy..."
        # is a formula in front of a wall; the reply as a whole does not register them.
        negatives.append(formula)
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

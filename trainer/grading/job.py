"""Step 2, `job`: does the reply keep to resolving, or defend, explain, blame and argue?

A neutral reply keeps the step; any failure kind of this step (patterns and exemptions in
`trainer/grading/kinds/`, collected in the registry) loses it. Moves toward a fix ("let's get
this sorted", "I'll refund it now") are reported as supporting evidence.
"""

from __future__ import annotations

from trainer.grading import registry
from trainer.grading.findings import Finding, StepEvidence, scan
from trainer.grading.kinds.policy_wall import regret_without_way_forward
from trainer.grading.text import Cleaned

_NEGATIVE = registry.pattern_table("job", severity_support=False)
_POSITIVE = registry.pattern_table("job", severity_support=True)


def detect(cleaned: Cleaned) -> StepEvidence:
    """Keep the step unless the reply defends, explains, blames, argues, threatens or stonewalls."""
    from trainer.grading.ask import is_rhetorical

    negatives = scan(cleaned, _NEGATIVE)
    for sentence in cleaned.sentences:
        if is_rhetorical(sentence.text):
            # Decision (labelling guide): a rhetorical question is push-back, i.e. arguing.
            negatives.append(Finding("rhetorical_pushback", sentence, sentence))
    negatives.sort(key=lambda f: f.span.start)
    negatives = [f for f in negatives if not registry.exempted(cleaned.text, f)]
    positives = scan(cleaned, _POSITIVE)
    if not negatives and not positives:
        negatives = regret_without_way_forward(cleaned)
    return StepEvidence(not negatives, positives, negatives, "")

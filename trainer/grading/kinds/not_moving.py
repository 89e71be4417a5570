"""`job` omission `not_moving`: judged by the model as not keeping them on side, with no failure named."""

from __future__ import annotations

from trainer.grading.kind import OMISSION, Kind

KIND = Kind(
    id="not_moving",
    step="job",
    severity=OMISSION,
    summary="judged by the model as not keeping them on side, with no failure named",
    advice="missing",
    is_finding=False,
    found_by="grader: the job head failed the step with no rule-named failure",
)

"""`ask` omission `no_question`: no question about what they want."""

from __future__ import annotations

from trainer.grading.kind import OMISSION, Kind

KIND = Kind(
    id="no_question",
    step="ask",
    severity=OMISSION,
    summary="no question about what they want",
    advice="missing",
    is_finding=False,
    found_by="ask.detect: no need question (StepEvidence.missing)",
)

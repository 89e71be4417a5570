"""`apology` omission `no_apology`: no apology (filler "sorry" and refusals do not count)."""

from __future__ import annotations

from trainer.grading.kind import OMISSION, Kind

KIND = Kind(
    id="no_apology",
    step="apology",
    severity=OMISSION,
    summary='no apology (filler "sorry" and refusals do not count)',
    advice="missing",
    is_finding=False,
    found_by="apology.detect: no apology word classified (StepEvidence.missing)",
)

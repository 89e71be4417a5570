"""`person` omission `no_acknowledgement`: no acknowledgement of how they feel or what it cost them."""

from __future__ import annotations

from trainer.grading.kind import OMISSION, Kind

KIND = Kind(
    id="no_acknowledgement",
    step="person",
    severity=OMISSION,
    summary="no acknowledgement of how they feel or what it cost them",
    advice="missing",
    is_finding=False,
    found_by="person.detect: no acknowledgement found (StepEvidence.missing)",
)

"""`person` omission `name_only`: the customer's name with no acknowledgement: a name alone is not enough."""

from __future__ import annotations

from trainer.grading.kind import OMISSION, Kind

KIND = Kind(
    id="name_only",
    step="person",
    severity=OMISSION,
    summary="the customer's name with no acknowledgement: a name alone is not enough",
    advice="name_only",
    is_finding=False,
    found_by="grader: person failed, nothing found, and the name_used flag raised",
)

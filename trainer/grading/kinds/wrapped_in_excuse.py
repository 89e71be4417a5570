"""`apology` committed failure `wrapped_in_excuse`: an apology in a reply that also commits a job failure: hollow (labelling guide: apology implies job)."""

from __future__ import annotations

from trainer.grading.kind import COMMITTED, Kind

KIND = Kind(
    id="wrapped_in_excuse",
    step="apology",
    severity=COMMITTED,
    summary="an apology in a reply that also commits a job failure: hollow (labelling guide: apology implies job)",
    found_by="apology.detect: a sincere apology in a reply with any job failure",
    examples=("I'm really sorry. That's our policy though, there's nothing I can do.",),
)

"""`job` committed failure `excuse_after_sorry`: an apology followed by "but" and an excuse: the excuse is off the job too."""

from __future__ import annotations

from trainer.grading.kind import COMMITTED, Kind

KIND = Kind(
    id="excuse_after_sorry",
    step="job",
    severity=COMMITTED,
    summary='an apology followed by "but" and an excuse: the excuse is off the job too',
    flag="explaining_cause",
    found_by="lexical.analyse: apology.excuses() turns a sorry_but apology into this job finding",
    examples=("Sorry, but the system does that sometimes.",),
)

"""`job` committed failure `rhetorical_pushback`: push-back dressed as a question ("What do you expect me to do?"): arguing, per the labelling guide."""

from __future__ import annotations

from trainer.grading.kind import COMMITTED, Kind

KIND = Kind(
    id="rhetorical_pushback",
    step="job",
    severity=COMMITTED,
    undoes_acknowledgement=True,
    summary='push-back dressed as a question ("What do you expect me to do?"): arguing, per the labelling guide',
    flag="arguing",
    found_by="job.detect: every sentence that ask.is_rhetorical reads as rhetorical (patterns in kinds/rhetorical.py)",
    examples=(
        "What do you expect me to do?",
        "And how is that my fault?",
        "I'll just fly over and fix it myself, shall I?",
    ),
    near_misses=(
        "Shall I fix it now?",
        "What would you like me to say to the manager for you?",
    ),
)

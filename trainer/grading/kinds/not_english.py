"""The reply is not in English: no step verdicts, a `language` flag (docs/labelling.md 6.5).

The grader judges English only. A reply in another language gets all four steps `passed=False,
due=False` (verdict `not_due`), evidence saying only English is graded, and this advice, rather
than four failures it did not earn. Detection: `trainer/grading/language.py`.
"""

from __future__ import annotations

from trainer.grading.kind import OMISSION, Kind

KIND = Kind(
    id="not_english",
    step="person",
    severity=OMISSION,
    summary="written in another language: only English replies are graded",
    flag="language",
    advice="language",
    also=("job", "apology", "ask"),
    is_finding=False,
    found_by="language.is_english (script share and function words), checked in lexical.analyse",
)

"""`apology` committed failure `passive`: a passive non-apology ("Mistakes were made", "it's unfortunate")."""

from __future__ import annotations

from trainer.grading.kind import COMMITTED, CORPUS, Kind, patterns

KIND = Kind(
    id="passive",
    step="apology",
    severity=COMMITTED,
    summary='a passive non-apology ("Mistakes were made", "it\'s unfortunate")',
    patterns=(
        *patterns(
            CORPUS,
            r"\b(?:mistakes|errors|things|issues|problems|oversights) (?:were|have been|may have been|"
            r"might have been|got) (?:made|missed|overlooked)",
            r"\bit(?:'s| is| was) (?:regrettable|unfortunate)\b",
            r"\bthat'?s unfortunate\b",
            r"\bthese things happen\b",
            r"\bit happens\b",
        ),
    ),
    examples=("Mistakes were made.",),
)

"""What a detector reports: a named finding tied to an exact span of the reply."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from trainer.grading.text import Cleaned, Span


@dataclass(frozen=True)
class Finding:
    """One piece of evidence: `kind` names the pattern family, `span` is where it matched."""

    kind: str
    span: Span
    sentence: Span


@dataclass
class StepEvidence:
    """What the lexical detectors found for one step, and their own verdict."""

    passed: bool
    positives: list[Finding] = field(default_factory=list)
    negatives: list[Finding] = field(default_factory=list)
    missing: str = ""
    """A note of what was missing, when nothing decided the step."""

    def kinds(self) -> set[str]:
        """Every finding kind, positive and negative."""
        return {f.kind for f in self.positives} | {f.kind for f in self.negatives}


PREFILTER_CHUNK = 8
"""Patterns per prefilter: one combined alternation tells whether any of them can match."""


class Table(list[tuple[str, re.Pattern[str]]]):
    """A compiled pattern table with chunked prefilters.

    Each chunk of up to `PREFILTER_CHUNK` consecutive patterns (same flags) also gets one
    combined alternation `(?:p1)|(?:p2)|...`. The alternation matches somewhere exactly when
    one of its patterns does, so when it finds nothing the chunk's patterns are skipped. This
    changes no finding; it only saves time (most replies trigger few patterns of a table).
    """

    def __init__(self, items: Iterable[tuple[str, re.Pattern[str]]]) -> None:
        super().__init__(items)
        self.chunks: list[tuple[re.Pattern[str] | None, int, int]] = []
        start = 0
        while start < len(self):
            end = start + 1
            flags = self[start][1].flags
            while end < len(self) and end - start < PREFILTER_CHUNK and self[end][1].flags == flags:
                end += 1
            joined = "|".join(f"(?:{p.pattern})" for _, p in self[start:end])
            combined: re.Pattern[str] | None
            try:
                combined = re.compile(joined, flags) if end - start > 1 else None
            except re.error:
                combined = None  # e.g. group names repeated across patterns: no prefilter
            self.chunks.append((combined, start, end))
            start = end


def scan(
    cleaned: Cleaned, table: Iterable[tuple[str, re.Pattern[str]]], text: str | None = None
) -> list[Finding]:
    """Every match of every pattern, with the sentence it sits in."""
    source = cleaned.text if text is None else text
    found: list[Finding] = []
    if isinstance(table, Table):
        rows: list[tuple[str, re.Pattern[str]]] = []
        for combined, start, end in table.chunks:
            if combined is None or combined.search(source) is not None:
                rows.extend(table[start:end])
    else:
        rows = list(table)
    for kind, pattern in rows:
        for m in pattern.finditer(source):
            if m.end() == m.start():
                continue
            span = Span(m.start(), m.end(), source[m.start() : m.end()])
            found.append(Finding(kind, span, _sentence(cleaned, m.start())))
    found.sort(key=lambda f: (f.span.start, f.kind))
    return found


def _sentence(cleaned: Cleaned, pos: int) -> Span:
    for span in cleaned.sentences:
        if span.start <= pos < span.end:
            return span
    return Span(0, len(cleaned.text), cleaned.text)


def table(patterns: dict[str, list[str]]) -> Table:
    """Compile a {kind: [pattern, ...]} mapping into scan order (with prefilters)."""
    from trainer.grading.text import rx

    return Table((kind, rx(p)) for kind, plist in patterns.items() for p in plist)

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


def scan(
    cleaned: Cleaned, table: Iterable[tuple[str, re.Pattern[str]]], text: str | None = None
) -> list[Finding]:
    """Every match of every pattern, with the sentence it sits in."""
    source = cleaned.text if text is None else text
    found: list[Finding] = []
    for kind, pattern in table:
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


def table(patterns: dict[str, list[str]]) -> list[tuple[str, re.Pattern[str]]]:
    """Compile a {kind: [pattern, ...]} mapping into scan order."""
    from trainer.grading.text import rx

    return [(kind, rx(p)) for kind, plist in patterns.items() for p in plist]

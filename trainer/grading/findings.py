"""What a detector reports: a named finding tied to an exact span of the reply."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from re import _constants as _c  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]

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


_FOLDS_TO_ASCII = {0x130: "i", 0x131: "i", 0x17F: "s", 0x212A: "k"}
"""The non-ASCII letters re.IGNORECASE matches to an ASCII letter (İ, ı, ſ, the Kelvin sign)."""

MIN_LITERAL = 3
"""Shortest literal worth a gate: shorter ones ("a", "to") occur in almost every reply."""


class Table(list[tuple[str, re.Pattern[str]]]):
    """A compiled pattern table with a literal gate per pattern.

    For each pattern, `required_literals` works out a set of lower-case strings of which at
    least one must occur in any text the pattern matches (a pattern that needs "policy" or
    "terms" cannot match a reply containing neither). `scan` tests those substrings first,
    which is far cheaper than running the regex, and skips the pattern when none occurs. This
    changes no finding; it only saves time. A pattern with no such literal always runs.
    """

    def __init__(self, items: Iterable[tuple[str, re.Pattern[str]]]) -> None:
        super().__init__(items)
        self.gates: list[frozenset[str] | None] = [required_literals(p) for _, p in self]
        self.literals: frozenset[str] = frozenset().union(*(g for g in self.gates if g))


def required_literals(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Strings of which one must appear (lower-cased) in any match, or None if none is known.

    Only ASCII literals are used, so lower-casing the text and the literal agree with the
    pattern's case-insensitive matching.
    """
    try:
        parsed = _parser.parse(pattern.pattern, pattern.flags)
    except (re.error, TypeError, ValueError):
        return None
    return _required(parsed.data)


def _required(items: Iterable[tuple[object, object]]) -> frozenset[str] | None:
    candidates: list[frozenset[str]] = []
    run: list[str] = []

    def flush() -> None:
        if len(run) >= MIN_LITERAL:
            candidates.append(frozenset({"".join(run)}))
        run.clear()

    for op, av in items:
        if op is _c.LITERAL and isinstance(av, int) and 32 <= av < 127:
            run.append(chr(av).lower())
            continue
        flush()
        sub: frozenset[str] | None = None
        if op is _c.SUBPATTERN:
            sub = _required(av[-1].data)  # type: ignore[index]
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and av[0] >= 1:  # type: ignore[index]
            sub = _required(av[2].data)  # type: ignore[index]
        elif op is _c.BRANCH:
            branches = [_required(b.data) for b in av[1]]  # type: ignore[index]
            if branches and all(b is not None for b in branches):
                sub = frozenset().union(*branches)  # type: ignore[arg-type]
        if sub:
            candidates.append(sub)
    flush()
    if not candidates:
        return None
    # The most selective: the candidate whose shortest string is longest.
    return max(candidates, key=lambda c: (min(len(x) for x in c), -len(c)))


def scan(
    cleaned: Cleaned, table: Iterable[tuple[str, re.Pattern[str]]], text: str | None = None
) -> list[Finding]:
    """Every match of every pattern, with the sentence it sits in."""
    source = cleaned.text if text is None else text
    found: list[Finding] = []
    if isinstance(table, Table):
        # Gates are ASCII. re's case-insensitive matching folds exactly four non-ASCII letters
        # onto ASCII ones (found by trying every code point); they are mapped first, so the
        # gates hold for any text ("£42", emoji, accents).
        low = source.translate(_FOLDS_TO_ASCII).lower()
        present = {lit for lit in table.literals if lit in low}
        rows = [
            row
            for row, gate in zip(table, table.gates, strict=True)
            if gate is None or not gate.isdisjoint(present)
        ]
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
    for span in cleaned.sentences:
        # A match that starts on the space between two sentences (a `<ss>` pattern) belongs to
        # the sentence after it, not to the whole reply.
        if span.start > pos:
            return span
    return Span(0, len(cleaned.text), cleaned.text)


def table(patterns: dict[str, list[str]]) -> Table:
    """Compile a {kind: [pattern, ...]} mapping into scan order (with literal gates)."""
    from trainer.grading.text import rx

    return Table((kind, rx(p)) for kind, plist in patterns.items() for p in plist)

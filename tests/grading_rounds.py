"""Shared checks for the per-round job pattern tests (test_grading_round4/5/6.py)."""

from __future__ import annotations

from trainer.grading import job
from trainer.grading.text import clean, rx


def job_kinds(reply: str) -> set[str]:
    """The job failure kinds the rules find in a reply."""
    return {f.kind for f in job.detect(clean(reply)).negatives}


def pattern_cases(round_patterns: dict[str, list[str]]) -> list[tuple[str, str]]:
    """(kind, pattern) for every pattern a round added, for parametrising."""
    return [(kind, p) for kind, plist in round_patterns.items() for p in plist]


def examples_hit(fails: list[tuple[str, str]], kind: str, pattern: str) -> list[str]:
    """The failing examples of `kind` that this pattern matches on its own."""
    compiled = rx(pattern)
    return [reply for reply, k in fails if k == kind and compiled.search(clean(reply).text)]

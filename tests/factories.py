"""Hand-built objects for tests that should not depend on the grader's judgement."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pytest

from trainer.grading.heads import Heads
from trainer.models.grade import Grade, StepVerdict


def grade(
    *,
    person: bool = False,
    job: bool = True,
    apology: bool = False,
    ask: bool = False,
    flags: tuple[str, ...] = (),
    remedies: tuple[str, ...] = (),
    forbidden: tuple[str, ...] = (),
) -> Grade:
    """A grade with the given verdicts (scores 0.9 for a pass, 0.1 for a fail)."""

    def verdict(ok: bool) -> StepVerdict:
        return StepVerdict(passed=ok, score=0.9 if ok else 0.1)

    return Grade(
        person=verdict(person),
        job=verdict(job),
        apology=verdict(apology),
        ask=verdict(ask),
        flags=list(flags),
        remedies_offered=list(remedies),
        forbidden_promised=list(forbidden),
    )


def neutral_heads() -> Heads:
    """Embedding heads that read nothing (zero weights, identity calibration): a `Grader` with
    them and a stub embedder takes the model path without the packaged model."""
    return Heads(
        weights=np.zeros((4, 1)),
        bias=np.zeros(4),
        mean=np.zeros(1),
        scale=np.ones(1),
        platt_a=np.ones(4),
        platt_b=np.zeros(4),
    )


def traced_and_eager(
    attribute: str, run: Callable[[Any, list[str]], np.ndarray], texts: list[str]
) -> tuple[np.ndarray, np.ndarray]:
    """`run(model, texts)` through the shared model's traced encoder `attribute`, then through
    the eager model (the trace set aside); skips when the packaged model is not installed."""
    from trainer.grading import embed

    try:
        model = embed.load()
    except embed.ModelUnavailable as exc:
        pytest.skip(str(exc))
    traced = getattr(model, attribute)
    assert traced is not None  # traced at load on this machine's torch
    try:
        model.clear_cache()
        fast = run(model, texts)
        setattr(model, attribute, None)
        model.clear_cache()
        eager = run(model, texts)
    finally:
        setattr(model, attribute, traced)
        model.clear_cache()
    return fast, eager

"""Hand-built objects for tests that should not depend on the grader's judgement."""

from __future__ import annotations

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

"""The registry of finding kinds: one definition per kind, consistent with the flags and the
advice file, and every kind's examples and near misses checked against the detectors.

Each kind's examples must produce that kind in its step's evidence (and decide the step: a
failure fails it, support passes it); each near miss must not produce it. Every pattern added
after the first rounds must be hit by an example of its own kind.
"""

from __future__ import annotations

import pytest

from trainer.grading import advice, job, registry
from trainer.grading.findings import StepEvidence
from trainer.grading.kind import CORPUS, SUPPORT, Kind
from trainer.grading.lexical import analyse
from trainer.grading.text import clean
from trainer.models.grade import FLAGS, POSITIVE_FLAGS, STEPS, GradeContext

KINDS = list(registry.KINDS.values())


def _kinds(ev: StepEvidence) -> set[str]:
    return {f.kind for f in ev.positives + ev.negatives}


def _cases(attr: str) -> list[tuple[str, str, str]]:
    """(kind id, reply, customer line) for every example or near miss."""
    return [
        (k.id, *(case if isinstance(case, tuple) else (case, "")))
        for k in KINDS
        for case in getattr(k, attr)
    ]


def _reply(case: str | tuple[str, str]) -> str:
    return case[0] if isinstance(case, tuple) else case


# -- the registry itself --------------------------------------------------------------------


def test_every_kind_is_defined_once_with_a_known_step_and_severity() -> None:
    assert len(registry.KINDS) == len({k.id for k in KINDS})
    for k in KINDS:
        assert k.step in STEPS and set(k.also) <= set(STEPS), k.id
        assert k.severity in ("committed", "omission", "support"), k.id
        assert k.summary, k.id
        assert k.patterns or k.cues or k.found_by, f"{k.id}: how is it found?"


def test_flags_match_the_public_flag_map() -> None:
    assert set(registry.FLAGS) == set(FLAGS)
    assert registry.POSITIVE_FLAGS == POSITIVE_FLAGS
    for k in KINDS:
        assert k.flag is None or k.flag in FLAGS, k.id


def test_every_kind_has_advice_for_every_step_it_appears_in() -> None:
    table = advice._table()
    for k in KINDS:
        if k.severity == SUPPORT:
            continue
        for step in registry.steps_of(k):
            assert k.advice_key in table[step], f"advice.yaml has no {step}.{k.advice_key}"


def test_advice_keys_are_kinds() -> None:
    keys = {k.advice_key for k in KINDS} | {"pass"}
    for step, entries in advice._table().items():
        assert set(entries) <= keys, (step, set(entries) - keys)
    for step, kind_id in advice.MISSING_KIND.items():
        k = registry.kind(kind_id)
        assert k.step == step and not k.is_finding


def test_findings_the_detectors_report_are_registered() -> None:
    replies = [_reply(case) for k in KINDS for case in k.examples + k.near_misses]
    for reply in replies:
        for ev in analyse(reply).steps.values():
            assert _kinds(ev) <= set(registry.KINDS), reply


def test_the_job_table_is_every_job_failure_pattern() -> None:
    failures = [k for k in KINDS if k.step == "job" and k.severity != SUPPORT]
    assert len(job._NEGATIVE) == sum(len(k.patterns) for k in failures)
    assert {kind for kind, _ in job._NEGATIVE} == {k.id for k in failures if k.patterns}


def test_patterns_compile() -> None:
    for k in KINDS:
        for p in k.patterns + k.cues:
            p.compile()


# -- examples and near misses ---------------------------------------------------------------


def _evidence(kind: Kind, reply: str, customer: str) -> StepEvidence:
    return analyse(reply, GradeContext(customer=customer)).steps[kind.step]


@pytest.mark.parametrize(("kind_id", "reply", "customer"), _cases("examples"))
def test_each_example_produces_its_kind(kind_id: str, reply: str, customer: str) -> None:
    kind = registry.kind(kind_id)
    lx = analyse(reply, GradeContext(customer=customer))
    ev = lx.steps[kind.step]
    if kind.is_finding:
        assert kind_id in _kinds(ev), (reply, _kinds(ev))
    else:
        got = advice.explaining_kind(
            kind.step, ev.passed, ev, name_used="name_used" in lx.flags, stuffed=lx.stuffed
        )
        assert got == kind_id, (reply, got)
    # A failure fails its step; support passes it.
    assert ev.passed == (kind.severity == SUPPORT), (reply, _kinds(ev))


@pytest.mark.parametrize(("kind_id", "reply", "customer"), _cases("near_misses"))
def test_no_near_miss_produces_its_kind(kind_id: str, reply: str, customer: str) -> None:
    kind = registry.kind(kind_id)
    ev = _evidence(kind, reply, customer)
    assert kind_id not in _kinds(ev), reply
    if kind.severity == SUPPORT:
        # A near miss of an acknowledgement or an apology carries no support at all.
        assert not ev.positives, (reply, _kinds(ev))
        assert kind.step == "job" or not ev.passed, reply


def test_every_finding_kind_has_an_example() -> None:
    missing = [k.id for k in KINDS if k.is_finding and not k.examples]
    assert not missing


@pytest.mark.parametrize(
    ("kind_id", "index"),
    [
        (k.id, i)
        for k in KINDS
        for i, p in enumerate(k.patterns)
        if p.source != CORPUS and k.severity != SUPPORT
    ],
)
def test_every_later_failure_pattern_has_an_example(kind_id: str, index: int) -> None:
    """Patterns from round 4 on: an example of the kind matches the pattern on its own."""
    kind = registry.kind(kind_id)
    pattern = kind.patterns[index]
    compiled = pattern.compile()
    hits = [r for r in map(_reply, kind.examples) if compiled.search(clean(r).text)]
    assert hits, f"no example of {kind_id} for {pattern.source.id}: {pattern.regex}"

"""The one registry of finding kinds and call-craft flags.

Each finding kind is defined once, in its module under `trainer/grading/kinds/` (step,
severity, flag, advice key, patterns with provenance, examples); this module collects them.
The detectors build their pattern tables from here, the grader reads severities here (a
committed failure makes `StepVerdict.committed`), `lexical` maps findings to flags here, and
the tests check advice.yaml and `trainer.models.grade.FLAGS` against it.
"""

from __future__ import annotations

from dataclasses import dataclass

from trainer.grading.findings import Finding, Table, table
from trainer.grading.kind import COMMITTED, SUPPORT, Kind
from trainer.grading.kinds import (
    acknowledges_cost,
    acknowledges_feeling,
    arguing,
    blame_apology,
    blaming_colleague,
    blaming_customer,
    call_us_back,
    calm_down,
    closed_question,
    compliance_check,
    confessing_cause,
    corporate_hedge,
    counter_threat,
    data_only,
    defending_company,
    deflecting_offer,
    echoes_their_cost,
    empathy_but,
    excuse_after_sorry,
    explaining_cause,
    form_speak,
    gives_up,
    hold_instead,
    keyword_stuffing,
    minimising,
    mirroring,
    mocking,
    name_only,
    need_question,
    no_acknowledgement,
    no_apology,
    no_question,
    not_english,
    not_moving,
    not_my_department,
    passive,
    playing_along,
    pleading,
    policy_wall,
    premature_close,
    resolving,
    rhetorical,
    rhetorical_pushback,
    sarcasm,
    sarcastic,
    sincere,
    sorry_but,
    sorry_if,
    sorry_you_feel,
    taking_it_personally,
    tone_policing,
    upsell,
    wrapped_in_excuse,
)
from trainer.models.grade import Step

_MODULES = (
    # person
    acknowledges_feeling,
    acknowledges_cost,
    echoes_their_cost,
    calm_down,
    minimising,
    taking_it_personally,
    form_speak,
    mirroring,
    sarcasm,
    mocking,
    empathy_but,
    keyword_stuffing,
    no_acknowledgement,
    name_only,
    # job
    resolving,
    explaining_cause,
    defending_company,
    blaming_customer,
    blaming_colleague,
    arguing,
    counter_threat,
    policy_wall,
    not_my_department,
    call_us_back,
    gives_up,
    playing_along,
    upsell,
    deflecting_offer,
    tone_policing,
    pleading,
    rhetorical_pushback,
    excuse_after_sorry,
    not_moving,
    # apology
    sincere,
    sorry_but,
    sorry_if,
    sorry_you_feel,
    blame_apology,
    confessing_cause,
    corporate_hedge,
    sarcastic,
    passive,
    wrapped_in_excuse,
    no_apology,
    # ask
    need_question,
    rhetorical,
    hold_instead,
    data_only,
    premature_close,
    compliance_check,
    closed_question,
    no_question,
    # every step
    not_english,
)


def _collect() -> dict[str, Kind]:
    kinds: dict[str, Kind] = {}
    for module in _MODULES:
        kind: Kind = module.KIND
        if kind.id in kinds:
            raise ValueError(f"finding kind {kind.id!r} is defined twice")
        kinds[kind.id] = kind
    return kinds


KINDS: dict[str, Kind] = _collect()
"""Every finding kind by id."""


def kind(kind_id: str) -> Kind:
    """The kind with this id (KeyError for an unknown one)."""
    return KINDS[kind_id]


def steps_of(k: Kind) -> tuple[Step, ...]:
    """The steps whose evidence may carry this kind (its own step first)."""
    return (k.step, *k.also)


def pattern_table(step: Step, severity_support: bool) -> Table:
    """The scan table of a step's kinds that have patterns: failures, or support.

    Kinds keep their registry order and each kind its pattern order, so findings come out in
    the same order as the tables they replace (scan sorts by offset, then kind).
    """
    chosen = [
        k
        for k in KINDS.values()
        if k.step == step and k.patterns and (k.severity == SUPPORT) == severity_support
    ]
    return table({k.id: [p.regex for p in k.patterns] for k in chosen})


def exempted(text: str, finding: Finding) -> bool:
    """True when one of the finding's kind's exemptions takes the match back."""
    return any(check(text, finding) for check in KINDS[finding.kind].exempt)


def is_committed(kind_id: str) -> bool:
    """A committed failure (the reply did something wrong), not an omission or support."""
    k = KINDS.get(kind_id)
    return k is not None and k.severity == COMMITTED


def judge_may_overrule(kind_id: str) -> bool:
    """A committed failure a confident judge may take back (`Kind.judge_may_overrule`)."""
    k = KINDS.get(kind_id)
    return k is not None and k.judge_may_overrule


def flag_of(kind_id: str) -> str | None:
    """The call-craft flag a finding of this kind raises, if any."""
    k = KINDS.get(kind_id)
    return k.flag if k is not None else None


@dataclass(frozen=True)
class Flag:
    """A call-craft flag: whether it marks something done well, and what raises it."""

    id: str
    positive: bool
    raised_by: str


_CRAFT_FLAGS = (
    Flag("name_used", True, "craft.uses_name: the customer's name, in full or the surname"),
    Flag("remedy_offered", True, "craft.remedies: an allowed scenario remedy is offered"),
    Flag("forbidden_remedy", False, "craft.remedies: a forbidden remedy, or one over its limit"),
    Flag("profanity", False, "craft.profanity: swear words"),
    Flag("shouting", False, "craft.shouting: words in capitals or '!!'"),
    Flag("wall_of_text", False, "craft.wall_of_text: more than 120 words"),
    Flag("repeated_reply", False, "craft.repeated: the same reply as earlier in the call"),
    Flag("hold_asked_permission", True, "craft.hold_flags, when the reply puts them on hold"),
    Flag("hold_no_permission", False, "craft.hold_flags, when the reply puts them on hold"),
    Flag("hold_gave_reason", True, "craft.hold_flags, when the reply puts them on hold"),
    Flag("hold_no_reason", False, "craft.hold_flags, when the reply puts them on hold"),
    Flag("hold_gave_estimate", True, "craft.hold_flags, when the reply puts them on hold"),
    Flag("hold_no_estimate", False, "craft.hold_flags, when the reply puts them on hold"),
    Flag("truncated", False, "text.clean: the reply was cut to 4,000 characters"),
    Flag("empty", False, "an empty reply"),
)


def _flags() -> dict[str, Flag]:
    out = {f.id: f for f in _CRAFT_FLAGS}
    raisers: dict[str, list[str]] = {}
    for k in KINDS.values():
        if k.flag is not None:
            raisers.setdefault(k.flag, []).append(k.id)
    for flag_id, kind_ids in raisers.items():
        if flag_id in out:
            raise ValueError(f"flag {flag_id!r} is both a craft flag and raised by findings")
        out[flag_id] = Flag(flag_id, False, "findings: " + ", ".join(kind_ids))
    return out


FLAGS: dict[str, Flag] = _flags()
"""Every call-craft flag the grader can raise, by id (texts: `trainer.models.grade.FLAGS`)."""
POSITIVE_FLAGS: frozenset[str] = frozenset(f.id for f in FLAGS.values() if f.positive)
"""Flags that mark something done well (checked against `trainer.models.grade`)."""

"""What a session report says, gathered from a call record (no rendering here).

`session_report(record)` arranges what the Session and grader already decided: the
outcome, per-step pass rates with the replies that passed and failed, flags, hold etiquette,
the anger curve and three things to practise next. A step counts only on the replies where
the call needed it (its verdict is `due`; see `trainer/grading/due.py`). The Markdown, HTML and JSON renderers and
the TUI's report screen all read this one structure.
"""

from __future__ import annotations

import json
from collections import Counter
from functools import cache
from importlib import resources
from typing import Any

from pydantic import BaseModel, Field

from trainer.models.grade import FLAGS, POSITIVE_FLAGS, STEP_TITLES, STEPS, Verdict
from trainer.models.record import GRADED_ACTIONS, HoldInfo, SessionRecord
from trainer.store.engine import parse_time
from trainer.store.stats import overall, step_rates

OUTCOME_TEXT: dict[str, str] = {
    "resolved": "Resolved: the customer accepted a fix and is staying.",
    "escalated": "Escalated: the call went to a manager.",
    "churned": "Churned: the customer is leaving for good.",
    "hung_up": "Hung up: the customer ran out of patience.",
    "safety_end": "Ended for safety after a threat.",
    "abandoned": "Abandoned: the call ended before it was settled.",
}
IN_PROGRESS = "In progress: the call has not ended (it can be resumed)."
LANGUAGE_FLAG = "language"
"""The grader's flag on a reply not in English (it judges no step of it). The same id as
`trainer.grading.due.LANGUAGE_FLAG`, kept here so reports need not load the grader."""
ENGLISH_ONLY = "Only English replies are graded"
TURN_ENGLISH_ONLY = f"{ENGLISH_ONLY}: this reply was not judged on the four steps."
NOT_NEEDED = "not needed here"
"""How a step the call did not need on a turn is shown."""

HOLD_RULES: dict[str, str] = {
    "asked_permission": "Asked permission before the hold",
    "gave_reason": "Gave a reason",
    "gave_estimate": "Gave a time estimate",
    "checked_back": "Checked back within two minutes",
    "thanked_on_return": "Thanked them on return",
}


@cache
def practice_texts() -> dict[str, dict[str, str]]:
    """The editable wording in `practice.json` (steps, flags, hold rules)."""
    raw = resources.files("trainer.reports").joinpath("practice.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(raw)
    return {k: v for k, v in data.items() if isinstance(v, dict)}


class StepVerdictView(BaseModel):
    """One step's verdict on one reply."""

    step: str
    title: str
    passed: bool
    score: float
    evidence: list[str] = Field(default_factory=list)
    advice: str = ""
    due: bool = True
    """Whether the step counted on this turn (the call needed it, or the reply failed it)."""
    verdict: Verdict = "pass"
    """`pass`, `fail` or `not_due`."""


class FlagView(BaseModel):
    """A flag with its wording and whether it is praise or a problem."""

    id: str
    label: str
    positive: bool
    count: int = 1


class ReplyView(BaseModel):
    """One turn as the report shows it."""

    number: int
    """1-based turn number."""
    action: str
    customer: str
    reply: str
    customer_next: str
    move: str = ""
    anger: float
    verdicts: list[StepVerdictView] = Field(default_factory=list)
    flags: list[FlagView] = Field(default_factory=list)
    suggested: str = ""
    rewound: list[str] = Field(default_factory=list)
    """Replies tried first at this turn and rewound."""
    english_only: bool = False
    """The reply was not in English, so no step was judged (see ENGLISH_ONLY)."""

    @property
    def any_failed(self) -> bool:
        """True when a step counted on this turn and failed."""
        return any(v.verdict == "fail" for v in self.verdicts)


class StepRow(BaseModel):
    """One step of the method over the whole call."""

    step: str
    title: str
    rate: float | None
    """Share of the graded replies needing this step that passed (None when none did)."""
    passed: list[int] = Field(default_factory=list)
    """Turn numbers whose reply needed this step and passed it."""
    failed: list[int] = Field(default_factory=list)
    not_due: list[int] = Field(default_factory=list)
    """Turn numbers whose reply was graded but did not need this step (not counted)."""


class HoldCheck(BaseModel):
    """One hold-etiquette rule on one hold."""

    turn: int
    rule: str
    label: str
    kept: bool | None
    """None when it is not known yet (the call ended on hold)."""


class ReportData(BaseModel):
    """Everything a session report shows."""

    id: str
    trainee: str
    persona: str
    scenario: str
    mode: str
    seed: int
    outcome: str | None
    outcome_text: str
    started_at: str
    ended_at: str
    duration_seconds: int | None
    opening: str
    overall: float | None
    """Mean of the four step pass rates."""
    steps: list[StepRow]
    flags: list[FlagView]
    anger: list[tuple[int, float]]
    """(turn number, anger after it); turn 0 is the start when known."""
    hold: list[HoldCheck]
    practise: list[str]
    """Three things to practise next, most important first."""
    replies: list[ReplyView]
    app_version: str = ""
    english_only: list[int] = Field(default_factory=list)
    """Turn numbers of replies not graded because they were not in English."""

    @property
    def weakest(self) -> str | None:
        """The step with the lowest pass rate (None when nothing was graded)."""
        rated = [(r.rate, i, r.step) for i, r in enumerate(self.steps) if r.rate is not None]
        return min(rated)[2] if rated else None


def english_note(turns: list[int]) -> str:
    """What a report says about replies left ungraded for language ("" when there are none)."""
    if not turns:
        return ""
    if len(turns) == 1:
        return f"{ENGLISH_ONLY}: the reply on turn {turns[0]} was not judged on the four steps."
    listed = ", ".join(map(str, turns))
    return f"{ENGLISH_ONLY}: the replies on turns {listed} were not judged on the four steps."


def _flag(flag: str, count: int = 1) -> FlagView:
    return FlagView(
        id=flag, label=FLAGS.get(flag, flag), positive=flag in POSITIVE_FLAGS, count=count
    )


def _duration(record: SessionRecord) -> int | None:
    start, end = parse_time(record.started_at), parse_time(record.ended_at)
    if start is None or end is None:
        return None
    return max(0, int((end - start).total_seconds()))


def session_report(record: SessionRecord) -> ReportData:
    """Arrange a call record for a report."""
    replies: list[ReplyView] = []
    rows: dict[str, StepRow] = {s: StepRow(step=s, title=STEP_TITLES[s], rate=None) for s in STEPS}
    flag_counts: Counter[str] = Counter()
    holds: list[HoldCheck] = []
    hold_infos: list[tuple[int, HoldInfo]] = []
    for turn in record.turns:
        number = turn.index + 1
        view = ReplyView(
            number=number,
            action=turn.action,
            customer=turn.customer,
            reply=turn.reply,
            customer_next=turn.customer_next,
            move=turn.move,
            anger=turn.mood.anger,
            rewound=[a.reply for a in turn.attempts],
        )
        if turn.grade is not None:
            for s in STEPS:
                v = turn.grade.step(s)
                view.verdicts.append(
                    StepVerdictView(
                        step=s,
                        title=STEP_TITLES[s],
                        passed=v.passed,
                        score=v.score,
                        evidence=list(v.evidence),
                        advice=v.advice,
                        due=v.due,
                        verdict=v.verdict,
                    )
                )
                if turn.action in GRADED_ACTIONS:
                    if not v.due:
                        rows[s].not_due.append(number)
                    else:
                        (rows[s].passed if v.passed else rows[s].failed).append(number)
            view.english_only = LANGUAGE_FLAG in turn.grade.flags
            view.flags = [_flag(f) for f in turn.grade.flags]
            view.suggested = turn.grade.suggested
            flag_counts.update(turn.grade.flags)
        if turn.hold is not None:
            if turn.action == "back" and hold_infos:
                # The return carries the same hold, completed (thanked or not): replace.
                hold_infos[-1] = (hold_infos[-1][0], turn.hold)
            else:
                hold_infos.append((number, turn.hold))
        replies.append(view)
    for number, info in hold_infos:
        for rule, label in HOLD_RULES.items():
            holds.append(HoldCheck(turn=number, rule=rule, label=label, kept=getattr(info, rule)))
    for step_id, rate in step_rates(record.turns).items():
        rows[step_id].rate = rate
    steps = [rows[s] for s in STEPS]
    flags = sorted(
        (_flag(f, n) for f, n in flag_counts.items()),
        key=lambda f: (f.positive, -f.count, f.id),
    )
    anger = [(r.number, r.anger) for r in replies]
    return ReportData(
        id=record.id,
        trainee=record.trainee,
        persona=record.persona,
        scenario=record.scenario,
        mode=record.mode,
        seed=record.seed,
        outcome=record.outcome,
        outcome_text=OUTCOME_TEXT.get(record.outcome or "", IN_PROGRESS),
        started_at=record.started_at,
        ended_at=record.ended_at,
        duration_seconds=_duration(record),
        opening=record.opening,
        overall=overall({r.step: r.rate for r in steps}),
        steps=steps,
        flags=flags,
        anger=anger,
        hold=holds,
        practise=practise_next(steps, flags, holds, replies, escalation=record.summary.escalation),
        replies=replies,
        app_version=record.app_version,
        english_only=[r.number for r in replies if r.english_only and r.action in GRADED_ACTIONS],
    )


def practise_next(
    steps: list[StepRow],
    flags: list[FlagView],
    holds: list[HoldCheck],
    replies: list[ReplyView],
    limit: int = 3,
    escalation: str = "",
) -> list[str]:
    """The few things most worth practising, weakest first."""
    texts = practice_texts()
    ranked: list[tuple[float, int, str]] = []
    if escalation == "weak":
        # Handing over a call the trainee could have settled is the call's main lesson.
        ranked.append(
            (
                1.0,
                -1,
                texts.get("escalation", {}).get("weak", "Transfer only after a genuine attempt."),
            )
        )
    for order, row in enumerate(steps):
        if row.rate is None or row.rate >= 1:
            continue
        text = texts.get("steps", {}).get(row.step, row.title)
        advice = _latest_advice(replies, row.step, row.failed)
        if advice:
            text = f"{text} On turn {advice[0]}: {advice[1]}"
        # The four steps are the method itself: a missed step outranks a single slip.
        ranked.append((1.25 - row.rate, order, text))
    for order, flag in enumerate(flags):
        if flag.positive or flag.id == LANGUAGE_FLAG:
            # Writing in another language is not a fault to drill; the report notes it.
            continue
        text = texts.get("flags", {}).get(flag.id, f"Avoid: {flag.label}.")
        if flag.count > 1:
            text = f"{text} ({flag.count} times this call)"
        ranked.append((min(0.95, 0.45 + 0.15 * flag.count), 10 + order, text))
    seen: set[str] = set()
    for order, check in enumerate(holds):
        if check.kept is False and check.rule not in seen:
            seen.add(check.rule)
            text = texts.get("hold", {}).get(check.rule, check.label)
            ranked.append((0.6, 100 + order, text))
    ranked.sort(key=lambda item: (-item[0], item[1]))
    chosen = [text for _, _, text in ranked[:limit]]
    if not chosen and any(r.rate is not None for r in steps):
        chosen = [
            "Every step held whenever the call needed it: try a harder persona or exam mode next."
        ]
    return chosen


def _latest_advice(
    replies: list[ReplyView], step: str, failed: list[int]
) -> tuple[int, str] | None:
    by_number = {r.number: r for r in replies}
    for number in reversed(failed):
        for verdict in by_number[number].verdicts:
            if verdict.step == step and verdict.advice:
                return number, verdict.advice
    return None

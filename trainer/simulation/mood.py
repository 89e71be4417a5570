"""How the customer's mood moves: anger, trust, patience and the three needs.

Mood changes only through what the trainee does: the grade of each reply and its flags, the
persona's temperament, needs and triggers, the scenario's remedies (allowed ones help; a
forbidden promise brings short relief and backfires a turn or two later), and holds.

The constants below are the tuning knobs. Four rules shape them:
- a good reply lowers anger in proportion to what this persona needs most, with diminishing
  returns once a need is met;
- a dismissive or defensive reply raises anger more than a good reply lowers it;
- no single reply moves anger more than the persona's difficulty allows (`SHAPES`), so calm is
  earned over several turns and one poor reply does not undo a call;
- a need left unmet turn after turn (the want stated, nothing offered; feelings never
  acknowledged) builds frustration, so kind words alone end in rising anger, not calm.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from trainer.models.grade import STEPS, Grade
from trainer.models.persona import Difficulty, Persona, Trigger
from trainer.models.record import HoldInfo, Mood
from trainer.models.scenario import Remedy, Scenario
from trainer.simulation.durations import parse_duration

START_TRUST = 0.3

# Anger added (times volatility) by each call-craft flag. Dismissive and defensive flags weigh
# more than the relief one good reply brings (RELIEF below), so they cannot cancel out.
SEVERITY: dict[str, float] = {
    "calm_down": 3.0,
    "sarcasm": 3.0,
    "counter_threat": 3.0,
    "profanity": 3.0,
    "blame": 2.0,
    "minimising": 1.5,
    "defending": 1.5,
    "arguing": 1.5,
    "policy_wall": 1.5,
    "not_my_department": 1.5,
    "call_us_back": 1.5,
    "shouting": 1.5,
    "explaining_cause": 0.7,
    "rhetorical": 0.7,
    "data_only": 0.4,
    "wall_of_text": 0.4,
    "empty": 0.8,
    "hold_no_permission": 1.0,
}
BAD_FLAGS = frozenset(SEVERITY)

UNHELPFUL = 0.5
"""Anger added when a reply meets none of the needs: the customer feels unheard."""
REPEAT = 1.0
"""Anger added by a reply already used in this call (and it earns nothing)."""
RELIEF = 4.5
"""Anger removed for meeting needs fully, weighted by the persona's needs (times cooling)."""
FLOOR = 0.7
"""Share of the starting anger that unmet needs (weighted) hold in place."""
PER_STEP = 0.15
"""Anger removed per passed step on top of needs, so good replies never stop helping."""

# How far one passing step meets each need.
VENT_GAIN = 0.55
APOLOGY_GAIN = 0.7
ASK_GAIN = 0.25
"""Compensation felt from being asked what they want, until they have said it (after that,
only an offer meets the need)."""
FORBIDDEN_RELIEF = 0.3
"""Compensation felt at once when the trainee promises something policy forbids..."""
BACKFIRE_ANGER = 2.5
"""...and the anger (times volatility) when it falls through a turn or two later."""

IGNORED_WEIGHT = 0.25
"""A need weighing at least this share of the persona's needs is noticed when ignored..."""
IGNORED_MET = 0.4
"""...while it is met less than this..."""
FRUSTRATION = 0.8
ASKED_WEIGHT = 0.35
"""How much an unanswered request weighs once they have said what they want."""
"""...and each turn it stays ignored adds this much anger (times its weight and the number of
turns it has been ignored), so frustration builds rather than settles."""


@dataclass(frozen=True)
class Shape:
    """How a persona's difficulty shapes the call."""

    max_drop: float
    """Most anger one reply can take away."""
    max_rise: float
    """Most anger one reply can add (triggers and flags included)."""
    confirm: str
    """When an agreed remedy must be confirmed before the call is settled: `never`,
    `low_trust` (trust still below `CONFIRM_TRUST`) or `always`."""
    accept_anger: float
    """They accept a fair offer at or below this anger (or after a large enough drop)."""
    want_first_at: float
    """Starting anger at or above which they say what they want before taking a first offer."""


SHAPES: dict[Difficulty, Shape] = {
    "easy": Shape(max_drop=3.0, max_rise=2.5, confirm="never", accept_anger=5.5, want_first_at=11),
    "medium": Shape(
        max_drop=2.3, max_rise=2.5, confirm="low_trust", accept_anger=4.5, want_first_at=7
    ),
    "hard": Shape(max_drop=1.7, max_rise=2.8, confirm="always", accept_anger=3.5, want_first_at=0),
}
CONFIRM_TRUST = 0.6


def shape_of(persona: Persona) -> Shape:
    """The persona's difficulty shape."""
    return SHAPES[persona.difficulty]


# Hold costs (patience unless noted).
HOLD_PER_MINUTE = 0.4
HOLD_INSIDE_PER_MINUTE = 0.1
"""Patience a hold costs per minute when they are back within the time they were given."""
HOLD_OVER_ESTIMATE = 0.5
HOLD_OVER_ESTIMATE_PER_MINUTE = 0.3
HOLD_CHECK_IN = 120
HOLD_OVER_LIMIT = 1.0
HOLD_OVER_PER_MINUTE = 0.5
HOLD_NO_PERMISSION = 1.5
HOLD_NO_REASON = 0.5
HOLD_NO_ESTIMATE = 0.5


def need_weights(persona: Persona) -> dict[str, float]:
    """The persona's needs normalised to sum to 1."""
    needs = persona.needs
    total = needs.vent + needs.apology + needs.compensation
    return {
        "vent": needs.vent / total,
        "apology": needs.apology / total,
        "compensation": needs.compensation / total,
    }


def normalise_reply(text: str) -> str:
    """A reply reduced to words, to spot the same reply used twice."""
    return " ".join(re.findall(r"[a-z0-9']+", text.lower()))


def clamp(value: float, low: float, high: float) -> float:
    """`value` limited to `[low, high]`."""
    return max(low, min(high, value))


def start_mood(persona: Persona) -> Mood:
    """The mood at the start of the call."""
    return Mood(
        anger=persona.temperament.anger,
        trust=START_TRUST,
        patience=persona.temperament.patience,
    )


@dataclass
class MoodState:
    """Everything mood needs to remember between turns."""

    mood: Mood
    start_anger: float
    turn: int = 0
    """Replies processed so far."""
    backfires: list[tuple[int, float]] = field(default_factory=list)
    """(turn when it falls through, anger) for forbidden promises."""
    seen_replies: set[str] = field(default_factory=set)
    genuine_attempt: bool = False
    """True once a reply apologised and asked (a fair attempt before escalating)."""
    want_known: bool = False
    """The customer has said what they want (set by the customer as they say it)."""
    ignored: dict[str, int] = field(default_factory=dict)
    """Turns in a row each need has been left unmet."""
    arranging: bool = False
    """A call-back is being arranged: settling its time and number helps, it is not ignoring
    what they asked for (set by the customer)."""


@dataclass
class ReplyEffect:
    """What one reply did to the mood, for the policy and for tests."""

    anger_before: float
    anger_after: float
    patience_before: float
    fired: list[Trigger] = field(default_factory=list)
    bad_flags: list[str] = field(default_factory=list)
    met: dict[str, float] = field(default_factory=dict)
    """How far each need moved this turn."""
    remedy: Remedy | None = None
    """The most valuable allowed remedy offered in this reply."""
    offered: list[Remedy] = field(default_factory=list)
    """Every allowed remedy offered in this reply, most valuable first."""
    frustration: float = 0.0
    """Anger added because a need has been ignored turn after turn."""
    ignored: dict[str, int] = field(default_factory=dict)
    """Turns in a row each need has been ignored, after this reply."""
    refused: list[str] = field(default_factory=list)
    """Remedy ids the trainee refused in this reply (set by the customer)."""
    forbidden: bool = False
    repeated: bool = False
    backfired: bool = False
    passed_steps: int = 0

    @property
    def change(self) -> float:
        """Anger after minus anger before."""
        return self.anger_after - self.anger_before


def fired_triggers(persona: Persona, reply: str, flags: set[str]) -> list[Trigger]:
    """The persona's triggers set off by this reply's flags or phrases."""
    lowered = reply.lower()
    out = []
    for trigger in persona.triggers:
        if (trigger.flag is not None and trigger.flag in flags) or (
            trigger.phrase is not None and trigger.phrase.lower() in lowered
        ):
            out.append(trigger)
    return out


def offered_remedy(grade: Grade, scenario: Scenario) -> Remedy | None:
    """The most valuable scenario remedy the grade says was offered."""
    by_id = {r.id: r for r in scenario.remedies}
    offered = [by_id[r] for r in grade.remedies_offered if r in by_id]
    return max(offered, key=lambda r: r.value) if offered else None


def apply_reply(
    state: MoodState,
    grade: Grade,
    reply: str,
    persona: Persona,
    scenario: Scenario,
    *,
    extra_flags: tuple[str, ...] = (),
    offered: list[Remedy] | None = None,
) -> ReplyEffect:
    """Update `state` for one graded reply and return what happened.

    `offered` is what the customer heard offered (by rules, meaning or reference); without it
    the grade's keyword remedies count.
    """
    mood = state.mood
    temper = persona.temperament
    shape = shape_of(persona)
    state.turn += 1
    effect = ReplyEffect(mood.anger, mood.anger, mood.patience)
    flags = set(grade.flags) | set(extra_flags)
    key = normalise_reply(reply)
    effect.repeated = "repeated_reply" in flags or (bool(key) and key in state.seen_replies)
    if key:
        state.seen_replies.add(key)
    if effect.repeated:
        flags.add("repeated_reply")
    effect.passed_steps = grade.passed_steps
    effect.bad_flags = sorted(f for f in flags if f in BAD_FLAGS)
    effect.fired = fired_triggers(persona, reply, flags)
    if offered is None:
        remedy = offered_remedy(grade, scenario)
        offered = [remedy] if remedy is not None else []
    effect.offered = sorted(offered, key=lambda r: -r.value)
    effect.remedy = effect.offered[0] if effect.offered else None
    effect.forbidden = bool(grade.forbidden_promised) or "forbidden_remedy" in flags

    anger = mood.anger
    trust = mood.trust
    patience = mood.patience
    met = {"vent": mood.vent, "apology": mood.apology, "compensation": mood.compensation}

    # Forbidden promises that fall through now.
    due = [b for b in state.backfires if b[0] <= state.turn]
    state.backfires = [b for b in state.backfires if b[0] > state.turn]
    for _turn, extra in due:
        effect.backfired = True
        anger += extra * temper.volatility
        trust -= 0.3
        met["compensation"] = max(0.0, met["compensation"] - FORBIDDEN_RELIEF)

    # Relief: what the reply did for each need, weighted by what this persona needs most.
    gains = {"vent": 0.0, "apology": 0.0, "compensation": 0.0}
    if not effect.repeated:
        if grade.person.passed:
            gains["vent"] += VENT_GAIN
        if grade.apology.passed:
            gains["apology"] += APOLOGY_GAIN
        if grade.ask.passed and not state.want_known:
            gains["compensation"] += max(0.0, ASK_GAIN - met["compensation"])
        # Several remedies at once add up, each worth less than the one before.
        for rank, item in enumerate(effect.offered):
            gains["compensation"] += item.value / (rank + 1)
        if effect.forbidden:
            gains["compensation"] += FORBIDDEN_RELIEF
            state.backfires.append((state.turn + 2, BACKFIRE_ANGER))
    weights = need_weights(persona)
    relief = 0.0
    for need, gain in gains.items():
        delta = min(1.0 - met[need], gain)
        effect.met[need] = delta
        met[need] += delta
        relief += weights[need] * delta

    # Needs ignored turn after turn. Feelings count from the second reply; compensation once
    # they have said what they want (or from the third reply).
    # Once they have asked for something specific, leaving it unanswered always matters, however
    # little the persona weighs compensation.
    felt = dict(weights)
    if state.want_known and scenario.remedies:
        felt["compensation"] = max(felt["compensation"], ASKED_WEIGHT)
    for need, weight in felt.items():
        counting = state.turn >= (2 if need != "compensation" else 3) or (
            need == "compensation" and state.want_known
        )
        arranged = need == "compensation" and state.arranging
        if (
            weight >= IGNORED_WEIGHT
            and counting
            and not arranged
            and met[need] < IGNORED_MET
            and not gains[need]
        ):
            state.ignored[need] = state.ignored.get(need, 0) + 1
        else:
            state.ignored[need] = 0
    effect.ignored = dict(state.ignored)
    effect.frustration = FRUSTRATION * sum(
        felt[n] * turns for n, turns in state.ignored.items() if turns
    )

    if not effect.repeated:
        before_relief = anger
        # Steps earn their small bonus only in a reply free of dismissive flags, and not while
        # a need is being ignored (kind words stop helping when nothing happens).
        bonus = 0.0 if effect.bad_flags or effect.frustration else PER_STEP * grade.passed_steps
        relief = RELIEF * relief + bonus
        # Unmet needs keep a floor under anger: kind words alone do not settle a money problem.
        floor = FLOOR * state.start_anger * sum(weights[n] * (1.0 - met[n]) for n in met)
        anger = max(anger - relief * temper.cooling, min(floor, before_relief))
        if grade.apology.passed:
            state.genuine_attempt = state.genuine_attempt or grade.ask.passed
            trust += 0.1
        trust += 0.05 * grade.person.passed + 0.05 * grade.ask.passed
        trust += 0.1 * bool(effect.offered)

    # Damage: dismissive and defensive flags, triggers, replies that help with nothing.
    damage = sum(SEVERITY[f] for f in effect.bad_flags)
    if effect.repeated:
        damage += REPEAT
    elif not any(gains.values()) and not state.arranging:
        damage += UNHELPFUL
    damage += sum(t.anger for t in effect.fired)
    anger += damage * temper.volatility + effect.frustration * temper.volatility
    trust -= 0.08 * len(effect.bad_flags) + 0.05 * len(effect.fired)
    if effect.frustration:
        trust -= 0.05

    # One reply moves anger only so far: calm is earned over turns.
    anger = clamp(anger, mood.anger - shape.max_drop, mood.anger + shape.max_rise)

    # Patience drains with bad turns, a little with every turn that does not help.
    if (damage > 0 or effect.frustration) and anger > mood.anger:
        patience -= 1.0 + 0.3 * len(effect.bad_flags) + 0.3 * len(effect.fired)
    elif anger >= mood.anger:
        patience -= 0.5
    if effect.backfired:
        patience -= 0.5

    state.mood = Mood(
        anger=round(clamp(anger, 0, 10), 3),
        trust=round(clamp(trust, 0, 1), 3),
        patience=round(max(0.0, patience), 3),
        vent=round(clamp(met["vent"], 0, 1), 3),
        apology=round(clamp(met["apology"], 0, 1), 3),
        compensation=round(clamp(met["compensation"], 0, 1), 3),
    )
    effect.anger_after = state.mood.anger
    return effect


def hold_costs(hold: HoldInfo) -> tuple[float, float]:
    """(patience lost, anger added before volatility) for a hold and its etiquette.

    Back within the time they were given, a hold costs little; past it, the whole hold counts
    and the overrun more.
    """
    promised = parse_duration(hold.estimate)
    if promised is not None and hold.seconds <= promised:
        patience = HOLD_INSIDE_PER_MINUTE * hold.seconds / 60
    else:
        patience = HOLD_PER_MINUTE * hold.seconds / 60
    anger = 0.0
    if promised is not None and hold.seconds > promised:
        over = (hold.seconds - promised) / 60
        patience += HOLD_OVER_ESTIMATE + HOLD_OVER_ESTIMATE_PER_MINUTE * over
        anger += 0.3
    if hold.seconds > HOLD_CHECK_IN and not hold.checked_back:
        over_minutes = (hold.seconds - HOLD_CHECK_IN) / 60
        patience += HOLD_OVER_LIMIT + HOLD_OVER_PER_MINUTE * over_minutes
        anger += 0.5 + 0.5 * over_minutes
    if not hold.asked_permission:
        patience += HOLD_NO_PERMISSION
        anger += SEVERITY["hold_no_permission"]
    if not hold.gave_reason:
        patience += HOLD_NO_REASON
        anger += 0.3
    if not hold.gave_estimate:
        patience += HOLD_NO_ESTIMATE
        anger += 0.2
    return patience, anger


def apply_hold(state: MoodState, hold: HoldInfo, persona: Persona, *, thanked: bool) -> None:
    """Apply the cost of a finished hold; thanking them on return softens it a little."""
    lost, anger = hold_costs(hold)
    mood = state.mood
    new_anger = mood.anger + anger * persona.temperament.volatility
    trust = mood.trust - (0.05 if not hold.asked_permission else 0.0)
    if thanked:
        new_anger -= 0.3 * persona.temperament.cooling
        trust += 0.05
    state.mood = mood.model_copy(
        update={
            "anger": round(clamp(new_anger, 0, 10), 3),
            "trust": round(clamp(trust, 0, 1), 3),
            "patience": round(max(0.0, mood.patience - lost), 3),
        }
    )


def nudge(state: MoodState, persona: Persona, *, anger: float = 0.0, trust: float = 0.0) -> None:
    """A small change outside a graded reply (a refused call-back, a kept hold promise)."""
    mood = state.mood
    scale = persona.temperament.volatility if anger > 0 else persona.temperament.cooling
    state.mood = mood.model_copy(
        update={
            "anger": round(clamp(mood.anger + anger * scale, 0, 10), 3),
            "trust": round(clamp(mood.trust + trust, 0, 1), 3),
        }
    )


def steps_passed(grade: Grade) -> dict[str, bool]:
    """Which steps passed, by name."""
    return {s: grade.step(s).passed for s in STEPS}


def over_estimate(hold: HoldInfo) -> bool:
    """Whether the hold ran past the time the trainee gave."""
    promised = parse_duration(hold.estimate)
    return promised is not None and hold.seconds > promised

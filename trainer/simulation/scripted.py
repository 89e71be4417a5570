"""Scripted trainees in plain, varied wording, for sweeps over the library.

Four trainees, none of which uses a scenario's remedy keywords:
- `listening`: acknowledges, apologises and asks; then agrees to what the customer asked for
  in ordinary words ("yes, I can do that for you now"), offers it in its own paraphrase, and
  makes it certain when asked ("it's done, you'll get a text").
- `empathic-never-offers`: warm and sorry every turn, asks what they need, never offers.
- `offers-without-empathy`: offers and agrees, but never acknowledges or apologises.
- `hostile`: defends, blames, hides behind policy.

Each trainee listens to the customer's last line (a question gets an answer) and picks its
wording with a seeded generator, so a sweep is reproducible. Used by the simulation tests and
`benchmarks/simulation_outcomes.py`.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from statistics import median

from trainer.library import Library
from trainer.models.persona import Persona
from trainer.models.record import OUTCOMES, Outcome
from trainer.models.scenario import Scenario
from trainer.session import GraderLike, Session

PARAPHRASES: dict[str, list[str]] = {
    "appointment-letter-mixup": [
        "get you another slot at the eye clinic and keep your place on the list",
        "find you a fresh date with the clinic, so you stay on the list",
    ],
    "boiler-repair-leak": [
        "get someone round to stop the boiler leaking and have an independent person look at "
        "the ceiling this week",
        "have a technician make the boiler safe and get the water damage properly inspected",
    ],
    "broadband-dropouts": [
        "get a technician out to the street box to fix the line, and knock the lost fortnight "
        "off what you pay",
        "have someone repair the fault at the green box down the road",
    ],
    "cafe-broadband-down": [
        "have a mobile data box couriered to you tonight so your card reader works in the morning",
        "get you a stopgap mobile connection delivered tonight for the card reader",
    ],
    "cancelled-flight": [
        "get you on the earliest plane to Edinburgh in the morning and find you a bed near "
        "the airport tonight",
        "get you to Edinburgh first thing tomorrow and sort you a place to stay tonight",
    ],
    "card-declined-at-bar": [
        "check a couple of security details and get your card working again right now",
        "clear the fraud hold so you can pay with your card again tonight",
    ],
    "coat-return-refused": [
        "send you an identical coat this week, or put the full price back on your card, "
        "whichever you'd prefer",
        "swap it for a new one of the same coat, sent out this week",
    ],
    "double-billed": [
        "send the second payment straight back to your bank today",
        "return the extra charge to your bank so it's there this week",
    ],
    "estimated-energy-bill": [
        "redo the statement from the figure on your meter and leave your monthly payment "
        "where it was",
        "work the charge out again from your actual meter figure, with the monthly amount "
        "left alone",
    ],
    "frozen-account-wages": [
        "get the account checks pushed to the front of the queue so you can reach your wages today",
        "get the people checking your account to deal with it first, today",
    ],
    "loyalty-points-wiped": [
        "get every one of those points returned to your card before Friday",
        "have your full points balance put right before your Friday shop",
    ],
    "recliner-missed-twice": [
        "book the chair in for a fixed morning, with the driver phoning your landline the day "
        "before",
        "fix a morning for the chair to come and have them ring your house phone first",
    ],
    "wrong-address-parcel": [
        "have the driver fetch the watch from number 41 today and bring it to your door "
        "before Saturday",
        "get the watch picked back up from your neighbour's and brought to you before Saturday",
    ],
}
"""How a trainee might put each scenario's main fix in their own words: written without the
scenario's keywords or examples, so a sweep tests the customer's understanding, not a match."""


Trainee = Callable[[str, int], str]
"""Given the customer's last line and the reply number (0-based), the trainee's next reply."""
Script = Callable[[Persona, Scenario, random.Random], Trainee]


def _pick(rng: random.Random, options: list[str], used: set[str]) -> str:
    fresh = [o for o in options if o not in used] or options
    choice = rng.choice(fresh)
    used.add(choice)
    return choice


def _asks(line: str) -> bool:
    return "?" in line


def listening(persona: Persona, scenario: Scenario, rng: random.Random) -> Trainee:
    """Hears them out, apologises, asks; agrees to what they ask; makes it certain."""
    name = persona.address_as
    used: set[str] = set()
    plain = PARAPHRASES.get(scenario.id, [])
    openers = [
        f"I'm so sorry, {name}. That sounds really stressful, and I'd be upset too. "
        "What would help most right now?",
        f"{name}, I'm really sorry this has happened to you; what a horrible thing to deal "
        "with. Tell me what you need and I'll get on with it.",
        f"I'm so sorry, {name}. I can hear how much this has knocked you. What would put it "
        "right for you?",
    ]
    agree = [
        "Yes, I can do that for you, and I'll start on it right now.",
        "I can do exactly that. Shall I go ahead now?",
        "Absolutely, I'll sort that out for you straight away.",
        "Yes, I can do both of those for you today.",
    ]
    sorry = [
        f"You must be exhausted, {name}, and I'm sorry you've been left like this.",
        f"I can hear how worn out you are, {name}. I'm really sorry.",
        f"No wonder you're fed up, {name}. I'm so sorry.",
        f"That's so stressful, {name}, and I'm sorry it's landed on you.",
    ]
    certain = [
        "Yes, it's done: I've set it up now, and you'll get a confirmation by text in the "
        "next few minutes.",
        "It's confirmed. I've put it through while we've been talking, and you'll have an "
        "email about it today.",
        "I've done it just now, and you'll see it go through today. You have my word.",
    ]

    def reply(line: str, turn: int) -> str:
        if turn == 0:
            return _pick(rng, openers, used)
        if turn >= 2 and _asks(line):
            return f"{_pick(rng, sorry, used)} {_pick(rng, certain, used)}"
        if plain and turn % 2 == 1:
            offer = f"Let me {_pick(rng, plain, used)}. Would that help?"
            return f"{_pick(rng, sorry, used)} {offer}"
        return f"{_pick(rng, sorry, used)} {_pick(rng, agree, used)}"

    return reply


def empathic_never_offers(persona: Persona, scenario: Scenario, rng: random.Random) -> Trainee:
    """Warm and sorry every turn; asks what they need; never offers or agrees to anything."""
    name = persona.address_as
    used: set[str] = set()
    warm = [
        f"I'm so sorry, {name}. That sounds awful.",
        f"I completely understand how upsetting this is, {name}, and I'm sorry.",
        "I hear you, and I'm really sorry you're going through this.",
        f"That must be so frustrating, {name}. I'm sorry.",
        "I'm truly sorry. Nobody should be treated like this.",
        f"I'm sorry, {name}; I can only imagine how that feels.",
        "I really am sorry. That's a horrible situation to be in.",
        f"I'm sorry, {name}. It sounds exhausting.",
    ]
    questions = [
        "What would help most right now?",
        "Is there anything else you'd like to tell me about it?",
        "How are you holding up?",
    ]

    def reply(line: str, turn: int) -> str:
        text = _pick(rng, warm, used)
        if turn == 0 or turn % 3 == 2:
            text += " " + _pick(rng, questions, used)
        return text

    return reply


def offers_without_empathy(persona: Persona, scenario: Scenario, rng: random.Random) -> Trainee:
    """Goes straight to the fix and agrees to it; never acknowledges or apologises."""
    used: set[str] = set()
    plain = PARAPHRASES.get(scenario.id, [])
    offers = [f"Right. I can {p}." for p in plain] or ["Right. I can fix that."]
    agree = [
        "Okay. I'll do that.",
        "Fine, I can do both.",
        "I'll go ahead with that now.",
        "Noted. I can arrange that.",
    ]
    certain = [
        "It's done. You'll get a text.",
        "That's been put through now.",
        "I've processed it. You'll get an email.",
    ]

    def reply(line: str, turn: int) -> str:
        if turn == 0:
            return _pick(rng, offers, used)
        if _asks(line) and turn >= 2:
            return _pick(rng, certain, used)
        return _pick(rng, offers if turn % 2 == 0 else agree, used)

    return reply


def hostile(persona: Persona, scenario: Scenario, rng: random.Random) -> Trainee:
    """Defends, blames, tells them to calm down, hides behind policy."""
    used: set[str] = set()
    lines = [
        "Calm down. There's no need to take that tone with me.",
        "That's our policy, there's nothing I can do about it.",
        "Well, you should have read the terms and conditions before signing up.",
        "Our systems are very reliable; this is not our fault.",
        "Relax, it's really not a big deal.",
        "Go ahead and complain then, it won't change anything.",
        "That's not my department. You'll have to ring another number.",
        "Look, I've explained this already. The policy is the policy.",
        "Calm down or I will end this call.",
        "It's your own fault for not checking.",
        "Try calling back tomorrow when you've calmed down.",
        "I don't make the rules. Take it up with someone else.",
    ]

    def reply(line: str, turn: int) -> str:
        return _pick(rng, lines, used)

    return reply


SCRIPTS: dict[str, Script] = {
    "listening": listening,
    "empathic-never-offers": empathic_never_offers,
    "offers-without-empathy": offers_without_empathy,
    "hostile": hostile,
}
MAX_REPLIES = 16


@dataclass
class Played:
    """One scripted call's result."""

    persona: str
    scenario: str
    script: str
    difficulty: str
    seed: int
    outcome: Outcome | None
    anger: float
    replies: int
    moves: list[str] = field(default_factory=list)
    angers: list[float] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    """The customer's lines, opening first."""
    replies_said: list[str] = field(default_factory=list)

    @property
    def repeats(self) -> int:
        """Customer lines said again within the call (after the opening)."""
        return len(self.lines) - len(set(self.lines))

    @property
    def rising(self) -> bool:
        """Anger ended above its lowest point in the call (frustration built, not calm)."""
        return bool(self.angers) and self.anger > min(self.angers) + 0.5


def play(session: Session, trainee: Trainee) -> Session:
    """Let the trainee reply to each customer line until the call ends."""
    for turn in range(MAX_REPLIES):
        if session.ended:
            break
        session.reply(trainee(session.last_customer_line, turn))
    return session


def compatible_pairs(lib: Library) -> list[tuple[Persona, Scenario]]:
    """Every playable persona x scenario pair the scenario allows."""
    pairs = []
    for ident in sorted(lib.scenarios):
        scenario = lib.scenarios[ident].item
        for entry in lib.playable_personas():
            if scenario.allows(entry.item.id):
                pairs.append((entry.item, scenario))
    return pairs


def play_one(
    persona: Persona, scenario: Scenario, grader: GraderLike, name: str, seed: int
) -> Played:
    """One scripted call, recorded."""
    script = SCRIPTS[name]
    session = Session(persona, scenario, grader=grader, seed=seed)
    play(session, script(persona, scenario, random.Random(f"{name}-{seed}")))
    turns = session.record.turns
    return Played(
        persona.id,
        scenario.id,
        name,
        persona.difficulty,
        seed,
        session.outcome,
        session.mood.anger,
        session.replies,
        [t.move for t in turns],
        [t.mood.anger for t in turns],
        [session.opening, *[t.customer_next for t in turns if t.customer_next]],
        [t.reply for t in turns],
    )


def sweep(
    lib: Library,
    grader: GraderLike,
    *,
    scripts: tuple[str, ...] | None = None,
    seeds: tuple[int, ...] = (1,),
) -> list[Played]:
    """Play every script against every compatible persona x scenario pair."""
    results: list[Played] = []
    for persona, scenario in compatible_pairs(lib):
        for name in scripts or tuple(SCRIPTS):
            for seed in seeds:
                results.append(play_one(persona, scenario, grader, name, seed))
    return results


def _table(head: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(lines)


def outcome_table(results: list[Played]) -> str:
    """Outcome counts, mean final anger, rising anger and resolution rate per script."""
    names = list(dict.fromkeys(r.script for r in results))
    head = ["script", "calls", *OUTCOMES, "open", "mean anger", "ends rising", "resolved %"]
    rows = []
    for name in names:
        mine = [r for r in results if r.script == name]
        counts = [sum(r.outcome == o for r in mine) for o in OUTCOMES]
        still_open = sum(r.outcome is None for r in mine)
        mean = sum(r.anger for r in mine) / len(mine)
        rising = sum(r.rising for r in mine)
        rate = 100 * counts[0] / len(mine)
        cells = [name, str(len(mine)), *map(str, counts), str(still_open), f"{mean:.2f}"]
        rows.append([*cells, f"{rising}", f"{rate:.0f}%"])
    return _table(head, rows)


def turns_table(results: list[Played]) -> str:
    """Replies to resolve per script and persona difficulty: resolved count, median, range."""
    head = ["script", "difficulty", "calls", "resolved", "median replies", "min", "max"]
    rows = []
    for name in dict.fromkeys(r.script for r in results):
        for level in ("easy", "medium", "hard"):
            mine = [r for r in results if r.script == name and r.difficulty == level]
            if not mine:
                continue
            done = [r.replies for r in mine if r.outcome == "resolved"]
            stats = [f"{median(done):g}", str(min(done)), str(max(done))] if done else ["-"] * 3
            rows.append([name, level, str(len(mine)), str(len(done)), *stats])
    return _table(head, rows)


def repetition_table(results: list[Played]) -> str:
    """Customer lines repeated within a call, per script."""
    head = ["script", "calls", "customer lines", "repeated lines", "calls with a repeat"]
    rows = []
    for name in dict.fromkeys(r.script for r in results):
        mine = [r for r in results if r.script == name]
        lines = sum(len(r.lines) for r in mine)
        repeats = sum(r.repeats for r in mine)
        rows.append(
            [name, str(len(mine)), str(lines), str(repeats), str(sum(r.repeats > 0 for r in mine))]
        )
    return _table(head, rows)

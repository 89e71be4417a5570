"""`deescalate play`: one call in any terminal, typed live (`--plain`) or from a script.

Script files hold one trainee reply per line. `#` starts a comment line and blank lines are
skipped. Lines starting with `/` are call actions:

    /hold SECONDS [REASON] [| WHAT YOU SAY]   put the caller on hold (simulated seconds)
    /back [WHAT YOU SAY]                      come back from hold
    /transfer                                 transfer to a manager
    /callback [WHAT YOU SAY]                  offer to call them back
    /end                                      end the call

An unknown action stops the command before the call starts, naming the file and line.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from trainer.cli._common import add_library_option, load_library, print_json, utf8_arg
from trainer.cli.records import add_play_store_options, play_listeners, resume_session
from trainer.errors import UserError
from trainer.library import DEFAULT_SCENARIO
from trainer.models.grade import STEPS, Grade
from trainer.models.record import HOLD_SECONDS, SessionRecord, Turn
from trainer.textsafe import clean_line

if TYPE_CHECKING:
    from trainer.session import Session, SessionEvent

ORDER = 20

ACTIONS = ("hold", "back", "transfer", "callback", "end")
LIVE_ONLY = ("rewind", "hint", "help")
HOLD_USAGE = "/hold SECONDS [REASON] [| WHAT YOU SAY], e.g. /hold 60 checking your bill"
"""Simulated hold times a call accepts, the same range as the practice room's hold dialog."""


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    play = subparsers.add_parser(
        "play",
        help="play a call in the terminal, live (--plain) or from a script (--script)",
        description="Play one call. Without --script the call is typed live, line by line.",
    )
    play.add_argument("--persona", metavar="ID", help="persona id (default: the scenario's own)")
    play.add_argument(
        "--scenario",
        metavar="ID",
        default=DEFAULT_SCENARIO,
        help=f"scenario id (default: {DEFAULT_SCENARIO})",
    )
    play.add_argument("--seed", type=int, help="seed for the customer (default: random, recorded)")
    play.add_argument(
        "--mode",
        choices=["coach", "exam"],
        default="coach",
        help="coach: verdict after every reply; exam: only at the end",
    )
    play.add_argument("--plain", action="store_true", help="line-based live call (the default)")
    play.add_argument("--script", type=Path, metavar="FILE", help="play the replies in FILE")
    play.add_argument("--json", action="store_true", help="print the whole call record as JSON")
    play.add_argument("--trainee", default="", metavar="NAME", help="your name, for the record")
    play.add_argument("--agent", default="", metavar="NAME", help="the name you give the customer")
    add_library_option(play)
    add_play_store_options(play)
    play.set_defaults(handler=play_cmd)


# Scripts ---------------------------------------------------------------------------------


@dataclass
class Step:
    """One line of a script: a reply or an action."""

    line: int
    action: str
    """`reply` or one of ACTIONS (or a live-only command)."""
    text: str = ""
    seconds: int = 0
    reason: str = ""


def parse_line(text: str, line: int, *, live: bool = False) -> Step:
    """Parse one script or live line; raises ValueError with a message on a bad action."""
    stripped = text.strip()
    if not stripped.startswith("/"):
        return Step(line, "reply", text=stripped)
    head, _, rest = stripped[1:].partition(" ")
    name = head.lower()
    rest = rest.strip()
    allowed = ACTIONS + LIVE_ONLY if live else ACTIONS
    if name not in allowed:
        raise ValueError(f"unknown action /{head}")
    if name == "hold":
        spec, _, said = rest.partition("|")
        parts = spec.split(maxsplit=1)
        if not parts or not (parts[0].isascii() and parts[0].isdigit()):
            raise ValueError(f"/hold needs SECONDS: {HOLD_USAGE}")
        low, high = HOLD_SECONDS
        # Compare as text first: a thousand-digit number is refused without converting it.
        number = parts[0].lstrip("0") or "0"
        if len(number) > len(str(high)) or not low <= int(number) <= high:
            raise ValueError(f"/hold SECONDS must be from {low} to {high} (got {parts[0][:12]})")
        reason = parts[1].strip() if len(parts) > 1 else ""
        return Step(line, "hold", text=said.strip(), seconds=int(number), reason=reason)
    if name in {"transfer", "end", "rewind", "hint", "help"} and rest:
        raise ValueError(f"/{name} takes no text")
    return Step(line, name, text=rest)


def parse_script(path: Path) -> tuple[list[Step], list[str]]:
    """Every reply and action in a script file, and a `FILE:N: message` per bad line."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UserError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(f"{path}: cannot read script: {exc}") from None
    steps: list[Step] = []
    problems: list[str] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        stripped = raw.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if "\x00" in stripped:
            problems.append(f"{path}:{number}: the line holds a NUL character; remove it")
            continue
        try:
            steps.append(parse_line(stripped, number))
        except ValueError as exc:
            problems.append(f"{path}:{number}: {exc}")
    if not steps and not problems:
        problems.append(f"{path}: the script has no replies or actions")
    return steps, problems


def apply_step(session: Session, step: Step) -> Turn:
    """Do one reply or action on the session."""
    if step.action == "reply":
        return session.reply(step.text)
    if step.action == "hold":
        return session.hold(step.seconds, step.reason, text=step.text)
    if step.action == "back":
        return session.back(step.text)
    if step.action == "transfer":
        return session.transfer()
    if step.action == "callback":
        return session.callback(step.text)
    return session.end()


# The command -----------------------------------------------------------------------------


def make_listeners(args: argparse.Namespace) -> list[Callable[[SessionEvent], None]]:
    """Listeners the session reports to (`SessionEvent` after each turn).

    The store's recorder when the call is saved (`--db`, `--save`, `--resume`, DEESCALATE_DB).
    """
    return play_listeners(args)


def build_session(args: argparse.Namespace) -> Session:
    """The Session for the chosen persona, scenario, seed and mode."""
    if getattr(args, "resume", None):
        return resume_session(args)  # type: ignore[no-any-return]
    from trainer.grading import get_grader
    from trainer.session import Session

    lib = load_library(args)
    scenario = lib.scenario(args.scenario)
    persona_id = args.persona or scenario.default_persona
    persona = lib.persona(persona_id)
    if persona.abstract:
        raise UserError(f"persona {persona_id!r} is an archetype; pick a playable persona")
    if not scenario.allows(persona.id):
        fits = ", ".join([scenario.default_persona, *scenario.personas])
        print(
            clean_line(
                f"note: persona {persona.id!r} was not written for scenario {scenario.id!r} "
                f"(written for: {fits}); some of its lines may not fit this call"
            ),
            file=sys.stderr,
        )
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(2**31)
    return Session(
        persona,
        scenario,
        grader=get_grader(),
        seed=seed,
        mode=args.mode,
        trainee=args.trainee,
        agent_name=args.agent,
        listeners=make_listeners(args),
        persona_hash=lib.personas[persona.id].digest,
        scenario_hash=lib.scenarios[scenario.id].digest,
    )


def play_cmd(args: argparse.Namespace) -> int:
    args.trainee = utf8_arg(args.trainee, "--trainee")
    args.agent = utf8_arg(args.agent, "--agent")
    if args.seed is not None:
        from trainer.store.schema import check_seed

        check_seed(args.seed)
    steps = None
    if args.script:
        steps, problems = parse_script(args.script)
        if problems:
            for problem in problems:
                print(problem, file=sys.stderr)
            return 1
    session = build_session(args)
    if steps is not None:
        _run_script(session, steps, args.script, quiet=args.json)
    else:
        _run_live(session, quiet=args.json)
    if args.json:
        print_json(session.record.model_dump(mode="json"))
    else:
        _print_summary(session.record)
    return 0


def _run_script(session: Session, steps: list[Step], path: Path, *, quiet: bool) -> None:
    show = not quiet
    if show:
        _intro(session)
    for step in steps:
        if session.ended:
            print(f"{path}:{step.line}: not played: the call has ended", file=sys.stderr)
            break
        try:
            turn = apply_step(session, step)
        except UserError as exc:
            raise UserError(f"{path}:{step.line}: {exc}") from None
        if show:
            _show_turn(session, turn)
    if show and not session.ended:
        print("(end of script; the call is still open)")


def _run_live(session: Session, *, quiet: bool) -> None:
    out = sys.stderr if quiet else sys.stdout
    _intro(session, out)
    print(
        "Type your reply. Actions: /hold SECONDS REASON | what you say, /back, /transfer, "
        "/callback, /end, /rewind, /hint.",
        file=out,
    )
    number = 0
    while not session.ended:
        try:
            raw = input("you> ")
        except EOFError:
            print(file=out)
            session.end()
            break
        number += 1
        # Typed or pasted: a NUL or a terminal control sequence means nothing in a reply.
        raw = clean_line(raw)
        if not raw.strip():
            continue
        try:
            step = parse_line(raw, number, live=True)
        except ValueError as exc:
            print(f"  {exc}", file=out)
            continue
        if step.action == "hint":
            print(f"  hint: {clean_line(session.hint())}", file=out)
            continue
        if step.action == "help":
            print(f"  actions: /{', /'.join(ACTIONS + LIVE_ONLY)}", file=out)
            continue
        if step.action == "rewind":
            done = session.rewind()
            print("  rewound: try that reply again" if done else "  nothing to rewind", file=out)
            if done:
                print(f"customer: {clean_line(session.last_customer_line)}", file=out)
            continue
        try:
            turn = apply_step(session, step)
        except UserError as exc:
            print(f"  {exc}", file=out)
            continue
        # A terminal already shows what was typed after "you> "; piped input is not shown, so
        # echo it then (a readable transcript either way, never the line twice).
        _show_turn(session, turn, out, echo=not sys.stdin.isatty())


def _intro(session: Session, out: TextIO | None = None) -> None:
    stream = out or sys.stdout
    record = session.record
    scenario = session.scenario
    print(
        clean_line(
            f"{scenario.title} ({record.scenario}) with {session.persona.name} "
            f"({record.persona}), seed {record.seed}, {record.mode} mode"
        ),
        file=stream,
    )
    print(f"customer: {clean_line(session.opening)}", file=stream)


MARKS = {"pass": "ok", "fail": "x", "not_due": "not needed"}
"""How a step's verdict shows after a reply (`not needed`: the call did not need it here)."""


def _pct(rate: float | None) -> str:
    return "-" if rate is None else f"{rate:.0%}"


def _verdict(grade: Grade) -> str:
    from trainer.grading.due import english_only

    if english_only(grade):
        return "not graded: only English replies are graded"
    marks = "  ".join(f"{s} {MARKS[grade.step(s).verdict]}" for s in STEPS)
    flags = f"  [{', '.join(grade.flags)}]" if grade.flags else ""
    return marks + flags


def _show_turn(
    session: Session, turn: Turn, out: TextIO | None = None, *, echo: bool = True
) -> None:
    stream = out or sys.stdout
    said = f"you: {clean_line(turn.reply)}" if turn.reply and echo else ""
    if turn.action != "reply":
        said = f"[{turn.action}] {clean_line(turn.reply)}".rstrip()
        if turn.hold is not None and turn.action == "hold":
            reason = clean_line(turn.hold.reason) or "no reason given"
            said += f" ({turn.hold.seconds}s: {reason})"
    if said:
        print(said, file=stream)
    if session.mode == "coach" and turn.grade is not None and turn.action != "hold":
        print(f"  {_verdict(turn.grade)}", file=stream)
        print(f"  anger {turn.mood.anger:.1f}  trust {turn.mood.trust:.2f}", file=stream)
    if turn.customer_next:
        print(f"customer: {clean_line(turn.customer_next)}", file=stream)


def _print_summary(record: SessionRecord) -> None:
    summary = record.summary
    print()
    print(f"outcome: {record.outcome or 'still open'}")
    if record.final_mood is not None:
        print(f"final anger {record.final_mood.anger:.1f}, trust {record.final_mood.trust:.2f}")
    rates = ", ".join(f"{s} {_pct(summary.pass_rates.get(s))}" for s in STEPS)
    print(f"replies {summary.replies}: {rates}")
    if summary.flags:
        print("flags: " + ", ".join(f"{k} x{v}" for k, v in summary.flags.items()))
    if summary.escalation:
        print(f"escalation: {summary.escalation}")
    for note in summary.notes:
        print(f"note: {note}")
    if record.mode == "exam":
        for turn in record.turns:
            if turn.grade is not None:
                print(f"  turn {turn.index + 1}: {_verdict(turn.grade)}")

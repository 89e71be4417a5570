"""Commands for running a cohort on a training programme: assign, plan, programmes."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from trainer.cli._common import add_library_option, load_library, print_json, print_table
from trainer.cli.records import add_db_option, open_store
from trainer.errors import LoadError, Problem, UserError, display_path

if TYPE_CHECKING:
    from trainer.library import Library
    from trainer.programme.loader import Programmes
    from trainer.programme.readiness import Readiness
    from trainer.programme.store import Assignment, KeptMilestone
    from trainer.reports.xapi import Statement
    from trainer.store import Store

ORDER = 45


def today() -> date:
    """The day commands plan for when no `--today` is given (tests pin it)."""
    return date.today()


MAX_NAME = 200
"""Longest trainee name the store keeps."""


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    assign = subparsers.add_parser(
        "assign",
        help="put a trainee (or a cohort) on a training programme from a start date",
        description="Put a trainee on a programme: `assign --trainee Ana --programme new-hire "
        "--start 2026-12-01`. For a cohort, `--cohort FILE` with one trainee per line "
        "(`NAME` or `NAME, START-DATE`; # starts a comment).",
    )
    who = assign.add_mutually_exclusive_group(required=True)
    who.add_argument("--trainee", metavar="NAME", help="the trainee's name as they sign in")
    who.add_argument("--cohort", type=Path, metavar="FILE", help="a file of trainees")
    assign.add_argument(
        "--programme",
        metavar="ID",
        help="programme id (see `deescalate programmes list`; default: the only one)",
    )
    assign.add_argument(
        "--start", metavar="DATE", help="first training day, e.g. 2026-12-01 (default: today)"
    )
    add_db_option(assign)
    add_library_option(assign)
    assign.set_defaults(handler=assign_cmd)

    plan = subparsers.add_parser(
        "plan",
        help="what each trainee should practise today and this week, overdue, refreshers",
    )
    plan.add_argument("--trainee", metavar="NAME", help="one trainee, with module detail")
    plan.add_argument(
        "--today", metavar="DATE", help="plan as of this date instead of today (e.g. to look ahead)"
    )
    plan.add_argument("--json", action="store_true", help="print JSON")
    add_db_option(plan)
    add_library_option(plan)
    plan.set_defaults(handler=plan_cmd)

    progs = subparsers.add_parser("programmes", help="list training programmes and their modules")
    psub = progs.add_subparsers(title="programme commands", metavar="ACTION")
    progs.set_defaults(handler=lambda a: _usage(progs))
    plist = psub.add_parser("list", help="programmes, their modules, drills and schedule")
    plist.add_argument("--json", action="store_true", help="print JSON")
    add_library_option(plist)
    plist.set_defaults(handler=list_cmd)


def _usage(parser: argparse.ArgumentParser) -> int:
    import sys

    parser.print_help(sys.stderr)
    return 2


def parse_day(value: str, option: str) -> date:
    """A calendar date given on the command line, or a one-line error naming the option."""
    from trainer.programme.text import printable

    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise UserError(
            f"{option} {printable(value, 40)!r}: expected a date like 2026-12-01"
        ) from None


def check_name(name: str) -> str:
    """A trainee name as given, or a UserError saying what is wrong with it."""
    from trainer.programme.text import has_control, printable

    name = name.strip()
    if not name:
        raise UserError("the trainee name is empty")
    if has_control(name):
        raise UserError(f"trainee name {printable(name, 40)!r} holds control characters")
    if len(name) > MAX_NAME:
        raise UserError(f"trainee name is {len(name)} characters; the limit is {MAX_NAME}")
    return name


def load_all(args: argparse.Namespace) -> tuple[Library, Programmes]:
    """The library and the programmes; any problem in either stops the command."""
    from trainer.programme.loader import load_programmes

    library = load_library(args)
    programmes = load_programmes(library, getattr(args, "library", []) or [])
    if programmes.problems:
        raise LoadError(programmes.problems)
    return library, programmes


def read_cohort(path: Path, default_start: date) -> list[tuple[str, date]]:
    """Trainees and start dates from a cohort file; problems name the file and line."""
    from trainer.programme.text import has_control

    shown = display_path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise LoadError([Problem(shown, 1, 1, f"not UTF-8 text (byte {exc.start})")]) from exc
    except OSError as exc:
        raise UserError(f"cannot read cohort file {shown}: {exc.strerror}") from exc
    problems: list[Problem] = []
    found: list[tuple[str, date]] = []
    seen: dict[str, int] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        col = len(line) - len(line.lstrip()) + 1
        name, start = line.strip(), default_start
        head, sep, tail = line.rpartition(",")
        if sep:
            try:
                start = date.fromisoformat(tail.strip())
            except ValueError:
                at = len(head) + 2 + (len(tail) - len(tail.lstrip()))
                problems.append(
                    Problem(shown, number, at, f"{tail.strip()!r} is not a date like 2026-12-01")
                )
                continue
            name = head.strip()
        if not name:
            problems.append(Problem(shown, number, col, "no trainee name before the date"))
        elif has_control(name):
            problems.append(Problem(shown, number, col, "the name holds control characters"))
        elif len(name) > MAX_NAME:
            problems.append(Problem(shown, number, col, f"name longer than {MAX_NAME} characters"))
        elif name in seen:
            problems.append(
                Problem(shown, number, col, f"{name!r} is listed twice (also line {seen[name]})")
            )
        else:
            seen[name] = number
            found.append((name, start))
    if problems:
        raise LoadError(problems)
    if not found:
        raise LoadError([Problem(shown, 1, 1, "no trainees in the file (one name per line)")])
    return found


def assign_cmd(args: argparse.Namespace) -> int:
    from trainer.programme.store import ProgrammeStore
    from trainer.programme.text import printable

    start = parse_day(args.start, "--start") if args.start else today()
    if args.cohort is not None:
        people = read_cohort(args.cohort, start)
    else:
        people = [(check_name(args.trainee), start)]
    _, programmes = load_all(args)
    ident = args.programme or programmes.default_id()
    if ident is None:
        known = ", ".join(sorted(programmes.programmes)) or "none"
        raise UserError(f"which programme? give --programme ID (known: {known})")
    programmes.get(ident)
    digest = programmes.programmes[ident].digest
    with open_store(args) as store:
        kept = ProgrammeStore(store)
        for name, first in people:
            kept.assign(name, ident, first, digest)
            print(f"assigned {printable(name)} to {ident} from {first.isoformat()}")
    return 0


def plan_cmd(args: argparse.Namespace) -> int:
    from trainer.programme.render import plan_json, plan_lines
    from trainer.programme.service import assignment_plan, assignments_for

    day = parse_day(args.today, "--today") if args.today else today()
    library, programmes = load_all(args)
    with open_store(args) as store:
        assignments = assignments_for(store, args.trainee)
        usable = known_programmes(assignments, programmes)
        plans = [assignment_plan(store, programmes, a, day, library) for a in usable]
    missing = len(assignments) - len(usable)
    if args.json:
        print_json([plan_json(p) for p in plans])
        return 1 if missing else 0
    if not assignments:
        print("no trainee is on a programme yet; start with: deescalate assign --trainee NAME")
        return 0
    for n, plan in enumerate(plans):
        if n:
            print()
        for line in plan_lines(plan, library, detail=args.trainee is not None):
            print(line)
    return 1 if missing else 0


def known_programmes(assignments: list[Assignment], programmes: Programmes) -> list[Assignment]:
    """The assignments whose programme loads; one line on stderr for each other one, so one
    removed programme file does not hide the rest of the cohort."""
    import sys

    from trainer.programme.text import printable

    usable = []
    known = ", ".join(sorted(programmes.programmes)) or "none"
    for a in assignments:
        if a.programme in programmes.programmes:
            usable.append(a)
        else:
            print(
                f"deescalate: {printable(a.trainee)} is assigned programme "
                f"{printable(a.programme)!r}, which is not in the library (known: {known})",
                file=sys.stderr,
            )
    return usable


def list_cmd(args: argparse.Namespace) -> int:
    library, programmes = load_all(args)
    if args.json:
        print_json(
            [
                {
                    **entry.item.model_dump(mode="json"),
                    "source": display_path(entry.path),
                    "origin": entry.origin,
                }
                for _, entry in sorted(programmes.programmes.items())
            ]
        )
        return 0
    for n, (_, entry) in enumerate(sorted(programmes.programmes.items())):
        p = entry.item
        if n:
            print()
        s = p.schedule
        print(f"{p.id}: {p.title} ({display_path(entry.path)}, {entry.origin})")
        print(
            f"  {s.days_per_month} training days a month for {s.intensive_months} months, "
            f"then a refresher every {s.refresher_every_months} months; "
            f"{s.hours_per_year:g} hours a year"
        )
        rows = []
        for m in p.modules:
            drills = ", ".join(
                f"{d.scenario}/{d.persona}"
                + (
                    f" ({library.scenarios[d.scenario].item.difficulty})"
                    if d.scenario in library.scenarios
                    else ""
                )
                for d in m.drills
            )
            rows.append([m.id, m.title, str(m.days), ", ".join(m.focus), drills])
        print_table(rows, ["module", "title", "days", "focus", "drills (difficulty)"])
    return 0


# Used by other command modules (progress, cohort report, xAPI export) -------------------


def readiness_for(
    store: Store,
    args: argparse.Namespace,
    trainee: str | None,
    on: date | None = None,
    *,
    keep: bool = True,
) -> list[Readiness]:
    """Readiness of every assignment (of `trainee`, or everyone) for `today`.

    A trainee without an assignment gives an empty list; a library or programme problem stops
    the command like any other. Reading commands (progress, the cohort report) pass
    `keep=False`: they may run on a database they cannot write, and `plan`, the practice
    room and the xAPI export keep the milestones.
    """
    from trainer.programme.service import assignment_readiness
    from trainer.programme.store import ProgrammeStore

    assignments = ProgrammeStore(store).assignments(trainee)
    if not assignments:
        return []
    _, programmes = load_all(args)
    day = on or today()
    usable = known_programmes(assignments, programmes)
    return [assignment_readiness(store, programmes, a, day, keep=keep) for a in usable]


def print_readiness(results: list[Readiness]) -> None:
    """The readiness blocks under `progress --trainee`."""
    from trainer.programme.render import readiness_lines

    for result in results:
        print()
        for line in readiness_lines(result):
            print(line)


def _milestone_key(k: KeptMilestone) -> tuple[str, str, str, str, str]:
    m = k.milestone
    return (k.trainee, k.programme, m.module, m.kind, m.at.isoformat())


def module_statements(store: Store, args: argparse.Namespace, base: str) -> list[Statement]:
    """xAPI statements for module milestones (of `--trainee`, since `--since`) for the export."""
    from trainer.cli.records import parse_since
    from trainer.programme.loader import Programmes
    from trainer.programme.store import KeptMilestone, ProgrammeStore
    from trainer.programme.xapi import milestone_statements

    trainee = getattr(args, "trainee", None)
    # The export only reads (it works on a read-only database): milestones the calls show
    # but no writing command has kept yet are added here, with the same ids they get later.
    ready = readiness_for(store, args, trainee, keep=False)
    kept = ProgrammeStore(store).milestones(trainee)
    seen = {(k.trainee, k.programme, k.milestone.module, k.milestone.kind) for k in kept}
    for result in ready:
        for module in result.modules:
            for m in module.milestones:
                key = (result.trainee, result.programme.id, m.module, m.kind)
                if m.kind == "refreshed" or key not in seen:
                    kept.append(KeptMilestone(result.trainee, result.programme.id, m))
                    seen.add(key)
    kept = sorted({_milestone_key(k): k for k in kept}.values(), key=lambda k: k.milestone.at)
    if not kept:
        return []
    programmes = load_all(args)[1] if ready else Programmes()
    return milestone_statements(kept, programmes, base, parse_since(args.since))

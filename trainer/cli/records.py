"""Commands on saved calls: history, progress, report, delete, export."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from trainer.cli._common import print_json, print_table, utf8_arg
from trainer.errors import UserError
from trainer.textsafe import clean, clean_line

if TYPE_CHECKING:
    from trainer.store import Store

ORDER = 40


def add_db_option(parser: argparse.ArgumentParser) -> None:
    """`--db URL`: any SQLAlchemy URL (default: DEESCALATE_DB, else SQLite in the data dir)."""
    parser.add_argument(
        "--db",
        metavar="URL",
        help="database URL, e.g. sqlite:///calls.db or postgresql+psycopg://user@host/db "
        "(default: $DEESCALATE_DB, else deescalate.db in the data folder)",
    )


def open_store(args: argparse.Namespace, *, read_only: bool = False) -> Store:
    """The store named by `--db`, `DEESCALATE_DB`, or the default file.

    Commands that only read pass `read_only`, so they work on a database they may not write.
    """
    from trainer.store import Store

    if getattr(args, "trainee", None):
        args.trainee = utf8_arg(args.trainee, "--trainee")

    return Store.open(getattr(args, "db", None), read_only=read_only)


def parse_since(value: str | None) -> datetime | None:
    """`--since 2026-11-01` (or a full ISO timestamp) as naive UTC."""
    if not value:
        return None
    from trainer.store.engine import parse_time

    parsed = parse_time(value)
    if parsed is None:
        raise UserError(f"--since {value!r}: expected a date like 2026-11-01")
    return parsed


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    history = subparsers.add_parser("history", help="list saved calls with per-step pass rates")
    history.add_argument("--trainee", metavar="NAME", help="only this trainee's calls")
    history.add_argument("--since", metavar="DATE", help="only calls started on or after DATE")
    history.add_argument("--json", action="store_true", help="print JSON")
    add_db_option(history)
    history.set_defaults(handler=history_cmd)

    prog = subparsers.add_parser(
        "progress", help="per-step pass rate over time and the weakest step to drill"
    )
    prog.add_argument("--trainee", metavar="NAME", help="this trainee (default: everyone)")
    prog.add_argument("--since", metavar="DATE", help="only calls started on or after DATE")
    prog.add_argument("--json", action="store_true", help="print JSON")
    add_db_option(prog)
    prog.set_defaults(handler=progress_cmd)

    report = subparsers.add_parser(
        "report",
        help="report on one call (md, html, json) or on a whole cohort (--cohort)",
        description="Report on one call: `report ID --format html -o call.html`. "
        "For trainers: `report --cohort --since 2026-11-01 --format csv`.",
    )
    report.add_argument("id", nargs="?", metavar="ID", help="session id (or a unique prefix)")
    report.add_argument("--cohort", action="store_true", help="one row per trainee instead")
    report.add_argument("--since", metavar="DATE", help="cohort: calls started on or after DATE")
    report.add_argument(
        "--format",
        choices=["md", "html", "json", "csv"],
        default="md",
        help="md (default), html or json for a call; csv, md or html for --cohort",
    )
    report.add_argument("-o", "--output", type=Path, metavar="FILE", help="write to FILE")
    add_db_option(report)
    report.set_defaults(handler=report_cmd)

    delete = subparsers.add_parser(
        "delete", help="delete one saved call, or all of a trainee's data (--trainee NAME --all)"
    )
    delete.add_argument("id", nargs="?", metavar="ID", help="session id (or a unique prefix)")
    delete.add_argument("--trainee", metavar="NAME", help="with --all: remove this trainee")
    delete.add_argument("--all", action="store_true", help="with --trainee: every call of theirs")
    add_db_option(delete)
    delete.set_defaults(handler=delete_cmd)

    export = subparsers.add_parser(
        "export", help="export results (xAPI for a learning record store)"
    )
    export.add_argument("kind", choices=["xapi"], help="what to export")
    export.add_argument("--since", metavar="DATE", help="only calls started on or after DATE")
    export.add_argument("--trainee", metavar="NAME", help="only this trainee's calls")
    export.add_argument("-o", "--output", type=Path, metavar="FILE", help="write the JSON to FILE")
    export.add_argument("--endpoint", metavar="URL", help="LRS endpoint to POST statements to")
    export.add_argument("--user", metavar="U", help="LRS user (basic auth)")
    export.add_argument(
        "--password",
        metavar="P",
        help="LRS password (or set DEESCALATE_XAPI_PASSWORD to keep it out of the process list)",
    )
    export.add_argument(
        "--batch-size", type=int, default=50, metavar="N", help="statements per POST"
    )
    export.add_argument(
        "--base-iri",
        metavar="IRI",
        help="root for activity and account IRIs (default https://deescalate.invalid)",
    )
    add_db_option(export)
    export.set_defaults(handler=export_cmd)


def _write_or_print(text: str, output: Path | None) -> None:
    # Every format (md, csv, html, json) may quote what trainees typed: no terminal controls.
    text = clean(text)
    if output is None:
        sys.stdout.write(text)
        return
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise UserError(f"cannot write {output}: {exc.strerror}") from exc
    print(f"wrote {output}", file=sys.stderr)


def _pct(rate: float | None) -> str:
    return "-" if rate is None else f"{round(rate * 100)}%"


def history_cmd(args: argparse.Namespace) -> int:
    from trainer.models.grade import STEPS

    with open_store(args, read_only=True) as store:
        infos = store.sessions(args.trainee, parse_since(args.since))
    if args.json:
        print_json([i.to_json() for i in infos])
        return 0
    if not infos:
        print("no saved calls yet" + (f" for {args.trainee!r}" if args.trainee else ""))
        return 0
    print_table(
        [
            [
                i.id,
                i.started_at.strftime("%Y-%m-%d %H:%M"),
                i.trainee or "-",
                i.persona,
                i.scenario,
                i.outcome or "in progress",
                str(i.turns),
                *(_pct(i.steps.get(s)) for s in STEPS),
            ]
            for i in infos
        ],
        ["id", "started (UTC)", "trainee", "persona", "scenario", "outcome", "turns", *STEPS],
    )
    return 0


def progress_cmd(args: argparse.Namespace) -> int:
    from trainer.cli.programme import print_readiness, readiness_for
    from trainer.models.grade import STEP_TITLES, STEPS
    from trainer.programme.render import readiness_json
    from trainer.reports.progress import RECENT_SESSIONS, progress

    with open_store(args, read_only=True) as store:
        result = progress(store, args.trainee, since=parse_since(args.since))
        ready = readiness_for(store, args, args.trainee, keep=False) if args.trainee else []
    if args.json:
        print_json(
            {**result.model_dump(mode="json"), "readiness": [readiness_json(r) for r in ready]}
        )
        return 0
    who = clean_line(args.trainee or "everyone")
    if not result.sessions:
        print(f"no saved calls for {who}")
        print_readiness(ready)
        return 0
    print(f"progress for {who}: {result.sessions} call(s), {result.replies} graded replies\n")
    print_table(
        [
            [p.period, str(p.sessions), *(_pct(p.steps.get(s)) for s in STEPS)]
            for p in result.periods
        ],
        ["week", "calls", *STEPS],
    )
    print()
    print_table(
        [
            [STEP_TITLES[s], _pct(result.steps.get(s)), _pct(result.recent.get(s))]  # type: ignore[index]
            for s in STEPS
        ],
        ["step", "all calls", f"last {RECENT_SESSIONS}"],
    )
    if result.weakest:
        print(f"\nweakest step: {result.weakest} ({STEP_TITLES[result.weakest]})")  # type: ignore[index]
    elif any(rate is not None for rate in result.recent.values()):
        print(
            "\nno weakest step: every step held whenever it was due "
            f"in the last {RECENT_SESSIONS} calls"
        )
    print_readiness(ready)
    return 0


def report_cmd(args: argparse.Namespace) -> int:
    if args.cohort:
        if args.id:
            raise UserError("give either a session ID or --cohort, not both")
        fmt = args.format
        if fmt == "json":
            raise UserError("--cohort reports come as csv, md or html")
        from trainer.cli.programme import readiness_for
        from trainer.programme import render as programme
        from trainer.reports.cohort import cohort, cohort_csv, cohort_html, cohort_markdown

        since = parse_since(args.since)
        with open_store(args, read_only=True) as store:
            rows = cohort(store, since)
            ready = readiness_for(store, args, None, keep=False)
        if fmt == "csv":
            text = programme.with_readiness_csv(cohort_csv(rows), ready)
        elif fmt == "html":
            text = programme.with_readiness_html(cohort_html(rows, since), ready)
        else:
            text = cohort_markdown(rows, since) + programme.cohort_readiness_markdown(ready)
        _write_or_print(text, args.output)
        return 0
    if not args.id:
        raise UserError("which call? give a session ID (see `deescalate history`) or --cohort")
    if args.format == "csv":
        raise UserError("a call report comes as md, html or json (csv is for --cohort)")
    from trainer.reports import session_report, to_html, to_json, to_markdown

    with open_store(args, read_only=True) as store:
        record = store.load(args.id)
    data = session_report(record)
    render = {"md": to_markdown, "html": to_html, "json": to_json}[args.format]
    _write_or_print(render(data), args.output)
    return 0


def delete_cmd(args: argparse.Namespace) -> int:
    if args.trainee is not None or args.all:
        if args.id or not (args.trainee and args.all):
            raise UserError(
                "to remove a trainee's data use: deescalate delete --trainee NAME --all"
            )
        with open_store(args) as store:
            count = store.delete_trainee(args.trainee)
        print(f"deleted trainee {args.trainee!r} and {count} call(s)")
        return 0
    if not args.id:
        raise UserError("which call? give a session ID, or --trainee NAME --all")
    with open_store(args) as store:
        removed = store.delete(args.id)
    print(f"deleted call {removed}")
    return 0


def export_cmd(args: argparse.Namespace) -> int:
    from trainer.cli.programme import module_statements
    from trainer.reports.xapi import DEFAULT_BASE, build_statements, post_statements

    with open_store(args, read_only=True) as store:
        infos = store.sessions(args.trainee, parse_since(args.since))
        modules = module_statements(store, args, args.base_iri or DEFAULT_BASE)
    statements = build_statements(infos, args.base_iri or DEFAULT_BASE) + modules
    payload = json.dumps([s.to_json() for s in statements], indent=2, ensure_ascii=False) + "\n"
    if args.endpoint:
        password = args.password or os.environ.get("DEESCALATE_XAPI_PASSWORD", "")
        if not args.user:
            raise UserError("--endpoint needs --user (and --password or DEESCALATE_XAPI_PASSWORD)")
        sent = post_statements(
            statements, args.endpoint, args.user, password, batch_size=args.batch_size
        )
        print(
            f"sent {sent} statement(s) from {len(infos)} call(s) to {args.endpoint}",
            file=sys.stderr,
        )
        if args.output:
            _write_or_print(payload, args.output)
        return 0
    _write_or_print(payload, args.output)
    return 0


# `deescalate play` integration (called from trainer/cli/play.py) ------------------------


def add_play_store_options(parser: argparse.ArgumentParser) -> None:
    """`--db`, `--save` and `--resume ID` for `deescalate play`."""
    add_db_option(parser)
    parser.add_argument(
        "--save",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="save the call turn by turn in the database, so a crash loses no finished turn "
        "(default: on; --no-save for a throwaway call)",
    )
    parser.add_argument(
        "--resume",
        metavar="ID",
        help="carry on an interrupted call from its last finished turn (see `deescalate history`)",
    )


def _saving(args: argparse.Namespace) -> bool:
    return bool(getattr(args, "save", True) or getattr(args, "resume", None))


def _play_store(args: argparse.Namespace) -> Store:
    store: Store | None = getattr(args, "_store", None)
    if store is None:
        store = open_store(args)
        args._store = store
    return store


def play_listeners(args: argparse.Namespace) -> list[Callable[[Any], None]]:
    """The recorder when `play` saves (else nothing); it tells the trainee the call's id."""
    if not _saving(args):
        return []
    store = _play_store(args)
    recorder = store.recorder()
    quiet = bool(getattr(args, "resume", None))

    def listen(event: Any) -> None:
        recorder(event)
        if event.kind == "started" and store.in_memory:
            print("this call is kept in memory only; nothing is saved", file=sys.stderr)
        elif event.kind == "started" and not quiet:
            print(
                f"saving this call as {event.record.id} "
                f"(resume with: deescalate play --resume {event.record.id})",
                file=sys.stderr,
            )

    return [listen]


def resume_session(args: argparse.Namespace) -> Any:
    """A Session rebuilt from a saved, unfinished call (`play --resume ID`)."""
    from trainer.cli._common import load_library
    from trainer.grading import get_grader
    from trainer.session import Session

    store = _play_store(args)
    record = store.load(args.resume)
    if record.outcome is not None:
        raise UserError(f"call {record.id} already ended ({record.outcome}); nothing to resume")
    lib = load_library(args)
    persona = lib.persona(record.persona)
    scenario = lib.scenario(record.scenario)
    for kind, entry, saved in (
        ("persona", lib.personas[persona.id], record.persona_hash),
        ("scenario", lib.scenarios[scenario.id], record.scenario_hash),
    ):
        if saved and entry.digest and saved != entry.digest:
            print(
                f"warning: the {kind} file {entry.path} changed since this call started; "
                "the replay may differ",
                file=sys.stderr,
            )
    session = Session.replay(
        record, persona, scenario, get_grader(), listeners=play_listeners(args)
    )
    print(
        f"resuming call {record.id} after turn {len(record.turns)}",
        file=sys.stderr,
    )
    return session

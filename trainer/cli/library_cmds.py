"""Commands for trainers who author personas and scenarios: list, check, schema, new."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from pydantic import BaseModel

from trainer.cli._common import add_library_option, load_library, print_json, print_table
from trainer.errors import Problem, UserError, display_path
from trainer.library import Library, yaml_files
from trainer.models import TACTICS, Persona, Scenario

ORDER = 10


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    personas = subparsers.add_parser("personas", help="list personas or start a new one")
    psub = personas.add_subparsers(title="persona commands", metavar="ACTION")
    personas.set_defaults(handler=lambda a: _usage(personas))
    plist = psub.add_parser("list", help="list playable personas and where each came from")
    plist.add_argument("--json", action="store_true", help="print JSON")
    plist.add_argument("--all", action="store_true", help="include archetypes")
    add_library_option(plist)
    plist.set_defaults(handler=list_personas)
    pnew = psub.add_parser("new", help="write a commented starter persona file that passes check")
    pnew.add_argument("id", help="the new persona's id, e.g. angry-landlord")
    pnew.add_argument("--extends", metavar="ARCHETYPE", help="inherit from this persona id")
    pnew.add_argument("-o", "--output", type=Path, help="file to write (default ./ID.yaml)")
    pnew.add_argument("--force", action="store_true", help="overwrite an existing file")
    add_library_option(pnew)
    pnew.set_defaults(handler=new_persona)

    scenarios = subparsers.add_parser("scenarios", help="list scenarios")
    ssub = scenarios.add_subparsers(title="scenario commands", metavar="ACTION")
    scenarios.set_defaults(handler=lambda a: _usage(scenarios))
    slist = ssub.add_parser("list", help="list scenarios and where each came from")
    slist.add_argument("--json", action="store_true", help="print JSON")
    add_library_option(slist)
    slist.set_defaults(handler=list_scenarios)

    check = subparsers.add_parser(
        "check", help="validate persona, scenario and programme files; exit 1 on any problem"
    )
    check.add_argument("paths", nargs="*", type=Path, help="files or folders (default: library)")
    check.add_argument("--coverage", action="store_true", help="show which tactics are covered")
    check.add_argument("--examples", action="store_true", help="run each persona's sample replies")
    add_library_option(check)
    check.set_defaults(handler=check_cmd)

    schema = subparsers.add_parser(
        "schema", help="print the JSON Schema for persona, scenario or programme files"
    )
    schema.add_argument("kind", choices=["persona", "scenario", "programme"])
    schema.set_defaults(handler=schema_cmd)


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return 2


def _persona_row(lib: Library, ident: str) -> dict[str, object]:
    entry = lib.personas[ident]
    p = entry.item
    return {
        "id": p.id,
        "title": f"{p.name} ({p.address_as})",
        "difficulty": round(p.temperament.anger),
        "tactics": [t.id for t in p.tactics],
        "extends": p.extends,
        "abstract": p.abstract,
        "source": display_path(entry.path),
        "origin": entry.origin,
    }


def list_personas(args: argparse.Namespace) -> int:
    lib = load_library(args)
    ids = sorted(lib.personas) if args.all else [e.item.id for e in lib.playable_personas()]
    rows = [_persona_row(lib, i) for i in ids]
    if args.json:
        print_json(rows)
        return 0
    print_table(
        [
            [
                str(r["id"]),
                str(r["title"]),
                str(r["difficulty"]),
                ", ".join(r["tactics"]),  # type: ignore[arg-type]
                f"{r['source']} ({r['origin']})",
            ]
            for r in rows
        ],
        ["id", "name", "anger", "tactics", "source"],
    )
    return 0


def list_scenarios(args: argparse.Namespace) -> int:
    lib = load_library(args)
    rows = []
    for ident in sorted(lib.scenarios):
        entry = lib.scenarios[ident]
        s = entry.item
        persona = lib.personas.get(s.default_persona)
        rows.append(
            {
                "id": s.id,
                "title": s.title,
                "category": s.category,
                "difficulty": s.difficulty,
                "default_persona": s.default_persona,
                "tactics": [t.id for t in persona.item.tactics] if persona else [],
                "needs_hold": s.hold.required,
                "source": display_path(entry.path),
                "origin": entry.origin,
            }
        )
    if args.json:
        print_json(rows)
        return 0
    print_table(
        [
            [
                str(r["id"]),
                str(r["title"]),
                str(r["category"]),
                str(r["difficulty"]),
                str(r["default_persona"]),
                f"{r['source']} ({r['origin']})",
            ]
            for r in rows
        ],
        ["id", "title", "category", "difficulty", "persona", "source"],
    )
    return 0


def check_cmd(args: argparse.Namespace) -> int:
    from trainer.programme.loader import load_programmes, programme_files

    if args.paths:
        files = list(yaml_files(args.paths))
        missing = [p for p in args.paths if not p.exists()]
        lib = Library.load(args.library, files=files)
        programmes = load_programmes(lib, args.library, files=programme_files(files))
        problems = [Problem(display_path(p), 1, 1, "no such file or directory") for p in missing]
        wanted = {p.resolve() for p in files}
        found = [*lib.problems, *programmes.problems]
        problems += [p for p in found if Path(p.path).resolve() in wanted]
        # The loader reports a missing path too: say it once.
        problems = list({str(p): p for p in problems}.values())
        checked = len([f for f in files if f.exists()])
    else:
        lib = Library.load(args.library)
        programmes = load_programmes(lib, args.library)
        problems = list({str(p): p for p in [*lib.problems, *programmes.problems]}.values())
        checked = len(lib.personas) + len(lib.scenarios) + programmes.checked
    for problem in problems:
        print(problem)
    print(
        f"checked {checked} file(s): {len(lib.personas)} persona(s), "
        f"{len(lib.scenarios)} scenario(s), {len(programmes.programmes)} programme(s), "
        f"{len(problems)} problem(s)"
    )
    failed = bool(problems)
    if args.coverage:
        _print_coverage(lib)
    if args.examples:
        failed = _check_examples(lib) or failed
    return 1 if failed else 0


def _check_examples(lib: Library) -> bool:
    """Run persona sample replies and scenario offer phrasings; True when any failed."""
    from trainer.grading import get_grader
    from trainer.simulation.examples import run_examples, run_offer_examples

    grader = get_grader()
    failures = run_examples(lib, grader)
    for line in failures:
        print(line)
    total = sum(len(e.item.examples) for e in lib.personas.values() if not e.item.abstract)
    print(f"examples: {total - len(failures)} of {total} behave as expected")
    offers = run_offer_examples(lib, grader)
    for line in offers.failures:
        print(line)
    print(
        f"offer phrasings: {offers.checked - len(offers.failures)} of {offers.checked} "
        "heard as intended"
    )
    if offers.unchecked:
        print(
            f"not checked: {len(offers.unchecked)} phrasing(s) only the sentence model can "
            "judge, and the grader runs on rules alone"
        )
        for line in offers.unchecked:
            print(f"  {line}")
    return bool(failures) or bool(offers.failures)


def _print_coverage(lib: Library) -> None:
    by_tactic: dict[str, list[str]] = {t: [] for t in TACTICS}
    for entry in lib.playable_personas():
        for tactic in entry.item.tactics:
            by_tactic[tactic.id].append(entry.item.id)
    print("\ntactic coverage:")
    for tactic_id, personas in by_tactic.items():
        print(f"  {tactic_id:26} {', '.join(personas) if personas else '-- none --'}")
    uncovered = [t for t, p in by_tactic.items() if not p]
    print(f"covered {len(TACTICS) - len(uncovered)} of {len(TACTICS)} tactics")
    if uncovered:
        print("not covered by any persona: " + ", ".join(uncovered))


def schema_cmd(args: argparse.Namespace) -> int:
    from trainer.models.programme import Programme

    models: dict[str, type[BaseModel]] = {
        "persona": Persona,
        "scenario": Scenario,
        "programme": Programme,
    }
    model = models[args.kind]
    print(json.dumps(schema_for(model), indent=2))
    return 0


def schema_for(model: type[BaseModel]) -> dict[str, object]:
    """The JSON Schema kept in `schemas/`; editors use it to complete persona files."""
    schema = model.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"deescalate {model.__name__.lower()}"
    return schema


STARTER_FULL = """\
# yaml-language-server: $schema=../schemas/persona.schema.json
# A persona for deescalate. Check it with:  deescalate check {file}
# Every key is documented in `deescalate schema persona`.
id: {id}
name: Alex Example            # display name
address_as: Mx Example        # how they want to be addressed; fills {{customer}}
bio: >-
  Who they are and why this problem matters to them, in two or three sentences.
temperament:
  anger: 7        # starting anger, 0 (calm) to 10 (furious)
  patience: 5     # 1 (hangs up fast) to 10 (a saint)
  volatility: 1.0 # how sharply bad replies raise anger (2 = short fuse)
  cooling: 1.0    # how fast good replies calm them (0.5 = slow to forgive)
needs:            # relative weights: what they need most from the call
  vent: 2
  apology: 2
  compensation: 1
triggers:         # what inflames them: a grader flag or a phrase
  - flag: calm_down
    anger: 2
    say: ["Don't tell me to calm down."]
  - phrase: "our policy"
    anger: 1
tactics:          # ids from CALL-CRAFT.md; `at` is the anger level where it appears
  - id: take_business_elsewhere
    at: 7
    lines:
      - "I'm done. Cancel everything, I'm going to a competitor."
      - "Give me one reason not to take my business elsewhere."
  - id: manager_demand
    at: 8
    lines:
      - "Put your manager on. Now."
      - "I want to speak to someone with actual authority."
  - id: not_listening
    at: 6
    lines:
      - "You're not listening to a word I say."
      - "Did you hear me at all?"
lines:            # several variants per move; slots: {{agent}} {{company}} {{issue}} {{customer}} {{want}}
  vent: ["I can't believe {{company}} has done this to me again.", "This is the third time with {{issue}}."]
  restate: ["Once more: {{issue}}.", "Let me say it slowly: {{issue}}."]
  demand: ["Fix it. Today.", "I want {{want}}, and I want it now."]
  test: ["And how do I know you'll actually do it?", "You'll say anything to get me off the phone."]
  soften: ["Alright. Thank you for saying that.", "Okay. That's the first sensible thing I've heard."]
  state_want: ["What I want is {{want}}.", "Honestly? {{want}}. That's all."]
  accept: ["Okay, do that. Thank you.", "Fine, that works. Thanks, {{agent}}."]
  reject: ["That's not good enough.", "No. That doesn't fix anything."]
  hang_up: ["Forget it. I'm hanging up.", "I've had enough of this. Goodbye."]
  leave: ["I'm taking my business elsewhere.", "Close my account. We're done."]
  hold_ok: ["Fine, but be quick.", "Go on then."]
  hold_return: ["Well?", "Finally. What did you find?"]
examples:         # run with `deescalate check --examples`
  - reply: "I'm so sorry, that sounds exhausting. What would put this right for you?"
    expect: calmer
  - reply: "Calm down. That's our policy."
    expect: angrier
"""

STARTER_EXTENDS = """\
# yaml-language-server: $schema=../schemas/persona.schema.json
# A persona that inherits everything from `{parent}` and overrides a few fields.
# Check it with:  deescalate check {file}
id: {id}
extends: {parent}
name: Alex Example            # display name
address_as: Mx Example        # how they want to be addressed; fills {{customer}}
bio: >-
  Who they are and why this problem matters to them, in two or three sentences.
temperament:                  # nested keys merge: only what you list here changes
  anger: 7
# Lists replace the inherited list as a whole, e.g.:
# tactics:
#   - id: threat_to_sue
#     at: 8
#     lines: ["My solicitor will hear about this.", "See you in court."]
examples:
  - reply: "I'm so sorry, that sounds exhausting. What would put this right for you?"
    expect: calmer
"""


def new_persona(args: argparse.Namespace) -> int:
    lib = load_library(args, strict=False)
    ident = args.id
    if not ident.replace("-", "").replace("_", "").isalnum() or ident != ident.lower():
        raise UserError(f"persona id {ident!r}: use lower-case letters, digits, - and _")
    out: Path = args.output or Path(f"{ident}.yaml")
    if out.exists() and not args.force:
        raise UserError(f"{display_path(out)} exists; pass --force to overwrite")
    if args.extends:
        if args.extends not in lib.personas:
            known = ", ".join(sorted(lib.personas))
            raise UserError(f"unknown persona {args.extends!r} to extend; known: {known}")
        text = STARTER_EXTENDS.format(id=ident, parent=args.extends, file=out)
    else:
        text = STARTER_FULL.format(id=ident, file=out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    print(f"wrote {display_path(out)}; check it with: deescalate check {display_path(out)}")
    return 0

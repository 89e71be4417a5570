"""Scripted trainees in plain wording against every compatible persona x scenario pair.

Run: `.venv/bin/python benchmarks/simulation_outcomes.py [--seeds N] [--lexical]`. Prints:
- outcomes per script (listening, empathic-never-offers, offers-without-empathy, hostile):
  counts, mean final anger, calls that end with anger rising, resolution rate;
- replies to resolve per script and persona difficulty (median, min, max);
- customer lines repeated within a call;
- the pairs where the listening trainee did not resolve, with the moves.

The trainees never use a scenario's remedy keywords (see `trainer.simulation.scripted`), so
the figures measure whether the customer understands plain words.
"""

from __future__ import annotations

import argparse
import os
import time

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

from trainer.grading import get_grader
from trainer.library import Library
from trainer.simulation.scripted import (
    compatible_pairs,
    outcome_table,
    repetition_table,
    sweep,
    turns_table,
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seeds", type=int, default=5, help="seeds per pair and script")
    parser.add_argument("--lexical", action="store_true", help="rules-only grader and customer")
    args = parser.parse_args()
    lib = Library.load(use_env=False)
    grader = get_grader(lexical_only=args.lexical or None)
    started = time.perf_counter()
    results = sweep(lib, grader, seeds=tuple(range(1, args.seeds + 1)))
    took = time.perf_counter() - started
    pairs = len(compatible_pairs(lib))
    mode = "rules only" if args.lexical else "sentence model"
    print(f"{pairs} compatible pairs x {args.seeds} seed(s), {len(results)} calls in {took:.1f}s")
    print(f"grader and customer: {mode}\n")
    print("Outcomes\n")
    print(outcome_table(results))
    print("\nReplies to resolve, by persona difficulty\n")
    print(turns_table(results))
    print("\nCustomer lines repeated within a call\n")
    print(repetition_table(results))
    missed = [r for r in results if r.script == "listening" and r.outcome != "resolved"]
    if missed:
        print("\nlistening calls not resolved:")
        for r in missed:
            print(
                f"  {r.persona} x {r.scenario} seed {r.seed}: {r.outcome} ({r.anger:.1f}) {r.moves}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

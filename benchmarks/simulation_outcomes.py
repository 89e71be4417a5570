"""Outcome table: scripted trainees against every bundled persona x scenario pair.

Run: `.venv/bin/python benchmarks/simulation_outcomes.py [--seeds N]`. Prints one row per
script (skilled, mediocre-sorry, mediocre-ask, hostile) with the outcome counts, mean final
anger and resolution rate, then the pairs where the skilled script did not resolve.
"""

from __future__ import annotations

import argparse
import os
import time

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

from trainer.grading import get_grader
from trainer.library import Library
from trainer.simulation.scripted import outcome_table, sweep


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seeds", type=int, default=1, help="seeds per pair and script")
    args = parser.parse_args()
    lib = Library.load(use_env=False)
    grader = get_grader()
    started = time.perf_counter()
    results = sweep(lib, grader, seeds=tuple(range(1, args.seeds + 1)))
    took = time.perf_counter() - started
    pairs = len(lib.playable_personas()) * len(lib.scenarios)
    print(f"{pairs} persona x scenario pairs, {len(results)} calls in {took:.1f}s\n")
    print(outcome_table(results))
    missed = [r for r in results if r.script == "skilled" and r.outcome != "resolved"]
    if missed:
        print("\nskilled calls not resolved:")
        for r in missed:
            print(f"  {r.persona} x {r.scenario}: {r.outcome} (anger {r.anger:.1f}) {r.moves}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

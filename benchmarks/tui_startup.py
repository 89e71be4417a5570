"""Time to first paint and to "grader ready" for the practice room, in fresh processes.

Each run starts a new Python process (so imports are cold, as for a trainee launching
`deescalate`), runs the app headless with `run_test`, and reports seconds since the process
started: when the first screen had been rendered, and when the real grader finished loading
in its background thread. Run: `.venv/bin/python benchmarks/tui_startup.py [--runs N]`.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

CHILD = r"""
import asyncio, json, sys, time
start = float(sys.argv[1])
from trainer.tui.app import DeescalateApp

async def main():
    app = DeescalateApp()
    async with app.run_test(size=(100, 30)) as pilot:
        while app.first_paint is None:
            await pilot.pause(0.005)
        painted = time.time() - (time.monotonic() - app.first_paint) - start
        while app.grader_state == "loading":
            await pilot.pause(0.01)
        ready = time.time() - (time.monotonic() - (app.grader_ready_at or time.monotonic())) - start
        print(json.dumps({
            "first_paint": painted,
            "grader_ready": ready if app.grader_state == "ready" else None,
            "grader_load": app.grader_seconds,
            "state": app.grader_state,
            "heavy_before_paint": app.heavy_at_paint,
        }))

asyncio.run(main())
"""


def one_run() -> dict[str, object]:
    env = dict(os.environ, HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1")
    with tempfile.TemporaryDirectory() as home:
        env["DEESCALATE_HOME"] = home
        start = time.time()
        out = subprocess.run(
            [sys.executable, "-c", CHILD, repr(start)],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
    line = out.stdout.strip().splitlines()[-1]
    result: dict[str, object] = json.loads(line)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    runs = [one_run() for _ in range(args.runs)]
    for i, run in enumerate(runs, 1):
        ready = run["grader_ready"]
        ready_s = f"{ready:.2f} s" if isinstance(ready, float) else f"never ({run['state']})"
        print(
            f"run {i}: first paint {run['first_paint']:.2f} s, grader ready {ready_s} "
            f"(load {run['grader_load'] or 0:.2f} s in the background); "
            f"torch imported before first paint: {run['heavy_before_paint']}"
        )
    paints = [float(r["first_paint"]) for r in runs]  # type: ignore[arg-type]
    readies = [float(r["grader_ready"]) for r in runs if isinstance(r["grader_ready"], float)]
    print(f"time to first paint (median of {len(paints)}): {statistics.median(paints):.2f} s")
    if readies:
        print(
            f"time to grader ready (median of {len(readies)}): {statistics.median(readies):.2f} s"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Grader speed: cold start, single-reply latency, batch throughput, peak memory.

Cold start (import + load of the model and heads) is measured in a fresh subprocess. The rest
runs in this process after a warm-up. Prints figures only; no thresholds.
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

COLD = (
    "import time, json, resource\n"
    "t0 = time.perf_counter()\n"
    "from trainer.grading import get_grader\n"
    "g = get_grader()\n"
    "t1 = time.perf_counter()\n"
    "g.grade('I am so sorry. What can I do?')\n"
    "t2 = time.perf_counter()\n"
    "print(json.dumps({'load': t1 - t0, 'first': t2 - t1, 'lexical_only': g.lexical_only,\n"
    "    'rss_mb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))\n"
)


def replies() -> list[str]:
    path = ROOT / "data" / "replies.jsonl"
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line)["reply"] for line in fh if line.strip()]


def main() -> int:
    print("load average (1/5/15 min) at start: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    cold = subprocess.run(
        [sys.executable, "-c", COLD], capture_output=True, text=True, check=True, cwd=ROOT
    )
    c = json.loads(cold.stdout.strip().splitlines()[-1])
    print(
        f"cold start (import + load, subprocess): {c['load']:.2f} s; first grade {c['first'] * 1000:.0f} ms"
    )
    print(f"cold process peak RSS: {c['rss_mb']:.0f} MB; lexical_only={c['lexical_only']}")

    from trainer.grading import get_grader
    from trainer.models.grade import GradeContext

    grader = get_grader()
    texts = replies()
    # A customer line with costs in it, as in a real call: the grader reads it for person.
    ctx = GradeContext(
        customer_name="Ms Ortiz",
        customer="You've charged me twice for March, that's £84 gone and my rent is due on "
        "Friday. I've waited forty minutes on hold with my kids screaming.",
    )
    for text in texts[-20:]:
        grader.grade(text, ctx)
    if grader.embedder is not None:
        # Measure the model, not the embedding cache (the texts below were not seen yet).
        grader.embedder.clear_cache()
    singles = []
    for text in texts[:300]:
        t0 = time.perf_counter()
        grader.grade(text, ctx)
        singles.append((time.perf_counter() - t0) * 1000)
    singles.sort()
    p50 = statistics.median(singles)
    p95 = singles[int(0.95 * (len(singles) - 1))]
    print(
        f"single reply after warm-up ({len(singles)} replies): p50 {p50:.1f} ms, p95 {p95:.1f} ms"
    )

    batch = texts[:1024]
    if grader.embedder is not None:
        grader.embedder.clear_cache()
    t0 = time.perf_counter()
    c0 = time.process_time()
    for start in range(0, len(batch), 64):
        grader.grade_many(batch[start : start + 64], [ctx] * len(batch[start : start + 64]))
    elapsed = time.perf_counter() - t0
    print(
        f"batch throughput ({len(batch)} replies, batches of 64): {len(batch) / elapsed:.0f} replies/s"
    )
    cpu = time.process_time() - c0
    # CPU seconds are far less sensitive to other processes than wall-clock figures.
    print(f"batch CPU time: {cpu * 1000 / len(batch):.1f} ms per reply (all threads)")

    import torch

    if grader.embedder is not None:
        workers = grader.embedder._pool()
        print(
            f"torch intra-op threads: {torch.get_num_threads()} (caller, single replies), "
            f"{workers.submit(torch.get_num_threads).result()} in each of "
            f"{workers._max_workers} batch workers; cores: {os.cpu_count()}"
        )
    lexical = get_grader(lexical_only=True)
    t0 = time.perf_counter()
    lexical.grade_many(batch, [ctx] * len(batch))
    print(f"lexical-only throughput: {len(batch) / (time.perf_counter() - t0):.0f} replies/s")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS (this process): {rss:.0f} MB")
    print("load average (1/5/15 min) at end: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Grader accuracy per step: precision, recall, F1 and confusion matrix.

Runs on the test split of data/replies.jsonl, its hand-written subset (`source ==
"handwritten"`), and, when present, on data/adversarial.jsonl (replies written by people who
never saw the corpus) and data/heldout2.jsonl (a second fresh held-out set, every row of it,
as a separate table), for the full grader (embedding heads + rules) and for the lexical rules
alone. Prints figures only; no pass/fail thresholds.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from trainer.grading import Grader  # noqa: E402
from trainer.grading.train import context_for, load_lines, load_rows  # noqa: E402
from trainer.models.grade import STEPS, GradeContext  # noqa: E402

DATA = ROOT / "data"


def load_all(path: Path) -> list[dict[str, Any]]:
    """Every row of a JSONL file (heldout2 is scored whole, whatever its split field says)."""
    with path.open(encoding="utf-8") as fh:
        return [json.loads(raw) for raw in fh if raw.strip()]


def row_context(row: dict[str, Any], lines: dict[str, Any]) -> GradeContext:
    """The row's own customer line and name when it carries them, else its corpus line's."""
    base = context_for(row, lines)
    return GradeContext(
        customer=row.get("customer") or base.customer,
        customer_name=row.get("customer_name") or base.customer_name,
    )


def evaluate(
    grader: Grader, rows: list[dict[str, Any]], lines: dict[str, Any], own_context: bool = False
) -> dict[str, dict[str, int]]:
    """Confusion counts per step: tp, fp, fn, tn (positive = step passed)."""
    grades = []
    for start in range(0, len(rows), 64):
        chunk = rows[start : start + 64]
        grades += grader.grade_many(
            [r["reply"] for r in chunk],
            [row_context(r, lines) if own_context else context_for(r, lines) for r in chunk],
        )
    counts = {s: {"tp": 0, "fp": 0, "fn": 0, "tn": 0} for s in STEPS}
    for row, grade in zip(rows, grades, strict=True):
        for step in STEPS:
            truth, pred = bool(row["labels"][step]), grade.step(step).passed
            key = ("t" if truth == pred else "f") + ("p" if pred else "n")
            counts[step][key] += 1
    return counts


def report(title: str, counts: dict[str, dict[str, int]], n: int) -> None:
    print(f"\n{title} ({n} replies)")
    print(f"{'step':8s} {'precision':>9s} {'recall':>7s} {'F1':>6s}   confusion [[tn fp] [fn tp]]")
    for step in STEPS:
        c = counts[step]
        p = c["tp"] / max(1, c["tp"] + c["fp"])
        r = c["tp"] / max(1, c["tp"] + c["fn"])
        f1 = 2 * p * r / max(1e-9, p + r)
        print(
            f"{step:8s} {p:9.3f} {r:7.3f} {f1:6.3f}   [[{c['tn']:4d} {c['fp']:4d}] [{c['fn']:4d} {c['tp']:4d}]]"
        )


def main() -> int:
    lines = load_lines(DATA / "customer_lines.jsonl")
    test = load_rows(DATA / "replies.jsonl", ("test",))
    sets: list[tuple[str, list[dict[str, Any]], bool]] = [
        ("test split", test, False),
        (
            "test split, hand-written only",
            [r for r in test if r.get("source") == "handwritten"],
            False,
        ),
    ]
    adversarial = DATA / "adversarial.jsonl"
    if adversarial.exists():
        sets.append(("adversarial set", load_rows(adversarial, ("adversarial",)), False))
    else:
        print("data/adversarial.jsonl not present; skipping the adversarial set")
    heldout2 = DATA / "heldout2.jsonl"
    if heldout2.exists():
        sets.append(("heldout2 (scored once)", load_all(heldout2), True))
    else:
        print("data/heldout2.jsonl not present; skipping heldout2")
    full = Grader.load()
    variants = [("lexical rules only", Grader.load(lexical_only=True))]
    if full.lexical_only:
        print(f"trained grader unavailable ({full.why_lexical}); lexical figures only")
    else:
        variants.insert(0, ("full grader (MiniLM heads + rules)", full))
    for set_name, rows, own in sets:
        for variant, grader in variants:
            t0 = time.perf_counter()
            counts = evaluate(grader, rows, lines, own)
            report(f"{set_name}: {variant} [{time.perf_counter() - t0:.1f}s]", counts, len(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())

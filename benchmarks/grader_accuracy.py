"""Grader accuracy per step: precision, recall, F1 and confusion matrix.

Sets (see docs/grader.md for what each was used for):

- fit (for reference only, not a measure of generalisation): every row the heads were fitted on
  and the rules were analysed on: the train/test splits of data/replies.jsonl, 80% of the
  adversarial customer lines, data/heldout2.jsonl to data/heldout5.jsonl (each held out in an
  earlier round; fit data from round 4, heldout4 from round 5, heldout5 from round 6);
- validation: the `dev` split of data/replies.jsonl and the 20% of adversarial customer lines
  that `trainer.grading.train` keeps out (same seed); used to choose L2, Platt and the stacker,
  so these figures are *not* held-out measures;
- data/heldout6.jsonl and data/heldout7.jsonl (when present; also pooled): the held-out set, every row, each with its own customer
  line and name. Nothing is tuned on it; run this once per design change.

Each set is scored with the full grader (embedding heads + rules, stacked) and with
the lexical rules alone. Prints figures only; no pass/fail thresholds.
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
from trainer.grading.train import data_sets, load_lines, row_context  # noqa: E402
from trainer.models.grade import STEPS  # noqa: E402

DATA = ROOT / "data"
HELD_OUT = ("heldout6", "heldout7")
"""Clean held-out sets (round 6). heldout2-5 were scored in earlier rounds and are fit data."""


def load_all(path: Path) -> list[dict[str, Any]]:
    """Every row of a JSONL file (a held-out set is scored whole, whatever its split field says)."""
    with path.open(encoding="utf-8") as fh:
        return [json.loads(raw) for raw in fh if raw.strip()]


def evaluate(
    grader: Grader, rows: list[dict[str, Any]], lines: dict[str, Any]
) -> dict[str, dict[str, int]]:
    """Confusion counts per step: tp, fp, fn, tn (positive = step passed)."""
    grades = []
    for start in range(0, len(rows), 64):
        chunk = rows[start : start + 64]
        grades += grader.grade_many(
            [r["reply"] for r in chunk],
            [row_context(r, lines) for r in chunk],
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
    split = data_sets(DATA, seed=1234)  # the seed `make heads` uses
    fit = split["corpus_fit"] + split["adversarial_fit"] + split["heldout_fit"]
    sets: list[tuple[str, list[dict[str, Any]]]] = [
        ("fit: train+test, adversarial 80%, heldout2-5 (reference only)", fit),
        ("validation: dev split (rules were tuned here)", split["dev"]),
        ("validation: adversarial 20% of lines", split["adversarial_validation"]),
    ]
    pooled: list[dict[str, Any]] = []
    for name in HELD_OUT:
        path = DATA / f"{name}.jsonl"
        if path.exists():
            rows = load_all(path)
            pooled += rows
            sets.append((f"{name} (held out)", rows))
        else:
            print(f"data/{name}.jsonl not present; skipping {name}")
    if len(pooled) > len(sets[-1][1]):
        sets.append((f"{' + '.join(HELD_OUT)} pooled (held out)", pooled))
    full = Grader.load()
    variants = [("lexical rules only", Grader.load(lexical_only=True))]
    if full.lexical_only:
        print(f"trained grader unavailable ({full.why_lexical}); lexical figures only")
    else:
        variants.insert(0, ("full grader (MiniLM heads + rules, stacked)", full))
    for set_name, rows in sets:
        for variant, grader in variants:
            t0 = time.perf_counter()
            counts = evaluate(grader, rows, lines)
            report(f"{set_name}: {variant} [{time.perf_counter() - t0:.1f}s]", counts, len(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())

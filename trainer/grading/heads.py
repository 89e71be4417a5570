"""Small trained heads: one logistic regression per step over the sentence embedding alone.

The heads never see the lexical rules' verdicts, so they keep an opinion of their own; the
grader combines the two by a fixed rule (`combine`, documented in docs/grader.md).
Weights live in `trainer/grading/weights/heads.npz` with metadata in `heads.json` beside it; both are
rebuilt by `python -m trainer.grading.train --seed 1234` (`make heads`). Scores are calibrated
on the dev split with Platt scaling.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from trainer.models.grade import STEPS

ROOT = Path(__file__).resolve().parent.parent.parent
HEADS_DIR = Path(__file__).resolve().parent / "weights"
WEIGHTS = "heads.npz"
META = "heads.json"
INPUTS = "embedding"
"""What the heads read: the embedding only (heads.json records it; others are refused)."""


class HeadsUnavailable(RuntimeError):
    """No usable trained heads on disk."""


@dataclass
class Heads:
    """Per-step logistic regressions over the embedding, with Platt calibration."""

    weights: np.ndarray  # (4, D)
    bias: np.ndarray  # (4,)
    mean: np.ndarray  # (D,)
    scale: np.ndarray  # (D,)
    platt_a: np.ndarray  # (4,)
    platt_b: np.ndarray  # (4,)

    def logits(self, x: np.ndarray) -> np.ndarray:
        """Raw logits, shape (n, 4)."""
        z = (x - self.mean) / self.scale
        out: np.ndarray = z @ self.weights.T + self.bias
        return out

    def predict(self, x: np.ndarray) -> np.ndarray:
        """Calibrated pass probabilities, shape (n, 4), steps in STEPS order."""
        z = self.logits(x) * self.platt_a + self.platt_b
        out: np.ndarray = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
        return out

    def save(self, folder: Path, meta: dict[str, object]) -> None:
        """Write the weights and the metadata file."""
        folder.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(
            folder / WEIGHTS,
            weights=self.weights.astype(np.float32),
            bias=self.bias.astype(np.float32),
            mean=self.mean.astype(np.float32),
            scale=self.scale.astype(np.float32),
            platt_a=self.platt_a.astype(np.float32),
            platt_b=self.platt_b.astype(np.float32),
        )
        full = {"steps": list(STEPS), "inputs": INPUTS, **meta}
        (folder / META).write_text(
            json.dumps(full, indent=2, sort_keys=True) + "\n", encoding="utf-8"
        )

    @classmethod
    def load(cls, folder: Path = HEADS_DIR) -> Heads:
        """Read heads from disk; raises HeadsUnavailable when missing or stale."""
        try:
            meta = json.loads((folder / META).read_text(encoding="utf-8"))
            data = np.load(folder / WEIGHTS)
        except (OSError, ValueError) as exc:
            raise HeadsUnavailable(f"no trained heads in {folder}: {exc}") from exc
        from trainer.grading.embed import INT8

        if bool(meta.get("embedding", {}).get("int8", False)) != INT8:
            raise HeadsUnavailable(
                f"heads in {folder} were trained on other embeddings (int8={not INT8}); run `make heads`"
            )
        if meta.get("inputs") != INPUTS:
            raise HeadsUnavailable(
                f"heads in {folder} read other inputs than the embedding alone; run `make heads`"
            )
        return cls(
            weights=data["weights"],
            bias=data["bias"],
            mean=data["mean"],
            scale=data["scale"],
            platt_a=data["platt_a"],
            platt_b=data["platt_b"],
        )


RULE_PASS = 0.85
"""Fixed probability given to a rule verdict: 0.85 when the rules pass a step, 0.15 when not."""
PASS_AT = 0.5
"""The combined probability passes a step at or above this (fixed, not tuned)."""


def combine(rules: np.ndarray, head: np.ndarray) -> np.ndarray:
    """The fixed combination (docs/grader.md): mean of the rule and head probabilities.

    `rules` holds the rule verdicts (1 pass, 0 fail) and `head` the calibrated head
    probabilities, same shape. Vetoes and the apology => job rule are applied by the grader.
    """
    r = np.where(rules > 0, RULE_PASS, 1.0 - RULE_PASS)
    out: np.ndarray = (r + head) / 2.0
    return out


def fit_logistic(
    x: np.ndarray, y: np.ndarray, l2: float, iters: int = 30
) -> tuple[np.ndarray, float]:
    """L2-regularised logistic regression by Newton's method (deterministic)."""
    n, d = x.shape
    xb = np.hstack([x, np.ones((n, 1))])
    w = np.zeros(d + 1)
    reg = np.full(d + 1, l2)
    reg[-1] = 1e-6  # leave the bias (almost) free
    for _ in range(iters):
        p = 1.0 / (1.0 + np.exp(-np.clip(xb @ w, -30, 30)))
        grad = xb.T @ (p - y) + reg * w
        hess = (xb * (p * (1 - p))[:, None]).T @ xb + np.diag(reg)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.max(np.abs(step)) < 1e-5:
            break
    return w[:-1], float(w[-1])


def fit_platt(logit: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """Platt scaling: fit sigmoid(a * logit + b) to labels (with Platt's target smoothing)."""
    pos, neg = float(y.sum()), float(len(y) - y.sum())
    target = np.where(y > 0, (pos + 1) / (pos + 2), 1 / (neg + 2))
    a, b = fit_logistic(logit[:, None], target, l2=1e-3, iters=50)
    return float(a[0]), b

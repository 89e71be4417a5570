"""Small trained heads: one logistic regression per step over the sentence embedding alone.

The heads never see the lexical rules' verdicts, so they keep an opinion of their own. Where the
rules named nothing decisive, the grader combines the two with a small stacked logistic
regression per step over [rule verdict, head logit] (`combine`); `decide` says when the rules'
named findings are final (docs/grader.md, "How head and rules combine").
Weights live in `trainer/grading/weights/heads.npz` with metadata in `heads.json` beside it; both are
rebuilt by `python -m trainer.grading.train --seed 1234` (`make heads`). Head scores are
Platt-calibrated on the validation set (dev split + 20% of the adversarial lines).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from trainer.models.grade import STEPS

ROOT = Path(__file__).resolve().parent.parent.parent
HEADS_DIR = Path(__file__).resolve().parent / "weights"
WEIGHTS = "heads.npz"
META = "heads.json"
INPUTS = "embedding"
"""What the heads read: the embedding only (heads.json records it; others are refused)."""
COMBINATION = "named-v2"
"""How head and rules combine (`decide`; heads.json records it, other combinations are refused)."""


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
    stack_w: np.ndarray = field(default_factory=lambda: np.tile([1.0, 1.0], (4, 1)))
    """(4, 2) stacker weights on [rule verdict (1 pass / 0 fail), calibrated head logit]."""
    stack_b: np.ndarray = field(default_factory=lambda: np.full(4, -0.5))
    """(4,) stacker bias."""

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

    def combine(self, rules: np.ndarray, head: np.ndarray) -> np.ndarray:
        """Stacked pass probability (n, 4) from rule verdicts (n, 4) and head probabilities."""
        return combine(rules, head, self.stack_w, self.stack_b)

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
            stack_w=self.stack_w.astype(np.float32),
            stack_b=self.stack_b.astype(np.float32),
        )
        full = {"steps": list(STEPS), "inputs": INPUTS, "combination_id": COMBINATION, **meta}
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
        if meta.get("combination_id") != COMBINATION or "stack_w" not in data:
            raise HeadsUnavailable(
                f"heads in {folder} were built for another combination than {COMBINATION}; run `make heads`"
            )
        return cls(
            weights=data["weights"],
            bias=data["bias"],
            mean=data["mean"],
            scale=data["scale"],
            platt_a=data["platt_a"],
            platt_b=data["platt_b"],
            stack_w=data["stack_w"],
            stack_b=data["stack_b"],
        )


PASS_AT = 0.5
"""The combined probability passes a step at or above this (fixed, not tuned)."""
JOB_PASS_AT = 0.35
"""With the fine-tuned judge, `job` passes (no failure named) at this judge probability. The
labelling guide keeps job on a neutral reply, and the judge, trained mostly on replies that do
something, scores plain procedural ones ("You drop it off and we look at it.") at 0.3-0.5.
Leaving one rated set out at a time (sets 3-6), 0.35 beat 0.5 on every fold (job kappa
+0.01 to +0.03); 0.3 passed more replies the raters failed."""


def recentre(p: np.ndarray, at: float) -> np.ndarray:
    """Map probabilities piecewise-linearly so that `at` lands on `PASS_AT` (0 and 1 stay put):
    a step with its own bar still passes at a score of 0.5, as every reader of scores expects."""
    low = p * PASS_AT / at
    high = PASS_AT + (p - at) * (1 - PASS_AT) / (1 - at)
    out: np.ndarray = np.where(p < at, low, high)
    return out


OVERRULE_AT = 0.9
"""The judge's own probability at or above which it takes back a committed failure of a kind
it may overrule (`Kind.judge_may_overrule`). Chosen leaving one rated set out at a time (sets
3, 4 and 5, each judged by a judge that never saw it): 0.9 raised job kappa 0.03-0.05 and ask
0.02 on every fold; 0.8 passed more replies the raters failed (docs/grader.md)."""


def decide(
    step: str,
    prob: float,
    rule_passed: bool,
    committed: bool,
    supported: bool,
    judged: bool = False,
    overruled: bool = False,
) -> bool:
    """One step's verdict under `named-v2` (docs/grader.md, "How head and rules combine").

    0. `overruled`: the fine-tuned judge is confident (`OVERRULE_AT`) the reply keeps the step
       and every committed failure named is of a kind it may take back: the step passes. (For
       job the grader instead reads the reply again without those findings,
       `grader.job_kinds_taken_back`, so nothing built on them stays in other steps.)
    1. Otherwise a committed failure the rules named on a span (sorry-but, a policy wall, a
       rhetorical question...) is final: the step fails, whatever the model says.
    2. `job` fails when the rules name a failure. Otherwise, with the fine-tuned judge
       (`judged`), the judge's probability decides (recentred: `JOB_PASS_AT` scores 0.5);
       without it `job` passes (labelling guide: the embedding head failed a quarter of plain
       procedural replies, so it may not).
    3. Support the rules named (an acknowledgement, a plain apology, a question about what
       they want) with no failure is final when `supported` says so (`grader.support_is_final`:
       always without the judge; with it, only person on a one-sentence reply).
    4. Otherwise the probability decides: the stacked rule + head combination, averaged with
       the judge's when there is one.
    The grader then applies the ask veto (no question at all) and apology implies job.
    """
    if overruled:
        return True
    if committed:
        return False
    if step == "job":
        return rule_passed and (not judged or prob >= PASS_AT)
    if supported and rule_passed:
        return True
    return prob >= PASS_AT


def logit(p: np.ndarray) -> np.ndarray:
    """log(p / (1 - p)), clipped away from 0 and 1."""
    q = np.clip(p, 1e-6, 1 - 1e-6)
    out: np.ndarray = np.log(q / (1 - q))
    return out


def combine(
    rules: np.ndarray, head: np.ndarray, stack_w: np.ndarray, stack_b: np.ndarray
) -> np.ndarray:
    """The stacked combination (docs/grader.md): per step, sigmoid(a*rule + b*logit(h) + c).

    `rules` holds the rule verdicts (1 pass, 0 fail) and `head` the calibrated head
    probabilities, both (n, 4); `stack_w` is (4, 2) and `stack_b` (4,), fitted on the
    validation set by `train`. Vetoes and the apology => job rule are applied by the grader.
    """
    z = rules * stack_w[:, 0] + logit(head) * stack_w[:, 1] + stack_b
    out: np.ndarray = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
    return out


def fit_logistic(
    x: np.ndarray,
    y: np.ndarray,
    l2: float,
    iters: int = 30,
    sample_weight: np.ndarray | None = None,
) -> tuple[np.ndarray, float]:
    """L2-regularised (optionally weighted) logistic regression by Newton's method."""
    n, d = x.shape
    sw = np.ones(n) if sample_weight is None else sample_weight
    xb = np.hstack([x, np.ones((n, 1))])
    w = np.zeros(d + 1)
    reg = np.full(d + 1, l2)
    reg[-1] = 1e-6  # leave the bias (almost) free
    for _ in range(iters):
        p = 1.0 / (1.0 + np.exp(-np.clip(xb @ w, -30, 30)))
        grad = xb.T @ (sw * (p - y)) + reg * w
        hess = (xb * (sw * p * (1 - p))[:, None]).T @ xb + np.diag(reg)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.max(np.abs(step)) < 1e-5:
            break
    return w[:-1], float(w[-1])


def fit_platt(
    raw: np.ndarray, y: np.ndarray, sample_weight: np.ndarray | None = None
) -> tuple[float, float]:
    """Platt scaling: fit sigmoid(a * raw + b) to labels (with Platt's target smoothing)."""
    pos, neg = float(y.sum()), float(len(y) - y.sum())
    target = np.where(y > 0, (pos + 1) / (pos + 2), 1 / (neg + 2))
    a, b = fit_logistic(raw[:, None], target, l2=1e-3, iters=50, sample_weight=sample_weight)
    return float(a[0]), b

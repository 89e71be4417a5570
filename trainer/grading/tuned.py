"""The fine-tuned judge: MiniLM's top two layers retrained on labelled replies, four outputs.

Rules written from one rater-study set's errors did not carry over to the next set's writers
(job kappa 0.58-0.61 on each fresh set). Trained on replies from independent writers, the top of
the packaged model generalises much better (docs/grader.md, "The fine-tuned judge"). The judge
shares the embedder's first `FROZEN` layers: their output goes on through the packaged top layers
(the sentence embedding the heads and the simulated customer read) and through the retrained
copies here, which end in a mean pool and one logit per step.

Only the difference from the packaged model is stored (`weights/tuned.npz`, built by
`python -m trainer.grading.tune --seed 1234`, `make tune`): each weight matrix's change as int8
with one float scale per row, the small vectors (biases, layer norms) and the head in float32.
`tuned.json` beside it records the training data, the settings and a fingerprint of the packaged
layers the change applies to; a judge built for other base weights is refused.

torch is imported inside the functions, so importing this module stays cheap.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import numpy as np

from trainer.models.grade import STEPS

FROZEN = 4
"""Layers shared with the embedder; the layers above them are retrained."""
FOLDER = Path(__file__).resolve().parent / "weights"
WEIGHTS = "tuned.npz"
META = "tuned.json"
FORMAT = "top-delta-int8-v1"
"""How the change is stored (tuned.json records it; other formats are refused)."""
_HEAD = "head."


class TunedUnavailable(RuntimeError):
    """No usable fine-tuned judge on disk (missing, other format, or other base weights)."""


def fingerprint(layers: Any) -> str:
    """sha256 over the packaged top layers' float parameters (names and values, in order)."""
    digest = hashlib.sha256()
    for name, tensor in layers.state_dict().items():
        digest.update(name.encode())
        digest.update(tensor.detach().float().contiguous().numpy().tobytes())
    return digest.hexdigest()


def top_layers(model: Any) -> Any:
    """The packaged layers above `FROZEN` (a ModuleList sharing the model's tensors)."""
    import torch

    return torch.nn.ModuleList(model.encoder.layer[FROZEN:])


def new_judge(model: Any) -> Any:
    """A trainable judge: float copies of the packaged top layers and a fresh 4-way head."""
    import copy

    import torch

    class Judge(torch.nn.Module):
        """hidden states after `FROZEN` layers + attention mask -> one logit per step."""

        def __init__(self, layers: Any, width: int) -> None:
            super().__init__()
            self.layers = layers
            self.head = torch.nn.Linear(width, len(STEPS))

        def forward(self, hidden: Any, attention: Any) -> Any:
            floor = torch.finfo(hidden.dtype).min
            additive = (1.0 - attention[:, None, None, :].to(hidden.dtype)) * floor
            for layer in self.layers:
                out = layer(hidden, attention_mask=additive)
                hidden = out[0] if isinstance(out, tuple) else out
            mask = attention.unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            return self.head(pooled)

    return Judge(copy.deepcopy(top_layers(model)), int(model.config.hidden_size))


def save(judge: Any, base: Any, folder: Path, meta: dict[str, object]) -> None:
    """Write the judge as its change from the packaged layers `base`, with metadata."""
    folder.mkdir(parents=True, exist_ok=True)
    packaged = base.state_dict()
    arrays: dict[str, np.ndarray] = {}
    for name, tensor in judge.layers.state_dict().items():
        delta = (tensor.detach().float() - packaged[name].float()).numpy()
        if delta.ndim == 2:
            scale = np.abs(delta).max(axis=1) / 127.0
            scale[scale == 0] = 1.0
            arrays[f"q.{name}"] = np.round(delta / scale[:, None]).astype(np.int8)
            arrays[f"s.{name}"] = scale.astype(np.float32)
        else:
            arrays[f"d.{name}"] = delta.astype(np.float32)
    for name, tensor in judge.head.state_dict().items():
        arrays[_HEAD + name] = tensor.detach().float().numpy()
    np.savez_compressed(folder / WEIGHTS, **arrays)  # type: ignore[arg-type]
    full = {"format": FORMAT, "frozen": FROZEN, "steps": list(STEPS), "base": fingerprint(base)}
    (folder / META).write_text(
        json.dumps({**full, **meta}, indent=2, sort_keys=True) + "\n", encoding="utf-8"
    )


def load(model: Any, folder: Path = FOLDER) -> Any:
    """The shipped judge on top of `model` (float, unquantised); raises TunedUnavailable.

    `model` must be the packaged model before any quantisation: the stored change is applied
    to its float top layers.
    """
    import torch

    try:
        meta = json.loads((folder / META).read_text(encoding="utf-8"))
        data = np.load(folder / WEIGHTS)
    except (OSError, ValueError) as exc:
        raise TunedUnavailable(f"no fine-tuned judge in {folder}: {exc}") from exc
    if meta.get("format") != FORMAT or meta.get("frozen") != FROZEN:
        raise TunedUnavailable(f"the judge in {folder} is stored another way; run `make tune`")
    if meta.get("steps") != list(STEPS):
        raise TunedUnavailable(f"the judge in {folder} judges other steps; run `make tune`")
    judge = new_judge(model)
    if meta.get("base") != fingerprint(top_layers(model)):
        raise TunedUnavailable(
            f"the judge in {folder} was trained on other base weights; run `make tune`"
        )
    state = judge.layers.state_dict()
    try:
        with torch.no_grad():
            for name, tensor in state.items():
                if f"q.{name}" in data:
                    delta = data[f"q.{name}"].astype(np.float32) * data[f"s.{name}"][:, None]
                else:
                    delta = data[f"d.{name}"]
                tensor += torch.from_numpy(np.ascontiguousarray(delta)).to(tensor.dtype)
            judge.head.load_state_dict(
                {name: torch.from_numpy(data[_HEAD + name]) for name in ("weight", "bias")}
            )
    except (KeyError, RuntimeError) as exc:
        raise TunedUnavailable(f"the judge in {folder} does not fit the model: {exc}") from exc
    return judge.eval()


def probabilities(logits: np.ndarray) -> np.ndarray:
    """Pass probabilities (n, 4) from the judge's logits."""
    out: np.ndarray = 1.0 / (1.0 + np.exp(-np.clip(logits, -30, 30)))
    return out

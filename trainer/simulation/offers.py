"""What the customer hears offered: by rule, by meaning, and by reference to what they asked.

Three ways an offer gets through:
- **rule**: the grader's remedy keywords (`craft.remedies`), already ignoring a keyword inside a
  refusal, a policy statement, a condition or a negation;
- **meaning**: each clause that has the shape of an offer ("I'll get you on the earliest plane
  out") is embedded with the packaged MiniLM model and compared with each remedy's label, its
  `said_as` and the author's example phrasings; close enough to one remedy, and clearly closer
  than to the others, it counts;
- **reference**: agreement that points back at what the customer just asked for ("go ahead
  with that", "I'll do exactly that", "yes, I can do both") offers what they asked for.

Meaning needs the model; with the grader in lexical-only mode (or the model missing) the
customer hears rules and reference only. Each clause is embedded on its own, never in a batch:
the int8 model scales activations per batch, so a batch would change the vectors and a call
would not replay exactly from its seed and replies. Remedy vectors are computed once per
scenario and model.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

import numpy as np

from trainer.grading.offer_cues import blocked, blocked_at, clauses, is_offer
from trainer.models.grade import Grade
from trainer.models.scenario import Remedy, Scenario
from trainer.simulation.hearing import Heard, straight_quotes

How = Literal["rule", "meaning", "reference"]

MEANING_AT = 0.55
"""Cosine similarity to a remedy's texts at which an offer-shaped clause counts as offering it."""
MEANING_MARGIN = 0.07
"""...provided it is at least this close to the best-matching remedy (two remedies named in
one clause both count; a clause merely nearer one topic than another does not)."""
MIN_WORDS = 3
"""Shorter clauses ("Okay.", "Sure thing") carry no offer of their own."""
CACHE_SIZE = 2048


class Encoder(Protocol):
    """The grader's sentence embedder (`trainer.grading.embed.Embedder`)."""

    def embed(self, texts: list[str]) -> np.ndarray: ...


EncoderSource = Callable[[], Any]
"""Returns the loaded embedder, or None when the grader runs on rules alone."""


_LOCK = threading.Lock()
_VECTORS: OrderedDict[tuple[int, str], np.ndarray] = OrderedDict()
_REMEDIES: dict[tuple[int, str, tuple[str, ...]], tuple[list[str], np.ndarray]] = {}


def embed_alone(encoder: Any, text: str) -> np.ndarray:
    """One text through the model in a batch of its own (cached per encoder and text).

    The embedder's own cache may hold a vector computed inside a larger batch, which differs;
    the customer needs the same vector for the same words in every process.
    """
    key = (id(encoder), text)
    with _LOCK:
        hit = _VECTORS.get(key)
        if hit is not None:
            _VECTORS.move_to_end(key)
            return hit
    alone = getattr(encoder, "embed_alone", None)
    vector = np.asarray(alone(text)) if alone is not None else np.asarray(encoder.embed([text]))[0]
    with _LOCK:
        _VECTORS[key] = vector
        while len(_VECTORS) > CACHE_SIZE:
            _VECTORS.popitem(last=False)
    return vector


def remedy_texts(remedy: Remedy) -> list[str]:
    """What a remedy is compared with: its label (without amounts), its name, its examples."""
    texts = [remedy.spoken(), *remedy.examples]
    label = remedy.label
    if label.lower() != remedy.spoken().lower():
        texts.insert(0, label)
    return list(dict.fromkeys(t for t in texts if t.strip()))


def remedy_vectors(encoder: Any, scenario: Scenario) -> tuple[list[str], np.ndarray]:
    """(remedy id per row, unit vectors) for every text of every remedy, cached."""
    rows: list[str] = []
    texts: list[str] = []
    for remedy in scenario.remedies:
        for text in remedy_texts(remedy):
            rows.append(remedy.id)
            texts.append(text)
    key = (id(encoder), scenario.id, tuple(f"{r}\x00{t}" for r, t in zip(rows, texts, strict=True)))
    with _LOCK:
        hit = _REMEDIES.get(key)
    if hit is not None:
        return hit
    matrix = (
        np.stack([embed_alone(encoder, t) for t in texts])
        if texts
        else np.zeros((0, 1), dtype=np.float32)
    )
    with _LOCK:
        _REMEDIES[key] = (rows, matrix)
    return rows, matrix


@dataclass
class Reading:
    """What the customer heard offered in one reply."""

    offered: list[Remedy] = field(default_factory=list)
    """Remedies on offer, most valuable first."""
    how: dict[str, How] = field(default_factory=dict)
    """How each offered remedy was heard."""
    refused: list[Remedy] = field(default_factory=list)
    """Remedies the trainee named inside a refusal, a policy statement or a negation."""
    scores: dict[str, float] = field(default_factory=dict)
    """Best similarity per remedy id among the offer-shaped clauses (meaning only)."""


class OfferReader:
    """Reads offers for one scenario; `encoder` gives the model, or None for rules alone."""

    def __init__(self, scenario: Scenario, encoder: EncoderSource | None = None) -> None:
        self.scenario = scenario
        self.encoder = encoder

    def model(self) -> Any:
        """The embedder to use now, or None."""
        return self.encoder() if self.encoder is not None else None

    def read(
        self, reply: str, grade: Grade | None, heard: Heard, asked_for: list[Remedy]
    ) -> Reading:
        """What `reply` offers; `asked_for` is what the customer has asked for so far."""
        by_id = {r.id: r for r in self.scenario.remedies}
        reply = straight_quotes(reply)
        reading = Reading()
        if grade is not None:
            for ident in grade.remedies_offered:
                if ident in by_id:
                    reading.how.setdefault(ident, "rule")
        for remedy in self.scenario.remedies:
            if any(
                blocked_at(reply, m.start())
                for kw in remedy.keywords
                for m in re.finditer(rf"(?<!\w){re.escape(kw)}", reply, re.I)
            ):
                reading.refused.append(remedy)
        encoder = self.model()
        if encoder is not None and self.scenario.remedies:
            self._by_meaning(reply, encoder, reading)
        # "Go ahead with that", or "it's done" once they have said what they want.
        if (heard.agrees or heard.confirms) and asked_for:
            for remedy in asked_for:
                reading.how.setdefault(remedy.id, "reference")
        reading.offered = sorted((by_id[i] for i in reading.how), key=lambda r: -r.value)
        offered = set(reading.how)
        reading.refused = [r for r in reading.refused if r.id not in offered]
        return reading

    def _by_meaning(self, reply: str, encoder: Any, reading: Reading) -> None:
        rows, matrix = remedy_vectors(encoder, self.scenario)
        if not rows:
            return
        by_id = {r.id: r for r in self.scenario.remedies}
        for _start, clause in clauses(reply):
            text = " ".join(clause.split())
            if len(text.split()) < MIN_WORDS:
                continue
            why = blocked(text)
            offer_shaped = is_offer(text) or text.endswith("?")
            if not why and not offer_shaped:
                continue
            sims = matrix @ embed_alone(encoder, text)
            best: dict[str, float] = {}
            for ident, sim in zip(rows, sims, strict=True):
                best[ident] = max(best.get(ident, -1.0), float(sim))
            top = max(best.values())
            close = [i for i, s in best.items() if s >= MEANING_AT and s >= top - MEANING_MARGIN]
            for ident in close:
                if why:
                    if by_id[ident] not in reading.refused:
                        reading.refused.append(by_id[ident])
                else:
                    reading.how.setdefault(ident, "meaning")
                    reading.scores[ident] = max(reading.scores.get(ident, 0.0), best[ident])


def encoder_of(grader: Any) -> EncoderSource:
    """Where the customer gets the model: the grader's own embedder (None when lexical).

    Looked up at each reply (a grader host hands over the model once it has loaded, before
    the first reply is graded); the customer never loads a second copy.
    """

    def source() -> Any:
        return getattr(grader, "embedder", None)

    return source

"""Measuring the grader like the field does: agreement with independent raters.

A rated set is a folder (`data/rated/`) with `replies.jsonl` (id, customer_name, customer,
position, so_far, reply, register, family, writer) and one file of labels per rater
(`rater_a.jsonl`, `rater_b.jsonl`: id, person, job, apology, ask as booleans). Per step this
reports Cohen's kappa between the raters, between the grader and each rater, and precision,
recall and F1 of the grader on the rows where the two raters agree (positive = step passed).
`benchmarks/grader_accuracy.py` prints it; nothing here tunes anything.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from trainer.models.grade import STEPS, GradeContext, Step

RATERS = ("rater_a", "rater_b")


class RatedSetError(ValueError):
    """A rated-set file is missing, malformed or inconsistent (the message names file and line)."""


class _Row(BaseModel):
    id: str


class RatedReply(_Row):
    """One reply of the rated set, as its writer wrote it."""

    model_config = ConfigDict(extra="ignore", populate_by_name=True)

    id: str
    reply: str
    customer_name: str = ""
    customer: str = ""
    position: Any = None
    so_far: Any = None
    style: str = Field(default="", alias="register")
    """The register it was written in (phone-formal, chat-casual...): `register` in the file."""
    family: str = ""
    writer: str = ""

    def context(self) -> GradeContext:
        """What the grader is told: the customer's line, their name, the agent's earlier lines."""
        return GradeContext(
            customer=self.customer,
            customer_name=self.customer_name,
            previous_replies=agent_lines(self.so_far),
        )


class RaterLabels(_Row):
    """One rater's four booleans for one reply."""

    model_config = ConfigDict(extra="ignore")

    id: str
    person: bool
    job: bool
    apology: bool
    ask: bool

    def step(self, step: Step) -> bool:
        """The label for a step."""
        value: bool = getattr(self, step)
        return value


_AGENT_ROLES = {"agent", "trainee", "you", "reply", "advisor", "adviser", "staff"}


def agent_lines(so_far: Any) -> list[str]:
    """The agent's earlier lines from a `so_far` field, whatever shape it takes.

    A list of strings is taken as the agent's earlier replies; a list of {role/speaker, text}
    turns keeps the agent's turns; anything else gives none (the step verdicts do not depend on
    it; only the repeated-reply flag and the 'anything else after a fix' rule read it).
    """
    if not isinstance(so_far, list):
        return []
    out: list[str] = []
    for turn in so_far:
        if isinstance(turn, str):
            out.append(turn)
        elif isinstance(turn, dict):
            role = str(turn.get("role") or turn.get("speaker") or turn.get("who") or "").lower()
            text = turn.get("text") or turn.get("reply") or turn.get("line") or ""
            if role in _AGENT_ROLES and isinstance(text, str):
                out.append(text)
    return out


def _read(path: Path, model: type[_Row]) -> list[Any]:
    if not path.is_file():
        raise RatedSetError(f"{path}: missing")
    rows: list[Any] = []
    seen: set[str] = set()
    with path.open(encoding="utf-8") as fh:
        for number, raw in enumerate(fh, start=1):
            if not raw.strip():
                continue
            try:
                row = model.model_validate(json.loads(raw))
            except json.JSONDecodeError as exc:
                raise RatedSetError(f"{path}:{number}: not JSON ({exc.msg})") from exc
            except ValidationError as exc:
                first = exc.errors()[0]
                where = ".".join(str(p) for p in first["loc"]) or "row"
                raise RatedSetError(f"{path}:{number}: {where}: {first['msg']}") from exc
            if row.id in seen:
                raise RatedSetError(f"{path}:{number}: id {row.id!r} appears twice")
            seen.add(row.id)
            rows.append(row)
    return rows


@dataclass
class RatedSet:
    """The replies and both raters' labels, joined by id (same order as replies.jsonl)."""

    replies: list[RatedReply]
    labels: dict[str, list[RaterLabels]]
    """Per rater, one entry per reply, in the replies' order."""

    @classmethod
    def load(cls, folder: Path) -> RatedSet:
        """Read and check a rated-set folder; RatedSetError names the file and line at fault."""
        replies: list[RatedReply] = _read(folder / "replies.jsonl", RatedReply)
        ids = [r.id for r in replies]
        labels: dict[str, list[RaterLabels]] = {}
        for rater in RATERS:
            path = folder / f"{rater}.jsonl"
            by_id = {row.id: row for row in _read(path, RaterLabels)}
            missing = [i for i in ids if i not in by_id]
            extra = sorted(set(by_id) - set(ids))
            if missing:
                raise RatedSetError(
                    f"{path}: no labels for {len(missing)} replies ({missing[0]}...)"
                )
            if extra:
                raise RatedSetError(f"{path}: labels for unknown replies ({extra[0]}...)")
            labels[rater] = [by_id[i] for i in ids]
        return cls(replies, labels)

    def rater(self, name: str, step: Step) -> list[bool]:
        """One rater's labels for a step, in the replies' order."""
        return [row.step(step) for row in self.labels[name]]


def cohen_kappa(a: Sequence[bool], b: Sequence[bool]) -> float:
    """Cohen's kappa for two binary label sequences.

    (p_o - p_e) / (1 - p_e) with p_e from each side's own pass rate. When chance agreement is
    total (both sides give one constant label) kappa is undefined; this returns 1.0 if they
    agree on every row and 0.0 otherwise. NaN for no rows.
    """
    if len(a) != len(b):
        raise ValueError("kappa needs two sequences of the same length")
    n = len(a)
    if n == 0:
        return math.nan
    observed = sum(x == y for x, y in zip(a, b, strict=True)) / n
    pa, pb = sum(a) / n, sum(b) / n
    chance = pa * pb + (1 - pa) * (1 - pb)
    if chance >= 1.0:
        return 1.0 if observed == 1.0 else 0.0
    return (observed - chance) / (1 - chance)


@dataclass(frozen=True)
class Counts:
    """A confusion matrix, positive = step passed."""

    tp: int
    fp: int
    fn: int
    tn: int

    @classmethod
    def of(cls, truth: Sequence[bool], pred: Sequence[bool]) -> Counts:
        """Count a prediction against the truth."""
        pairs = list(zip(truth, pred, strict=True))
        return cls(
            tp=sum(t and p for t, p in pairs),
            fp=sum(p and not t for t, p in pairs),
            fn=sum(t and not p for t, p in pairs),
            tn=sum(not t and not p for t, p in pairs),
        )

    @property
    def n(self) -> int:
        """Rows counted."""
        return self.tp + self.fp + self.fn + self.tn

    @property
    def precision(self) -> float:
        """tp / (tp + fp); 0 when nothing was predicted positive."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        """tp / (tp + fn); 0 when there are no positives."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        """2 tp / (2 tp + fp + fn); 0 when there is no true positive."""
        return 2 * self.tp / (2 * self.tp + self.fp + self.fn) if self.tp else 0.0


@dataclass(frozen=True)
class StepAgreement:
    """Agreement figures for one step on one group of replies."""

    step: Step
    n: int
    kappa_raters: float
    kappa_a: float
    kappa_b: float
    agreed: Counts
    """The grader against the raters' shared label, on the rows where they agree."""


def step_agreement(step: Step, a: list[bool], b: list[bool], grader: list[bool]) -> StepAgreement:
    """Kappas and the agreed-rows confusion for one step."""
    agreed = [i for i in range(len(a)) if a[i] == b[i]]
    return StepAgreement(
        step=step,
        n=len(a),
        kappa_raters=cohen_kappa(a, b),
        kappa_a=cohen_kappa(grader, a),
        kappa_b=cohen_kappa(grader, b),
        agreed=Counts.of([a[i] for i in agreed], [grader[i] for i in agreed]),
    )


Verdicts = dict[Step, list[bool]]


def agreement(
    rated: RatedSet, verdicts: Verdicts, rows: list[int] | None = None
) -> list[StepAgreement]:
    """Per-step agreement of one grader's verdicts with both raters (optionally on some rows)."""
    keep = list(range(len(rated.replies))) if rows is None else rows
    out = []
    for step in STEPS:
        a, b = rated.rater("rater_a", step), rated.rater("rater_b", step)
        out.append(
            step_agreement(
                step,
                [a[i] for i in keep],
                [b[i] for i in keep],
                [verdicts[step][i] for i in keep],
            )
        )
    return out


def format_table(title: str, figures: list[StepAgreement]) -> str:
    """A plain-text table of one grader's agreement (the benchmark prints these)."""
    lines = [
        title,
        f"{'step':8s} {'n':>4s} {'k A-B':>6s} {'k G-A':>6s} {'k G-B':>6s}   agreed rows: "
        f"{'n':>4s} {'P':>6s} {'R':>6s} {'F1':>6s}  [[tn fp] [fn tp]]",
    ]
    for f in figures:
        c = f.agreed
        # With no pass on either side, precision, recall and F1 say nothing: print n/a.
        prf = (
            f"{c.precision:6.3f} {c.recall:6.3f} {c.f1:6.3f}"
            if c.tp + c.fp + c.fn
            else f"{'n/a':>6s} {'n/a':>6s} {'n/a':>6s}"
        )
        lines.append(
            f"{f.step:8s} {f.n:4d} {f.kappa_raters:6.3f} {f.kappa_a:6.3f} {f.kappa_b:6.3f}   "
            f"{'':12s} {c.n:4d} {prf}  [[{c.tn} {c.fp}] [{c.fn} {c.tp}]]"
        )
    return "\n".join(lines)


Grade = Callable[[list[str], list[GradeContext]], list[dict[Step, bool]]]
"""Grades replies in batch and returns each reply's {step: passed}."""


def rated_report(rated: RatedSet, graders: dict[str, Grade]) -> str:
    """The whole report: each grader on all rows, then per register."""
    replies = [r.reply for r in rated.replies]
    contexts = [r.context() for r in rated.replies]
    registers = sorted({r.style for r in rated.replies})
    parts = [
        f"rated set: {len(replies)} replies; registers: "
        + ", ".join(
            f"{reg or '(none)'} {sum(r.style == reg for r in rated.replies)}" for reg in registers
        )
    ]
    for name, grade in graders.items():
        per_row = grade(replies, contexts)
        verdicts: Verdicts = {s: [row[s] for row in per_row] for s in STEPS}
        parts.append(format_table(f"\n{name}, all replies", agreement(rated, verdicts)))
        for reg in registers:
            rows = [i for i, r in enumerate(rated.replies) if r.style == reg]
            parts.append(
                format_table(
                    f"\n{name}, register {reg or '(none)'}", agreement(rated, verdicts, rows)
                )
            )
    return "\n".join(parts)

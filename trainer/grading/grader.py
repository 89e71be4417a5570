"""The grader: lexical evidence plus embeddings and trained heads, to a `Grade`.

`Grader.load()` uses the trained heads and the packaged MiniLM model when both are available,
and falls back to the lexical rules alone when either is missing (or when asked with
`lexical_only=True`, or `DEESCALATE_GRADER=lexical` in the environment). `get_grader()` returns
one shared instance per process.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor

import numpy as np

from trainer.grading import embed, registry, tuned
from trainer.grading.advice import advise
from trainer.grading.ask import NO_QUESTION
from trainer.grading.findings import Finding, StepEvidence
from trainer.grading.heads import (
    JOB_PASS_AT,
    OVERRULE_AT,
    PASS_AT,
    Heads,
    HeadsUnavailable,
    decide,
    recentre,
)
from trainer.grading.lexical import Lexical, analyse
from trainer.grading.rewrite import agent_voice, rewrite
from trainer.grading.text import clean
from trainer.models.grade import STEPS, Grade, GradeContext, Step, StepVerdict

_JOB = STEPS.index("job")
LEXICAL_SCORE_PASS = 0.85
"""Score reported in lexical-only mode when the rules pass a step (fail: 1 - this); also the
rules' vote averaged with the judge's probability."""
MAX_EVIDENCE = 3
_EVIDENCE_CHARS = 200


class Grader:
    """Grades replies on the four steps; thread-safe, load once and share."""

    def __init__(self, heads: Heads | None = None, embedder: embed.Embedder | None = None) -> None:
        self.heads = heads if embedder is not None else None
        self.embedder = embedder if heads is not None else None
        self.why_lexical = "" if self.heads is not None else "asked for lexical-only grading"

    @property
    def lexical_only(self) -> bool:
        """True when grading uses the rules alone (no model or no trained heads)."""
        return self.heads is None

    @classmethod
    def load(cls, lexical_only: bool | None = None) -> Grader:
        """Load heads and the embedding model; fall back to rules when either is missing."""
        if lexical_only is None:
            lexical_only = os.environ.get("DEESCALATE_GRADER", "").lower() == "lexical"
        if lexical_only:
            return cls()
        try:
            heads = Heads.load()
            embedder = embed.load()
        except (HeadsUnavailable, embed.ModelUnavailable) as exc:
            grader = cls()
            grader.why_lexical = str(exc)
            return grader
        return cls(heads, embedder)

    def grade(self, reply: str, context: GradeContext | None = None) -> Grade:
        """Grade one reply."""
        return self.grade_many([reply], [context])[0]

    def grade_many(
        self, replies: Sequence[str], contexts: Sequence[GradeContext | None] | None = None
    ) -> list[Grade]:
        """Grade many replies at once (embeddings are computed in batches)."""
        ctxs = list(contexts) if contexts is not None else [None] * len(replies)
        if len(ctxs) != len(replies):
            raise ValueError("grade_many needs one context per reply")
        full = [c or GradeContext() for c in ctxs]
        cleaned = [clean(r) for r in replies]
        outputs: Future[np.ndarray] | None = None
        if self.embedder is not None and len(replies) > 1:
            # The model (its batches on one worker per core) runs beside the regex pass: 158-162
            # against 138-147 replies/s run one after the other, measured back to back here.
            outputs = _pool().submit(self._model_outputs, [c.text for c in cleaned])
        lexes = [analyse(r, c, cl) for r, c, cl in zip(replies, full, cleaned, strict=True)]
        model = outputs.result() if outputs is not None else None
        probs, judge = self._scores(lexes, model)
        if judge is not None:
            for i, lx in enumerate(lexes):
                kinds = job_kinds_taken_back(lx, float(judge[i, _JOB]))
                if kinds:
                    # Read the reply again without them, so nothing built on them stays.
                    lexes[i] = analyse(replies[i], full[i], cleaned[i], kinds)
                    row = None if model is None else model[i : i + 1]
                    again, _ = self._scores([lexes[i]], row)
                    probs[i] = again[0]
        return [
            self._assemble(lx, c, p, None if judge is None else judge[i])
            for i, (lx, c, p) in enumerate(zip(lexes, full, probs, strict=True))
        ]

    @property
    def judged(self) -> bool:
        """Whether the fine-tuned judge takes part in the verdicts (`trainer.grading.tuned`)."""
        return self.embedder is not None and self.embedder.judges

    def _model_outputs(self, texts: list[str]) -> np.ndarray:
        """The judge's logits (n, 4) when it is loaded, else the embeddings (n, 384)."""
        assert self.embedder is not None
        return self.embedder.judge(texts) if self.judged else self.embedder.embed(texts)

    def _scores(
        self, lexes: list[Lexical], outputs: np.ndarray | None = None
    ) -> tuple[np.ndarray, np.ndarray | None]:
        """Pass probabilities (n, 4) (docs/grader.md, "How the judge, heads and rules combine"),
        and the judge's own probabilities (n, 4) when it took part.

        With the fine-tuned judge: per step the mean of the judge's probability and the rules'
        vote (0.85 pass, 0.15 fail), so the rules' verdict stands unless the judge is confident
        against it; `job` is the judge's probability alone (a rule pass there only means no
        failure was named), recentred so its bar (`heads.JOB_PASS_AT`) scores 0.5. Without it:
        the stacked rule + head combination (heads.combine).
        """
        rules = np.array([[lx.steps[s].passed for s in STEPS] for lx in lexes], dtype=np.float64)
        vote = np.where(rules > 0, LEXICAL_SCORE_PASS, 1 - LEXICAL_SCORE_PASS)
        if self.heads is None or self.embedder is None or not lexes:
            return vote, None
        if outputs is None:
            outputs = self._model_outputs([lx.cleaned.text for lx in lexes])
        judge = None
        if self.judged:
            judge = tuned.probabilities(outputs)
            probs = (judge + vote) / 2
            probs[:, _JOB] = recentre(judge[:, _JOB], JOB_PASS_AT)
        else:
            probs = self.heads.combine(rules, self.heads.predict(outputs))
        empty = np.array([not lx.cleaned.text for lx in lexes])
        probs[empty] = 0.0
        if judge is not None:
            judge[empty] = 0.0
        return probs, judge

    def threshold(self, index: int) -> float:
        """Pass threshold for step number `index` (fixed at 0.5: see heads.combine)."""
        return PASS_AT

    def _assemble(
        self, lx: Lexical, ctx: GradeContext, probs: np.ndarray, judge: np.ndarray | None = None
    ) -> Grade:
        """One reply's `Grade` from its rule evidence, its combined pass probabilities and (when
        the fine-tuned judge took part) the judge's own probabilities."""
        name = ctx.customer_name.strip()
        issue = agent_voice(ctx.scenario.issue) if ctx.scenario is not None else ""
        if not lx.english:
            return _not_graded(lx, ctx, name, issue)
        verdicts: dict[Step, bool] = {}
        steps: dict[Step, StepVerdict] = {}
        for i, step in enumerate(STEPS):
            ev = lx.steps[step]
            committed = committed_failure(ev)
            # Job findings the judge took back were left out when the reply was read again
            # (`job_kinds_taken_back`); other steps' own findings are judged here.
            overruled = (
                judge is not None
                and step != "job"
                and committed
                and judge_overrules(ev.negatives, float(judge[i]))
            )
            passed = decide(
                step,
                float(probs[i]),
                ev.passed,
                committed,
                support_is_final(step, lx, judge is not None),
                judge is not None,
                overruled,
            )
            if step == "ask" and not ev.passed and ev.missing == NO_QUESTION:
                # Nothing in the reply reads as a question or an offer: the head alone can't
                # pass ask (a long paste of apologies scored 0.52 on the head).
                passed = False
            if (
                step == "person"
                and passed
                and judge is None
                and not ev.positives
                and committed_failure(lx.steps["job"])
            ):
                # Rated set 2: with no acknowledgement the rules can name, the head alone does not
                # pass person in a reply that defends, blames or walls them off ("I'm sorry to
                # hear that, but every rider is background-checked"). The judge learnt this from
                # the rated sets; the veto then cost person kappa on two of three left-out sets.
                passed = False
            if step == "apology" and not verdicts.get("job", True):
                # Decision (labelling guide): an apology beside a job failure is hollow.
                passed = False
            verdicts[step] = passed
            steps[step] = StepVerdict(
                passed=passed,
                committed=not passed and committed,
                score=round(float(min(1.0, max(0.0, probs[i]))), 4),
                evidence=_evidence(step, passed, ev, lx),
                advice=advise(
                    step,
                    passed,
                    ev,
                    name=name,
                    issue=issue,
                    name_used="name_used" in lx.flags,
                    stuffed=lx.stuffed,
                ),
            )
        for i, step in enumerate(STEPS):
            # Keep score and verdict on the same side of the threshold.
            if not verdicts[step] and steps[step].score >= self.threshold(i):
                steps[step].score = round(min(steps[step].score, self.threshold(i) - 0.01), 4)
            elif verdicts[step] and steps[step].score < self.threshold(i):
                steps[step].score = round(self.threshold(i), 4)
        suggested = rewrite(lx.cleaned, ctx, verdicts, lx.steps)
        return Grade(
            person=steps["person"],
            job=steps["job"],
            apology=steps["apology"],
            ask=steps["ask"],
            flags=list(lx.flags),
            suggested=suggested,
            remedies_offered=list(lx.remedies_offered),
            forbidden_promised=list(lx.forbidden_promised),
        )


def _not_graded(lx: Lexical, ctx: GradeContext, name: str, issue: str) -> Grade:
    """A reply in another language: no step verdicts (not due, not failed), and the flag."""
    steps = {
        step: StepVerdict(
            passed=False,
            due=False,
            score=0.0,
            evidence=[lx.steps[step].missing],
            advice=advise(step, False, lx.steps[step], name=name, issue=issue, language=True),
        )
        for step in STEPS
    }
    return Grade(
        **steps,
        flags=list(lx.flags),
        suggested=rewrite(lx.cleaned, ctx, dict.fromkeys(STEPS, False), lx.steps),
    )


def committed_failure(ev: StepEvidence) -> bool:
    """The rules named a committed failure of this step (registry severity)."""
    return not ev.passed and any(registry.is_committed(f.kind) for f in ev.negatives)


def support_is_final(step: Step, lx: Lexical, judged: bool) -> bool:
    """Whether the support the rules named for `step` passes it outright (`heads.decide`).

    Without the judge, always. With it, only for person on a reply of one sentence that commits
    no job failure: there the judge, which reads the reply alone and was trained mostly on longer
    ones, has no more to go on than the rules and failed the issue's own acknowledgements ("I'd
    feel cheated too.", 0.04). Elsewhere it averages with the rules' vote instead: leaving one
    rated set out at a time (sets 3-6), keeping the support final on every reply passed 48
    replies the raters failed against 10 they passed, and cost person 0.03-0.06 kappa.
    """
    if not lx.steps[step].positives:
        return False
    if not judged:
        return True
    return (
        step == "person"
        and len(lx.cleaned.sentences) <= 1
        and not committed_failure(lx.steps["job"])
    )


def job_kinds_taken_back(lx: Lexical, judge: float) -> frozenset[str]:
    """The job detector's committed findings when the judge is confident enough to take all of
    them back and each is of a kind it may overrule (`Kind.judge_may_overrule`), else nothing."""
    if not lx.english or not judge_overrules(lx.job_found, judge):
        return frozenset()
    return frozenset(f.kind for f in lx.job_found)


def judge_overrules(findings: list[Finding], judge: float) -> bool:
    """The judge is confident enough to take back every committed failure among `findings`,
    and each is of a kind it may overrule (`Kind.judge_may_overrule`). Only premature_close
    (ask) is taken back in place; job findings are left out by reading the reply again, and no
    overrulable kind raises a flag outside job, so no flag needs dropping here."""
    committed = [f.kind for f in findings if registry.is_committed(f.kind)]
    return (
        judge >= OVERRULE_AT
        and bool(committed)
        and all(registry.judge_may_overrule(k) for k in committed)
    )


def _quote(text: str) -> str:
    return text if len(text) <= _EVIDENCE_CHARS else text[: _EVIDENCE_CHARS - 3].rstrip() + "..."


def _spans(findings: list) -> list[str]:  # type: ignore[type-arg]
    out: list[str] = []
    for f in findings:
        text = f.sentence.text if len(f.sentence.text) <= _EVIDENCE_CHARS else f.span.text
        q = _quote(text)
        if q not in out:
            out.append(q)
    return out[:MAX_EVIDENCE]


_PASS_NOTE: dict[Step, str] = {
    "person": "the reply reads as acknowledging how they feel or what it cost them",
    "job": "no defending, excuses, blame, policy wall or deflection found",
    "apology": "the reply reads as a plain apology",
    "ask": "the reply reads as asking what they want",
}


def _evidence(step: Step, passed: bool, ev: StepEvidence, lx: Lexical) -> list[str]:
    """Spans that decided the step, kept on the same side as the verdict."""
    if not lx.cleaned.text:
        return ["the reply was empty"]
    if passed:
        spans = _spans(ev.positives)
        overruled = ev.negatives or (lx.taken_back if step == "job" else [])
        if overruled:
            # The model overruled a rule; say so rather than quote a failure as support.
            spans.append(f'not counted as a failure: "{_spans(overruled)[0]}"')
        return spans or [_PASS_NOTE[step]]
    spans = _spans(ev.negatives)
    if lx.stuffed and step != "job":
        spans.append("keywords without a sentence around them do not count")
    if (
        not spans
        and step == "apology"
        and ev.passed is False
        and ev.positives
        and ev.negatives == []
    ):
        spans = [f'not counted: "{_spans(ev.positives)[0]}"']
    if not spans:
        if ev.positives:
            spans = [f'not enough: "{_spans(ev.positives)[0]}"']
        elif step == "person" and "name_used" in lx.flags:
            spans = ["the name alone is not an acknowledgement"]
        elif step == "job":
            # The judge failed it with no phrase the rules can point to.
            spans = ["reads as not yet on their side (the model's judgement; no phrase named)"]
        else:
            spans = [ev.missing or f"no {step} step found"]
    return spans


_SHARED: Grader | None = None
_SHARED_LOCK = threading.Lock()


_POOL: ThreadPoolExecutor | None = None


def _pool() -> ThreadPoolExecutor:
    """One thread that hands a batch to the embedder while the caller runs the rules."""
    global _POOL
    if _POOL is None:
        with _SHARED_LOCK:
            if _POOL is None:
                _POOL = ThreadPoolExecutor(max_workers=1, thread_name_prefix="grader-embed")
    return _POOL


def get_grader(lexical_only: bool | None = None) -> Grader:
    """The process-wide grader (loaded on first call; safe to call from a worker thread)."""
    global _SHARED
    if lexical_only:
        return Grader()
    if _SHARED is None:
        with _SHARED_LOCK:
            if _SHARED is None:
                _SHARED = Grader.load(lexical_only)
    return _SHARED

"""The model side of the grader: embeddings, heads, how head and rules combine, and data use."""

from __future__ import annotations

import numpy as np
import pytest
from factories import neutral_heads, traced_and_eager

from trainer.grading import embed
from trainer.grading.findings import Finding, StepEvidence
from trainer.grading.grader import Grader
from trainer.grading.heads import Heads, combine
from trainer.grading.lexical import analyse
from trainer.grading.text import clean
from trainer.grading.train import FIT_HELDOUT, FRESH_STACK, adversarial_split, data_sets
from trainer.models.grade import GradeContext


def test_stacked_combination_uses_both_inputs() -> None:
    w = np.tile([2.0, 1.0], (4, 1))
    b = np.full(4, -1.0)
    rules = np.array([[1, 1, 0, 0]], dtype=float)
    head = np.full((1, 4), 0.5)  # logit 0
    p = combine(rules, head, w, b)
    assert p[0, 0] > 0.5 and p[0, 2] < 0.5  # rule decides when the head is unsure
    sure = combine(np.zeros((1, 4)), np.full((1, 4), 0.99), w, b)
    assert sure[0, 0] > 0.5  # a confident head overrules a missing rule
    assert Heads(
        *(np.zeros((4, 1)),) * 2, np.zeros(1), np.ones(1), np.ones(4), np.zeros(4)
    ).combine(rules, head).shape == (1, 4)


def test_adversarial_split_is_by_line_and_fixed() -> None:
    rows = [{"line": f"L{i % 10}", "id": str(i)} for i in range(50)]
    fit, val = adversarial_split(rows, 1234)
    assert {r["line"] for r in fit}.isdisjoint({r["line"] for r in val})
    assert len({r["line"] for r in val}) == 2 and len(fit) + len(val) == 50
    assert adversarial_split(rows, 1234) == (fit, val)


def test_old_heldout_sets_are_fit_data_and_the_dev_and_rated_sets_are_never_read(tmp_path) -> None:  # type: ignore[no-untyped-def]
    row = (
        '{{"id": "{i}", "line": "{line}", "reply": "Sorry.", "split": "{split}", "labels": {{}}}}\n'
    )
    (tmp_path / "replies.jsonl").write_text(
        row.format(i="r1", line="cl1", split="train") + row.format(i="r2", line="cl2", split="dev")
    )
    for name in FIT_HELDOUT:
        (tmp_path / f"{name}.jsonl").write_text(row.format(i=name, line=name, split=name))
    # The dev replies written for issue 11 and the rater study are never read by train.
    (tmp_path / "dev11.jsonl").write_text("not json: must never be opened\n")
    (tmp_path / "rated").mkdir()
    for held in ("replies", "rater_a", "rater_b"):
        (tmp_path / "rated" / f"{held}.jsonl").write_text("not json: must never be opened\n")
    sets = data_sets(tmp_path, 1234)
    assert sorted(r["id"] for r in sets["heldout_fit"]) == sorted(FIT_HELDOUT)
    assert {"heldout4", "heldout5", "heldout6", "heldout7"} <= set(FIT_HELDOUT)
    assert not {"dev11", "rated"} & set(FIT_HELDOUT)
    assert [r["id"] for r in sets["dev"]] == ["r2"]


def test_shipped_stacker_is_the_fresh_data_one() -> None:
    heads = Heads.load()
    for i, step in enumerate(("person", "job", "apology", "ask")):
        rule_w, head_w, bias = FRESH_STACK[step]
        assert heads.stack_w[i] == pytest.approx([rule_w, head_w], abs=1e-5)
        assert heads.stack_b[i] == pytest.approx(bias, abs=1e-5)
    # job: the rules pass by default, so a rule pass carries no weight; the head decides.
    assert FRESH_STACK["job"][0] == 0.0 and FRESH_STACK["job"][1] > 1.0


@pytest.mark.slow
def test_batch_workers_keep_input_order_and_run_single_threaded() -> None:
    try:
        model = embed.load()
    except embed.ModelUnavailable as exc:
        pytest.skip(str(exc))
    import torch

    texts = [
        "I'm so sorry about the double charge on your bill.",
        "What's your account number?",
        "The weather is lovely today.",
        "Our engineers are very well trained.",
        "Would a refund help?",
        "Please hold.",
        "I can hear how upset you are, and that's fair.",
        "The parcel went to number 41 instead of 14.",
        "Go ahead and sue us then.",
        "Let me book an engineer for tomorrow morning.",
        "I'm ending this call now because of that threat.",
        "Your flight was cancelled because of the storm.",
    ]
    assert len(texts) > embed.BATCH  # several batches, so the worker pool runs
    batch = model.embed(texts)
    assert batch.shape == (len(texts), embed.DIM)
    assert model._pool().submit(torch.get_num_threads).result() == 1
    model.clear_cache()
    singles = np.stack([model.embed([t])[0] for t in texts])
    sims = batch @ singles.T
    # Each row is its own text: int8 activations are scaled per batch, so batch and single
    # embeddings are close (cosine about 0.96 measured), not equal; order must still hold.
    assert list(sims.argmax(axis=1)) == list(range(len(texts)))
    assert float(np.min(np.diag(sims))) > 0.9


@pytest.mark.slow
def test_traced_encoder_gives_the_eager_models_embeddings() -> None:
    texts = [
        "Please hold.",
        "I'm so sorry, Mrs Raman. Would a refund today help?",
        "Sorry. " * 90,  # longer than MAX_TOKENS: truncated the same way
        "ok",
        "The driver was late because of the snow, I'm afraid.",
    ] * 3
    fast, eager = traced_and_eager("_encoder", lambda model, t: model.embed(t), texts)
    assert fast.shape == (len(texts), embed.DIM)
    assert np.array_equal(fast, eager)


def test_tracing_falls_back_when_the_model_is_not_bert_shaped() -> None:
    torch = pytest.importorskip("torch")

    def tokenizer(texts: list[str], **_: object) -> dict[str, object]:
        ids = torch.ones((len(texts), 4), dtype=torch.long)
        return {"input_ids": ids, "attention_mask": torch.ones_like(ids)}

    assert embed._trace(tokenizer, torch.nn.Linear(2, 2)) is None


def test_rule_failure_vetoes_the_head() -> None:
    import numpy as np

    from trainer.grading.heads import Heads

    d = 1
    grader = Grader()
    grader.heads = Heads(  # a head that passes everything above 0.5
        weights=np.zeros((4, d)),
        bias=np.zeros(4),
        mean=np.zeros(d),
        scale=np.ones(d),
        platt_a=np.ones(4),
        platt_b=np.zeros(4),
    )
    lx = analyse("That's awful. I'm sorry, but you should have read the terms. What can I do?")
    grade = grader._assemble(lx, GradeContext(), [0.99, 0.99, 0.99, 0.99])  # type: ignore[arg-type]
    assert not grade.job.passed and not grade.apology.passed and not grade.person.passed
    assert grade.ask.passed
    assert grade.job.score < 0.5


def _head_saying(p: float) -> Grader:
    grader = Grader()
    grader.heads = neutral_heads()
    return grader


@pytest.mark.parametrize(
    ("reply", "step"),
    [
        ("What do you want me to do, kick another guest out?", "ask"),
        ("Calm down, sir. Shouting at me won't get this sorted any faster.", "job"),
        ("That's policy. Is that clear?", "ask"),
    ],
)
def test_a_committed_failure_is_final_on_every_step_even_ask(reply: str, step: str) -> None:
    grade = _head_saying(0.99)._assemble(analyse(reply), GradeContext(), np.full(4, 0.99))
    assert not grade.step(step).passed and grade.step(step).committed


@pytest.mark.parametrize(
    "reply",
    [
        "Which device are you using, the app or the website?",
        "Hold the reset button for ten seconds, then wait for the green light.",
        "I already cancelled your account and refunded all the charges.",
    ],
)
def test_the_head_cannot_fail_job_when_no_rule_names_a_failure(reply: str) -> None:
    grade = _head_saying(0.01)._assemble(analyse(reply), GradeContext(), np.full(4, 0.01))
    assert grade.job.passed
    assert grade.job.score >= 0.5


def test_named_support_is_final_and_the_head_decides_the_rest() -> None:
    lx = analyse("I can hear how fed up you are, Rosa.")
    grade = _head_saying(0.01)._assemble(lx, GradeContext(), np.full(4, 0.01))
    assert grade.person.passed  # an acknowledgement the rules named
    lx = analyse("Right, Rosa.")
    assert _head_saying(0.99)._assemble(lx, GradeContext(), np.full(4, 0.99)).person.passed
    assert not _head_saying(0.01)._assemble(lx, GradeContext(), np.full(4, 0.01)).person.passed


def test_veto_needs_a_named_failure() -> None:
    ev = StepEvidence(False, [], [], "no apology found")
    assert not ev.negatives  # nothing found: the head, not the rule, decides
    f = Finding("sorry_but", clean("x").sentences[0], clean("x").sentences[0])
    assert StepEvidence(False, [], [f]).negatives

"""The fine-tuned judge: how it is stored and loaded, what it trains on, how it takes part."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from factories import neutral_heads, traced_and_eager

from trainer.grading import registry, tuned
from trainer.grading.grader import Grader, support_is_final
from trainer.grading.heads import JOB_PASS_AT, OVERRULE_AT, decide, recentre
from trainer.grading.lexical import analyse
from trainer.models.grade import STEPS, Grade, GradeContext

torch = pytest.importorskip("torch")
transformers = pytest.importorskip("transformers")


def _tiny_bert(seed: int) -> object:
    torch.manual_seed(seed)
    config = transformers.BertConfig(
        vocab_size=50,
        hidden_size=16,
        num_hidden_layers=tuned.FROZEN + 2,
        num_attention_heads=2,
        intermediate_size=32,
        max_position_embeddings=32,
    )
    return transformers.BertModel(config).eval()


def _states(seed: int = 0) -> tuple[object, object]:
    torch.manual_seed(seed)
    hidden = torch.randn(3, 7, 16)
    attention = torch.ones(3, 7, dtype=torch.long)
    attention[1, 4:] = 0
    return hidden, attention


def test_the_judge_is_stored_as_its_change_and_loads_back(tmp_path: Path) -> None:
    model = _tiny_bert(0)
    judge = tuned.new_judge(model)
    with torch.no_grad():  # stand-in for training: move every parameter
        for parameter in judge.parameters():
            parameter += 0.05 * torch.randn_like(parameter)
    tuned.save(judge, tuned.top_layers(model), tmp_path, {"seed": 1})
    meta = json.loads((tmp_path / tuned.META).read_text())
    assert meta["format"] == tuned.FORMAT and meta["seed"] == 1
    assert meta["base"] == tuned.fingerprint(tuned.top_layers(model))
    stored = np.load(tmp_path / tuned.WEIGHTS)
    assert any(stored[k].dtype == np.int8 for k in stored.files)  # matrices as int8 changes
    loaded = tuned.load(model, tmp_path)
    with torch.no_grad():
        want = judge(*_states())
        got = loaded(*_states())
        untrained = tuned.new_judge(model).eval()(*_states())
    assert got.shape == (3, len(STEPS))
    # int8 rounding of the change only: far closer to the trained judge than to the base.
    assert float((got - want).abs().max()) < 0.01
    assert float((untrained - want).abs().max()) > 0.05


def test_a_judge_for_other_base_weights_or_another_format_is_refused(tmp_path: Path) -> None:
    model = _tiny_bert(0)
    tuned.save(tuned.new_judge(model), tuned.top_layers(model), tmp_path, {})
    with pytest.raises(tuned.TunedUnavailable, match="other base weights"):
        tuned.load(_tiny_bert(1), tmp_path)
    meta = json.loads((tmp_path / tuned.META).read_text())
    (tmp_path / tuned.META).write_text(json.dumps({**meta, "format": "something-else"}))
    with pytest.raises(tuned.TunedUnavailable, match="stored another way"):
        tuned.load(model, tmp_path)
    with pytest.raises(tuned.TunedUnavailable, match="no fine-tuned judge"):
        tuned.load(model, tmp_path / "missing")


def _rated(folder: Path, ids: list[str]) -> None:
    folder.mkdir(parents=True)
    (folder / "replies.jsonl").write_text(
        "".join(json.dumps({"id": i, "reply": f"Reply {i}."}) + "\n" for i in ids)
    )
    for rater, person in (("rater_a", True), ("rater_b", False)):
        (folder / f"{rater}.jsonl").write_text(
            "".join(
                json.dumps({"id": i, "person": person, "job": True, "apology": False, "ask": True})
                + "\n"
                for i in ids
            )
        )


def test_training_reads_only_the_rated_sets_it_names(tmp_path: Path) -> None:
    from trainer.grading import tune

    labels = {"person": True, "job": True, "apology": False, "ask": False}
    row = {"line": "cl1", "reply": "Sorry.", "labels": labels}
    (tmp_path / "replies.jsonl").write_text(
        json.dumps({**row, "id": "r1", "split": "train"}) + "\n"
    )
    (tmp_path / "dev11.jsonl").write_text(json.dumps({**row, "id": "d1"}) + "\n")
    for name in tune.RATED:
        _rated(tmp_path / "rated" / name, [f"{name}-1", f"{name}-2"])
    held = tmp_path / "rated" / "set9"
    held.mkdir()
    (held / "replies.jsonl").write_text("not json: must never be opened\n")
    texts, y, masks, weights = tune.training_rows(tmp_path)
    assert len(texts) == 2 + 2 * len(tune.RATED)
    assert not any(t.startswith("Reply set9") for t in texts)
    rated = weights == tune.RATED_WEIGHT
    assert rated.sum() == 2 * len(tune.RATED)
    # The raters split on person in these rows: that label is masked out, the others count.
    assert (masks[rated][:, STEPS.index("person")] == 0).all()
    assert (masks[rated][:, STEPS.index("job")] == 1).all()
    assert (y[~rated][:, STEPS.index("person")] == 1).all()


def test_the_newest_rated_sets_are_kept_out_of_training() -> None:
    from trainer.grading import tune

    rated = Path(__file__).resolve().parent.parent / "data" / "rated"
    folders = sorted(p.name for p in rated.iterdir() if (p / "replies.jsonl").exists())
    held = {name for name in folders if name not in tune.RATED}
    # set 9 was scored on the judge of 7f0fb00; sets 10-12 on the shipped grader (6963315).
    assert held == {"set9", "set10", "set11", "set12"}
    meta = json.loads((tuned.FOLDER / tuned.META).read_text())
    assert meta["rated_sets"] == list(tune.RATED)
    assert not any(f.startswith(f"rated/{name}/") for f in meta["sha256"] for name in held)


def test_with_the_judge_job_is_the_judges_call_unless_a_rule_names_a_failure() -> None:
    assert not decide("job", 0.2, True, False, False, judged=True)
    assert decide("job", 0.8, True, False, False, judged=True)
    assert not decide("job", 0.9, False, True, False, judged=True)  # a committed failure
    assert decide("job", 0.2, True, False, False, judged=False)  # no judge: passes by default
    # Named support with no failure stays final with the judge too.
    assert decide("person", 0.2, True, False, True, judged=False)
    assert decide("person", 0.2, True, False, True, judged=True)
    assert not decide("person", 0.2, True, False, False, judged=True)


def _judged_grader(head: float, judge: float) -> tuple[Grader, np.ndarray]:
    grader = Grader()
    grader.heads = neutral_heads()
    probs = np.full(4, (head + judge) / 2)
    probs[STEPS.index("job")] = judge
    return grader, probs


@pytest.mark.parametrize(
    ("reply", "step"),
    [
        ("I'm sorry, but you should have read the terms.", "apology"),
        ("Calm down, sir. Shouting at me won't get this sorted any faster.", "job"),
        ("What do you want me to do, kick another guest out?", "ask"),
    ],
)
def test_a_committed_failure_stays_final_beside_a_confident_judge(reply: str, step: str) -> None:
    grader, probs = _judged_grader(0.99, 0.99)
    grade = grader._assemble(analyse(reply), GradeContext(), probs, judge=np.full(4, 0.99))
    assert not grade.step(step).passed and grade.step(step).committed


@pytest.mark.slow
def test_the_shipped_judge_is_traced_and_matches_the_eager_model() -> None:
    from trainer.grading import embed

    texts = ["Please hold.", "I'm so sorry, Mrs Raman. Would a refund today help?", "ok"] * 4
    fast, eager = traced_and_eager("_judge_encoder", lambda model, t: model.judge(t), texts)
    assert fast.shape == (len(texts), len(STEPS))
    assert np.array_equal(fast, eager)
    # The embedding path is untouched by the judge (the simulated customer reads it).
    assert embed.load().embed(texts).shape == (len(texts), embed.DIM)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("reply", "keeps"),
    [
        # Plain procedural replies keep job...
        ("Which device are you using, the app or the website?", True),
        ("Hold the reset button for ten seconds, then wait for the green light.", True),
        ("I already cancelled your account and refunded all the charges.", True),
        ("Thanks for holding. I've booked the engineer for Thursday between 8 and 12.", True),
        # ...and excuses the rules never listed fail it.
        (
            "What tends to happen on a busy evening is the drivers get backed up, so it was late.",
            False,
        ),
        ("The tracking shows he was outside your door at 2pm, so the parcel was delivered.", False),
        (
            "It's the same for all our patients, I'm afraid, there's nothing special about yours.",
            False,
        ),
    ],
)
def test_the_judge_decides_job_where_the_rules_name_nothing(reply: str, keeps: bool) -> None:
    grader = Grader.load()
    if not grader.judged:
        pytest.skip("no fine-tuned judge loaded")
    assert grader.grade(reply).job.passed is keeps


class _SureJudge:
    """An embedder whose judge gives every step the same probability."""

    judges = True

    def __init__(self, p: float) -> None:
        self.logit = float(np.log(p / (1 - p)))

    def judge(self, texts: list[str]) -> np.ndarray:
        return np.full((len(texts), len(STEPS)), self.logit)


def _grade_with_judge(reply: str, p: float, customer: str = "") -> Grade:
    grader, _ = _judged_grader(p, p)
    grader.embedder = _SureJudge(p)  # type: ignore[assignment]
    return grader.grade_many([reply], [GradeContext(customer=customer)])[0]


@pytest.mark.parametrize(
    ("reply", "step", "also"),
    [
        (
            "I'm so sorry. It's back in your account now, though sometimes it takes an hour to show.",
            "job",
            "apology",
        ),
        (
            "A debt collector's letter for a membership you thought was sorted would make anyone "
            "see red, Mr Doherty. I'm sorry. Let me get it stopped today.",
            "job",
            "person",
        ),
        ("The fee's refunded and you're booked into the 6.30 class. Anything else?", "ask", "job"),
    ],
)
def test_a_confident_judge_takes_back_a_finding_it_may_overrule(
    reply: str, step: str, also: str
) -> None:
    lx = analyse(reply)
    named = [f.kind for f in lx.steps[step].negatives if registry.is_committed(f.kind)]
    assert named and all(registry.judge_may_overrule(k) for k in named), named
    sure = _grade_with_judge(reply, OVERRULE_AT + 0.05)
    unsure = _grade_with_judge(reply, OVERRULE_AT - 0.05)
    assert sure.step(step).passed and not unsure.step(step).passed
    assert unsure.step(step).committed
    # The evidence still names what was taken back...
    assert any(e.startswith("not counted as a failure") for e in sure.step(step).evidence)
    # ...nothing built on it stays (an apology wrapped in an excuse, an acknowledgement taken
    # back), and the customer does not react to it.
    assert sure.step(also).passed, sure.step(also).evidence
    flags = {registry.flag_of(k) for k in named} - {None}
    assert not flags & set(sure.flags)
    assert flags <= set(unsure.flags)


def test_tone_failures_are_never_taken_back() -> None:
    for kind in ("calm_down", "sarcasm", "sorry_but", "rhetorical_pushback", "mocking"):
        assert registry.is_committed(kind) and not registry.judge_may_overrule(kind), kind
    # Outside job a kind is taken back in place (grader.judge_overrules), which drops no flag.
    for kind in registry.KINDS.values():
        if kind.judge_may_overrule and kind.step != "job":
            assert kind.flag is None and not kind.also, kind.id


def test_with_the_judge_named_support_is_final_only_on_a_one_sentence_acknowledgement() -> None:
    grader, _ = _judged_grader(0.02, 0.02)
    low = np.full(4, 0.02)
    short = analyse("I'd feel cheated too, Mr Okafor.")
    longer = analyse("I'd feel cheated too. Did you pay by card? I can look it up.")
    walled = analyse("I understand your frustration, however our policy says 10 working days.")
    assert short.steps["person"].positives and longer.steps["person"].positives
    assert grader._assemble(short, GradeContext(), (low + 0.85) / 2, judge=low).person.passed
    assert not grader._assemble(longer, GradeContext(), (low + 0.85) / 2, judge=low).person.passed
    assert not grader._assemble(walled, GradeContext(), (low + 0.85) / 2, judge=low).person.passed
    # Without the judge the rules' named support still decides.
    assert support_is_final("person", longer, judged=False)
    assert not support_is_final("apology", analyse("I'm so sorry, Rosa."), judged=True)


def test_job_is_recentred_so_its_bar_scores_one_half() -> None:
    p = np.array([0.0, 0.2, JOB_PASS_AT, 0.6, 1.0])
    out = recentre(p, JOB_PASS_AT)
    assert out[0] == 0.0 and out[-1] == 1.0 and out[2] == pytest.approx(0.5)
    assert np.all(np.diff(out) > 0)
    assert (out >= 0.5).tolist() == (p >= JOB_PASS_AT).tolist()

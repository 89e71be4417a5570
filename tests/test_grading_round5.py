"""Round 5: rules from error analysis on the independent writers' sets (adversarial, heldout2,
heldout3 and heldout4, all fit data by now), the batch embedder, and the data use.

Examples are written for these tests (not copied from the data). Every round-5 job pattern
must be hit by at least one failing example below (checked pattern by pattern), and the near
misses (agreement, permission followed by an offer, declining a personal request, laughter,
acknowledgements that mention a cause word) must keep the step.
"""

from __future__ import annotations

import numpy as np
import pytest
from grading_rounds import examples_hit, job_kinds, pattern_cases

from trainer.grading import ask, embed, job, person
from trainer.grading.heads import Heads
from trainer.grading.lexical import analyse
from trainer.grading.text import clean
from trainer.grading.train import FRESH_STACK

FAILS: list[tuple[str, str]] = [
    ("The invoice gets generated automatically at month end.", "explaining_cause"),
    ("Our billing system was updated automatically overnight.", "explaining_cause"),
    ("Your card was blocked automatically by the bank's checks.", "explaining_cause"),
    ("That model had a few teething issues last spring.", "explaining_cause"),
    ("The depot team have been stretched since Easter.", "explaining_cause"),
    ("Sorry, the lines are rammed this morning.", "explaining_cause"),
    ("The courier did try to deliver at nine.", "explaining_cause"),
    ("The damp might have started before the visit.", "explaining_cause"),
    ("The crew are doing their best in the snow.", "defending_company"),
    ("It's one of the most popular plans we sell.", "defending_company"),
    ("Those boots are top quality leather.", "defending_company"),
    ("These kettles don't usually break.", "defending_company"),
    ("The sofa left us in perfect condition.", "defending_company"),
    ("This was a one-off glitch.", "defending_company"),
    ("Our invoices are normally very accurate.", "defending_company"),
    ("The fee covers the admin of a bounced payment.", "defending_company"),
    ("Every boiler goes through rigorous factory testing.", "defending_company"),
    ("Our fitters are certified and fully insured.", "defending_company"),
    ("We'd always advise checking the parcel on arrival.", "blaming_customer"),
    ("Are you sure you didn't cancel it yourself?", "blaming_customer"),
    ("Your extension cable could be what's causing the drops.", "blaming_customer"),
    ("It's best to avoid pressing the button twice.", "blaming_customer"),
    ("You can reset that yourself from the app.", "blaming_customer"),
    ("It isn't a fine, it's a late fee.", "arguing"),
    ("It has not been established that the fitter broke it.", "arguing"),
    ("There's no need to escalate this.", "arguing"),
    ("The old meter doesn't matter here.", "arguing"),
    ("No, that was nothing to do with the booking.", "arguing"),
    ("I'm not a trainee, sir.", "arguing"),
    ("I've been working here for nine years.", "arguing"),
    ("I speak perfectly good English.", "arguing"),
    ("Madam, I'm from Bristol.", "arguing"),
    ("It wasn't me who cancelled the order.", "arguing"),
    ("I've done the training like everyone else.", "arguing"),
    ("Hate is a strong word.", "arguing"),
    ("It's not that bad once you get used to it.", "arguing"),
    ("You'd be surprised how quickly these sell.", "arguing"),
    ("The charger isn't the problem here.", "arguing"),
    ("My supervisor will tell you exactly the same.", "arguing"),
    ("I'm just trying to help.", "arguing"),
    ("Nine to five is our standard delivery window.", "policy_wall"),
    ("The reading has to come from a technician.", "policy_wall"),
    ("The price is clearly shown on the shelf.", "policy_wall"),
    ("I only have authority to refund twenty pounds.", "policy_wall"),
    ("The policy excludes storm damage.", "policy_wall"),
    ("The returns window is 14 days.", "policy_wall"),
    ("Those are the airline's rules.", "policy_wall"),
    ("The cut-off is strict.", "policy_wall"),
    ("There are no seats left, so that's that.", "policy_wall"),
    ("Repairs are a separate department.", "not_my_department"),
    ("Sorry, that's not really my area.", "not_my_department"),
    ("Wiring inside the house isn't part of our service.", "not_my_department"),
    ("Ok, enjoy your evening.", "gives_up"),
    ("That's entirely your decision.", "gives_up"),
    ("Fine. Bye.", "gives_up"),
    ("Whatever, mate.", "gives_up"),
    ("If you find the letter, just ring us back.", "call_us_back"),
    ("Give us a call back when it arrives.", "call_us_back"),
    ("While you're on, can I tell you about our insurance?", "upsell"),
    ("That was a different fitter, not one of our own engineers.", "blaming_colleague"),
    ("Honestly, that's on them.", "blaming_colleague"),
    ("Parking is handled by the council, not us.", "blaming_colleague"),
    ("The shop should have checked the box.", "blaming_colleague"),
    ("Staff can only see what the system shows.", "blaming_colleague"),
    ("Be patient with him, he's new.", "blaming_colleague"),
]

KEEPS = [
    # Agreement, not argument.
    "You're right, it isn't fair on you. Let me fix it.",
    "No wonder you're confused after two letters.",
    # Permission followed by a way forward.
    "That's your right, and I'm sorry it's come to this. Shall I book the assessor today?",
    "You're free to post about it. Can I get you on the first train instead?",
    # Declining a personal request, ending a call after abuse, "so you don't have to".
    "I'm not able to meet customers. I can have the parcel collected today.",
    "I'm not able to carry on after that. Goodbye.",
    "I'll brief her first so you don't have to go through it again.",
    # Laughter alone is not playing along.
    "lol fair enough, what's gone wrong with the order?",
    # "as well as", "due tomorrow" and "must have been" are not causes.
    "Do you need a taxi as well as a hotel?",
    "I'm sorry, the rent is due tomorrow and that's a horrible worry.",
    "I'm so sorry, that must have been frightening.",
    # Near misses for the round-5 patterns.
    "I'll make sure it gets sent automatically from now on.",
    "I'll ask the courier to try again at nine tomorrow.",
    "I can see the order on our records now.",
    "We'll collect it from you as a priority.",
    "Your window is open until Friday, and I can extend it.",
]


@pytest.mark.parametrize(("reply", "kind"), FAILS)
def test_round5_job_failures(reply: str, kind: str) -> None:
    assert kind in job_kinds(reply)


@pytest.mark.parametrize("reply", KEEPS)
def test_round5_near_misses_keep_job(reply: str) -> None:
    lx = analyse(reply)
    assert lx.steps["job"].passed, [(f.kind, f.span.text) for f in lx.steps["job"].negatives]


@pytest.mark.parametrize(
    ("kind", "pattern"),
    pattern_cases(job._ROUND5),
)
def test_every_round5_pattern_has_a_failing_example(kind: str, pattern: str) -> None:
    assert examples_hit(FAILS, kind, pattern), f"no example for {kind}: {pattern}"


@pytest.mark.parametrize(
    "reply",
    [
        "Eight to six is the delivery window, I'm afraid.",
        "Unfortunately that's how long the bank takes.",
    ],
)
def test_regret_with_nothing_offered_is_a_wall(reply: str) -> None:
    assert "policy_wall" in job_kinds(reply)


@pytest.mark.parametrize(
    "reply",
    [
        "Unfortunately the van is full today, but I can book you in tomorrow.",
        "I'm afraid the flight's gone. Would the 6:40 work for you?",
        "I'm afraid not, but let me check with my supervisor.",
    ],
)
def test_regret_with_a_way_forward_keeps_job(reply: str) -> None:
    assert job.detect(clean(reply)).passed


def test_pet_name_said_back_fails_person_but_not_job() -> None:
    lx = analyse("Sure thing, darling, what's the order number?")
    assert not lx.steps["person"].passed
    assert lx.steps["job"].passed


def test_taking_it_personally_fails_person_only_but_insults_fail_job() -> None:
    offended = analyse("Please don't call me love.")
    assert not offended.steps["person"].passed
    assert offended.steps["job"].passed
    insult = analyse("You're being ridiculous.")
    assert not insult.steps["person"].passed
    assert not insult.steps["job"].passed


@pytest.mark.parametrize(
    "question",
    [
        "Shall I take your reading now and reissue the bill?",
        "Shall we get your mum's bike fixed this week?",
        "Would a refund of the delivery charge and a priority slot on Monday help?",
        "Would a £20 credit be a fair start?",
        "Would an advance on your wages tide you over?",
        "Does Wednesday work?",
        "thursday morning ok?",
        "Is 7am too early for you?",
        "Want one sent out today?",
        "Is it failing on every device or just the laptop?",
        "Can you remember roughly when the engineer left?",
        "Did the driver say anything at the door?",
    ],
)
def test_round5_need_questions(question: str) -> None:
    assert ask.classify_question(question) == "need"


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Can I take your account number?", "data"),
        ("Is it the account number or the card number?", "data"),
        ("Was that the 3rd?", "other"),
        ("Is that clear?", "compliance"),
        ("Is that alright with you?", "compliance"),
    ],
)
def test_round5_leaves_other_questions_alone(question: str, kind: str) -> None:
    assert ask.classify_question(question) == kind


def test_ok_tag_after_a_remedy_is_an_ask_but_after_an_instruction_is_not() -> None:
    offered = ask.detect(clean("I'll refund the fee today. Is that alright with you?"))
    assert offered.passed
    instructed = ask.detect(clean("Turn the router off and on. Is that clear?"))
    assert not instructed.passed


@pytest.mark.parametrize(
    "reply",
    [
        "How embarrassing, at the checkout of all places.",
        "I can only imagine how stressful the move has been.",
        "That's a real strain on the family budget.",
        "You've had a rotten week of it.",
        "That sounds rough.",
        "I can tell this has upset you.",
        "I know money's tight this month.",
        "I know how much that necklace matters.",
        "A letter like that would frighten anyone.",
        "Of course you don't want to pay for a week with no signal.",
        "That's a lot on a student budget.",
        "That's a lot of wasted time.",
        "Losing three days of sales is a big deal for you.",
        "I'm sorry you've had to chase us this many times.",
        "I can tell how worried you are.",
        "I know the deadline's hanging over you.",
        "Three whole days sat at home waiting.",
    ],
)
def test_round5_acknowledgements_pass_person(reply: str) -> None:
    assert person.detect(clean(reply)).passed


@pytest.mark.parametrize(
    "reply",
    [
        "Sorry if this has upset you.",
        "How can I help?",
        "I can tell you the order number.",
        "What a day for the courier to be late, ha.",
    ],
)
def test_round5_person_patterns_leave_these_alone(reply: str) -> None:
    assert not person.detect(clean(reply)).passed


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

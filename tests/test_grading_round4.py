"""Round 4: job failures worded without the older marker words, found by error analysis on the
fit rows only (train, test, adversarial fit lines, heldout2, heldout3), plus the data use.

Examples are written for these tests (not copied from the data). Every round-4 job pattern must
be hit by at least one failing example below (checked pattern by pattern), and the near misses
(neutral facts, next steps, open-door refusals, sympathy) must keep the step.
"""

from __future__ import annotations

import pytest
from grading_rounds import examples_hit, job_kinds, pattern_cases

from trainer.grading import job, person
from trainer.grading.text import clean
from trainer.grading.train import FIT_HELDOUT, data_sets

FAILS: list[tuple[str, str]] = [
    ("The returns team are a couple of weeks behind at the moment.", "explaining_cause"),
    ("The depot had a power cut on Monday.", "explaining_cause"),
    ("Our drivers are on a tight route so sometimes they skip a street.", "explaining_cause"),
    ("Call volumes are very high today.", "explaining_cause"),
    ("The train was cancelled for operational reasons.", "explaining_cause"),
    ("It might just be a glitch.", "explaining_cause"),
    ("The reminder is sent automatically.", "explaining_cause"),
    ("The balance went after an automatic merge.", "explaining_cause"),
    ("It was frozen, they do that when lots of taps go through.", "explaining_cause"),
    ("Your card was stopped for suspicious activity.", "explaining_cause"),
    ("The figure came from a system default.", "explaining_cause"),
    ("The fault's probably in the street box.", "explaining_cause"),
    ("The report says the seal had gone, so it is wear and tear.", "explaining_cause"),
    ("basically the order was placed after the cut-off", "explaining_cause"),
    ("Our fitters have other customers too.", "explaining_cause"),
    ("The fraud filter flagged the payments at the bar.", "explaining_cause"),
    ("A drop like that usually means a noisy line.", "explaining_cause"),
    ("Evening congestion can cause drops like that.", "explaining_cause"),
    ("You merged the cards, which would do it.", "explaining_cause"),
    ("The kit in the street is old, which is likely why it cuts out.", "explaining_cause"),
    ("The bill is based on last year's usage.", "explaining_cause"),
    ("When there's no reading we estimate.", "explaining_cause"),
    ("It's high because nobody has read the meter.", "explaining_cause"),
    ("It'll be the cabinet at the end of the road.", "explaining_cause"),
    ("It's the security system, it locks after three tries.", "explaining_cause"),
    ("It's a banking thing, I'm afraid.", "explaining_cause"),
    ("We've had a lot of cancellations this morning.", "explaining_cause"),
    ("We're two engineers down this week.", "explaining_cause"),
    ("The new till has had teething problems.", "explaining_cause"),
    ("Honestly it's been manic in here.", "explaining_cause"),
    ("That range has had problems with the stitching.", "explaining_cause"),
    ("That delivery had a bad run of faulty lids.", "explaining_cause"),
    ("It could be the old wiring in the house.", "explaining_cause"),
    ("That may well be what happened.", "explaining_cause"),
    ("The leak is most likely down to an old joint.", "explaining_cause"),
    ("It's completely normal for winter bills.", "defending_company"),
    ("Our boxes are industry standard.", "defending_company"),
    ("These things do happen with parcels.", "defending_company"),
    ("Things like this happen in the busy season.", "defending_company"),
    ("Delays happen from time to time.", "defending_company"),
    ("The strike was beyond our control.", "defending_company"),
    ("The block is for your own protection.", "defending_company"),
    ("Those checks are there to protect you.", "defending_company"),
    ("Our drivers always knock twice.", "defending_company"),
    ("We were voted the best in the region.", "defending_company"),
    ("That is really unusual for this model.", "defending_company"),
    ("I've never had a complaint about them.", "defending_company"),
    ("The boots are made to a very high standard.", "defending_company"),
    ("We've been trading since 1970.", "defending_company"),
    ("Check all you like, we have nothing to hide.", "defending_company"),
    ("We're not all like that here.", "defending_company"),
    ("Most people on your street have no problems.", "defending_company"),
    ("You should have sent the form back.", "blaming_customer"),
    ("You really should keep the receipt.", "blaming_customer"),
    ("The only thing is, you moved the date yourself.", "blaming_customer"),
    ("You must have misheard the time.", "blaming_customer"),
    ("You linked them by mistake, which locks the points.", "blaming_customer"),
    ("You chose the basic cover.", "blaming_customer"),
    ("Were you definitely home all day?", "blaming_customer"),
    ("You should always check the size chart.", "blaming_customer"),
    ("You could have noticed the date on the ticket.", "blaming_customer"),
    ("Using a third-party charger voids support.", "blaming_customer"),
    ("That's the courier's fault, not ours.", "blaming_colleague"),
    ("It's the delivery crew who lost it.", "blaming_colleague"),
    ("That was my colleague messing about.", "blaming_colleague"),
    ("The planners again, they never update the rota.", "blaming_colleague"),
    ("Someone keyed your tariff in wrongly.", "blaming_colleague"),
    ("Other banks have the same problem.", "blaming_colleague"),
    ("No, they wouldn't do that.", "arguing"),
    ("You won't have been charged twice.", "arguing"),
    ("I am hearing you, I'm going through it.", "arguing"),
    ("Our system doesn't show any call from you.", "arguing"),
    ("Do you want the refund or not?", "arguing"),
    ("Can't you just use the other door?", "arguing"),
    ("Nobody's doubting you, sir.", "arguing"),
    ("Nobody here would laugh at a customer.", "arguing"),
    ("I'm not saying you lied.", "arguing"),
    ("I'm just going by the engineer's report.", "arguing"),
    ("That wasn't aimed at you.", "arguing"),
    ("It's not as simple as that.", "arguing"),
    ("If only it were that simple!", "arguing"),
    ("I wouldn't go that far.", "arguing"),
    ("Well, not always, no.", "arguing"),
    ("It's not a scam, it's an estimate.", "arguing"),
    ("We don't make numbers up.", "arguing"),
    ("I know exactly what I'm talking about.", "arguing"),
    ("I've had full training on this.", "arguing"),
    ("I'm a fully trained adviser.", "arguing"),
    ("I did explain the timescale.", "arguing"),
    ("I already told you the date.", "arguing"),
    ("For your information, I was at my desk.", "arguing"),
    ("I'd ask you not to shout.", "arguing"),
    ("I'm sure she didn't mean it.", "arguing"),
    ("The line tests fine from our end.", "arguing"),
    ("You'll find our terms cover that.", "arguing"),
    ("The driver's notes say nobody answered.", "arguing"),
    ("The courier marked it as no access.", "arguing"),
    ("The system shows zero on your card.", "arguing"),
    ("There's nobody above me today.", "arguing"),
    ("I'm the most senior person on shift.", "arguing"),
    ("It's me or no one, I'm afraid.", "arguing"),
    ("Come on then.", "counter_threat"),
    ("Fine. I'll be waiting.", "counter_threat"),
    ("Then don't blame us when it fails.", "counter_threat"),
    ("We have lawyers too.", "counter_threat"),
    ("Go ahead.", "counter_threat"),
    ("Go ahead, we keep recordings.", "counter_threat"),
    ("Please do, sir.", "counter_threat"),
    ("Shout at me again and I'm hanging up.", "counter_threat"),
    ("If it's late we'll add interest.", "counter_threat"),
    ("There is a termination fee.", "counter_threat"),
    ("Just so you're aware, calls are recorded.", "counter_threat"),
    ("The review takes a month, just so you know.", "counter_threat"),
    ("Good luck finding a cheaper deal.", "counter_threat"),
    ("Our policy is on the website.", "policy_wall"),
    ("You're right, within the limits of the warranty.", "policy_wall"),
    ("Thirty-one days is outside the return window.", "policy_wall"),
    ("Readings have to be checked by one of our staff.", "policy_wall"),
    ("Two hundred pounds is my limit.", "policy_wall"),
    ("A voucher is the only option I have.", "policy_wall"),
    ("Refund or rebooking, and that's all there is.", "policy_wall"),
    ("We have to go by the report.", "policy_wall"),
    ("I'm only allowed to credit fifty pounds.", "policy_wall"),
    ("Opening it voids the warranty.", "policy_wall"),
    ("You still pay regardless of the outage.", "policy_wall"),
    ("You're bound by the contract.", "policy_wall"),
    ("Our terms cover that situation.", "policy_wall"),
    ("Same-day visits are only for gold plan customers.", "policy_wall"),
    ("Refunds aren't given after the trip.", "policy_wall"),
    ("They won't look at it until eight weeks have passed.", "policy_wall"),
    ("The weather isn't something we're responsible for.", "policy_wall"),
    ("We cannot accept liability for that.", "policy_wall"),
    ("Refunds take five to seven days.", "policy_wall"),
    ("It takes a week whatever I do.", "policy_wall"),
    ("The rule is one claim per year.", "policy_wall"),
    ("I can't stop that charge.", "policy_wall"),
    ("I must advise you that the claim is closed.", "policy_wall"),
    ("My supervisor will say the same.", "policy_wall"),
    ("Slots are allocated by the depot.", "policy_wall"),
    ("I'm sure you understand we need proof.", "policy_wall"),
    ("The limit is there so that stock stays fair.", "policy_wall"),
    ("It is what it is.", "policy_wall"),
    ("Only the fraud team can lift it.", "not_my_department"),
    ("The claims team have to answer that.", "not_my_department"),
    ("I'll give you their number.", "not_my_department"),
    ("I can give you the ombudsman's address.", "not_my_department"),
    ("Sorry, it's not up to me.", "not_my_department"),
    ("I only answer the phones.", "not_my_department"),
    ("I'm not a technician.", "not_my_department"),
    ("The bill is all I can deal with.", "not_my_department"),
    ("Only the router is mine to deal with.", "not_my_department"),
    ("You'll have to put it in writing.", "not_my_department"),
    ("You can rebook online.", "not_my_department"),
    ("I'll take the bill, the other two are for another office.", "not_my_department"),
    ("The refund is for the billing team.", "not_my_department"),
    ("Give them a ring on Monday.", "not_my_department"),
    ("Speak to the desk staff when they open.", "not_my_department"),
    ("The desk opens at six, so ring back then.", "call_us_back"),
    ("If you change your mind you can always call us.", "call_us_back"),
    ("You're entitled to complain.", "gives_up"),
    ("OK, thanks for calling.", "gives_up"),
    ("Right, have a good day, sir.", "gives_up"),
    ("Well, that's up to you.", "gives_up"),
    ("Up to you.", "gives_up"),
    ("Your choice.", "gives_up"),
    ("Alright, if you're happy to wait.", "gives_up"),
    ("Fine by me.", "gives_up"),
    ("OK, I'll put the cancellation through.", "gives_up"),
    ("I'll send you the address for the ombudsman.", "gives_up"),
    ("No problem. Anything else?", "gives_up"),
    ("Before you go, we have a new broadband deal.", "upsell"),
    ("There's a loyalty offer on this month.", "upsell"),
]

KEEPS = [
    # neutral facts about the account and next steps
    "I can see two payments of £42 on the 3rd.",
    "The order shows as delivered at 14:02, and I'm going to find out where it went.",
    "I'll book an engineer to the cabinet today. Would the morning suit you?",
    "I've started the refund now; it usually reaches you in a few days.",
    "The refund is on its way and I'll email you the reference.",
    "Our engineer can come on Thursday. Would that work?",
    "I'll get the security team to lift the block right now.",
    "Let me put those points back on your card.",
    # open-door refusals and offers
    "I'm not able to do that. Shall we get your parcel back?",
    "I can't promise Friday, but I can ask my manager to push it. Shall I?",
    "The standard window is 30 days, and I can ask my supervisor for an exception. Shall I do that?",
    "Would a call back in five minutes be easier?",
    "Shall I give you a ring back this evening?",
    # sympathy and ownership
    "That's completely normal to feel after a day like that, I'm so sorry.",
    "You should have been told about the delay, and I'm sorry you weren't.",
    "You shouldn't have had to chase this. What would help most?",
    "You should have a refund by Friday, and I'll ring you to check.",
    "I'm so sorry, Mrs Pryce, that must have been worrying. Can you read me the letter?",
    "I'm not an engineer, but I can see you've lost two weeks and I'll get one booked.",
    "Nobody's accusing you of anything, and I'm sorry it's come to this.",
    "Sorry, you did say that. What's the reading, and shall I rebill on it?",
    "Is there anything else I can help with today?",
    "It's up to you which we do first: the refund or the visit?",
    "Thanks for calling, and I'm sorry about all this. What would put it right?",
    "Please go ahead and tell me what happened.",
    "Refund or replacement, whichever you'd prefer. Which would help?",
    "I'll be here until it's sorted, Mr Bellamy.",
    "Your account is up to date and nothing else is owed.",
    "Which item is missing?",
    "I completely get why you're annoyed; you've been let down twice.",
]


@pytest.mark.parametrize(("reply", "kind"), FAILS)
def test_round4_job_failures(reply: str, kind: str) -> None:
    assert kind in job_kinds(reply)


@pytest.mark.parametrize("reply", KEEPS)
def test_round4_near_misses_keep_job(reply: str) -> None:
    assert job.detect(clean(reply)).passed, job_kinds(reply)


@pytest.mark.parametrize(
    ("kind", "pattern"),
    pattern_cases(job._ROUND4),
)
def test_every_round4_pattern_has_a_failing_example(kind: str, pattern: str) -> None:
    assert examples_hit(FAILS, kind, pattern), f"no example for {kind}: {pattern}"


def test_round4_patterns_are_merged_into_the_table() -> None:
    kinds = {kind for kind, _ in job._NEGATIVE}
    assert set(job._ROUND4) <= kinds
    n_round4 = sum(len(p) for p in job._ROUND4.values())
    n_round5 = sum(len(p) for p in job._ROUND5.values())
    n_round6 = sum(len(p) for p in job._ROUND6.values())
    n_base = sum(len(p) for p in job._BASE_NEGATIVE.values())
    assert len(job._NEGATIVE) == n_base + n_round4 + n_round5 + n_round6


def test_old_heldout_sets_are_fit_data_and_the_new_ones_are_never_read(tmp_path) -> None:  # type: ignore[no-untyped-def]
    row = (
        '{{"id": "{i}", "line": "{line}", "reply": "Sorry.", "split": "{split}", "labels": {{}}}}\n'
    )
    (tmp_path / "replies.jsonl").write_text(
        row.format(i="r1", line="cl1", split="train") + row.format(i="r2", line="cl2", split="dev")
    )
    for name in FIT_HELDOUT:
        (tmp_path / f"{name}.jsonl").write_text(row.format(i=name, line=name, split=name))
    for unseen in ("heldout6", "heldout7"):
        (tmp_path / f"{unseen}.jsonl").write_text("not json: must never be opened\n")
    sets = data_sets(tmp_path, 1234)
    assert sorted(r["id"] for r in sets["heldout_fit"]) == sorted(FIT_HELDOUT)
    assert {"heldout4", "heldout5"} <= set(FIT_HELDOUT)
    assert not {"heldout6", "heldout7"} & set(FIT_HELDOUT)
    assert [r["id"] for r in sets["dev"]] == ["r2"]


# -- person -------------------------------------------------------------------------------------

PERSON_PASSES = [
    "Having your card refused at the counter is mortifying.",
    "That must have given you a real fright.",
    "You must be shattered after a night like that.",
    "Losing a week's takings is a huge hit for a small shop.",
    "Every hour it's down is money walking out the door.",
    "And you're the one left short while we sort it.",
    "You must be at the end of your rope by now.",
    "You'll be tearing your hair out by now, I'd imagine.",
    "That's a great deal to cope with at once.",
    "It's been a nightmare for you, hasn't it.",
    "Declined in front of your friends, proper embarrassing.",
    "I can hear how much this has worn on you.",
    "Charging you for our mess would be adding insult to injury.",
    "Of course it feels like too much with two letters saying different things.",
    "I'd want the top person on the line too.",
    "Three days without the van must be costing you.",
    "I completely understand why, after four calls.",
]

PERSON_NEUTRAL = [
    "I've got the account open here.",
    "What a day for the engineer to be late.",
    "I'll want the meter reading too.",
    "I understand why we charged that fee.",
    "The refund is a one-off credit.",
    "Of course, it's on its way.",
]


@pytest.mark.parametrize("reply", PERSON_PASSES)
def test_round4_acknowledgements_pass_person(reply: str) -> None:
    assert person.detect(clean(reply)).passed


@pytest.mark.parametrize("reply", PERSON_NEUTRAL)
def test_round4_person_patterns_leave_these_alone(reply: str) -> None:
    assert not person.detect(clean(reply)).positives

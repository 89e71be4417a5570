"""What the customer hears offered: rules in context, meaning, and reference to their ask.

Regressions from issue 12:
- "Shall I go ahead with that now?" right after the customer said what they want was not
  heard as agreeing to it;
- "the 06:40 is full, that's just how it is... partner airline, if you're lucky" counted as a
  remedy and the caller said "Yes. Book it.";
- "refund" inside "our policy clearly states that refunds take 10 working days" counted as
  `remedy_offered`.
"""

from __future__ import annotations

import pytest

from trainer.grading import Grader
from trainer.grading.craft import remedies
from trainer.grading.offer_cues import blocked, blocked_at, clauses, is_offer
from trainer.library import Library
from trainer.models.grade import GradeContext
from trainer.models.scenario import Scenario
from trainer.session import GraderLike, Session
from trainer.simulation.hearing import hear
from trainer.simulation.offers import OfferReader, embed_alone, encoder_of

FULL_0640 = (
    "I'm sorry. The 06:40 is full, that's just how it is... partner airline, if you're lucky."
)
POLICY_REFUND = "Our policy clearly states that refunds take 10 working days."


@pytest.fixture(scope="session")
def grader() -> GraderLike:
    from trainer.grading import get_grader

    loaded: GraderLike = get_grader()
    return loaded


# Rules: a remedy word only counts where its clause offers it -------------------------------


@pytest.mark.parametrize(
    ("text", "why"),
    [
        (POLICY_REFUND, "policy"),
        ("The 06:40 is full, that's just how it is", "refusal"),
        ("partner airline, if you're lucky.", "condition"),
        ("You could try the desk for a hotel.", "deflection"),
        ("I can't refund the ticket.", "negation"),
        ("That can't be refunded, I'm afraid.", "negation"),
        ("The direct debit can't be changed until the review.", "negation"),
        ("Refunds take ten days to arrive.", "process"),
    ],
)
def test_remedy_words_inside_refusals_policies_and_conditions_are_blocked(
    text: str, why: str
) -> None:
    assert blocked(text) == why


@pytest.mark.parametrize(
    "text",
    [
        "Shall I refund the £42 now?",
        "No problem, I'll refund it today.",
        "I'll refund it today so you're not out of pocket.",
        "I'll make sure you don't pay the excess.",
        "Would it help if I swapped it for one that isn't faulty?",
        "You won't pay for the days it's been down.",
        "If it can't be found, I'll open a claim.",
        "Let me wipe the did-not-attend note off your file.",
    ],
)
def test_offers_with_a_negative_word_elsewhere_still_count(text: str) -> None:
    assert blocked(text) == ""


def test_a_refusal_then_an_offer_splits_into_clauses() -> None:
    text = "I can't refund the ticket, but I can rebook you on the first flight."
    parts = [c for _at, c in clauses(text)]
    assert parts == ["I can't refund the ticket", "I can rebook you on the first flight."]
    assert blocked_at(text, text.index("refund")) == "negation"
    assert blocked_at(text, text.index("rebook")) == ""
    assert is_offer(parts[1])


def test_policy_statement_is_not_remedy_offered(bundled: Library, lexical: Grader) -> None:
    scenario = bundled.scenario("double-billed")
    assert remedies(POLICY_REFUND, scenario) == ([], [])
    grade = lexical.grade(POLICY_REFUND, GradeContext(scenario=scenario))
    assert "remedy_offered" not in grade.flags and grade.remedies_offered == []
    # Still heard when it is offered.
    offer = lexical.grade("I'll refund the duplicate today.", GradeContext(scenario=scenario))
    assert offer.remedies_offered == ["refund_duplicate"]


def test_a_remedy_limit_applies_to_the_sum_offered_with_it(bundled: Library) -> None:
    scenario = bundled.scenario("double-billed")
    # Found in a tmux drive: the £42.50 refund pushed the £25 overdraft-fee offer "over its
    # limit", and the customer heard a forbidden promise.
    both = (
        "I've refunded the duplicate £42.50 just now; it will be back by Friday. "
        "Would you also like me to cover the overdraft fee?"
    )
    assert remedies(both, scenario) == (["refund_duplicate", "cover_overdraft_fee"], [])
    offered, forbidden = remedies("I can cover the £40 overdraft fee for you.", scenario)
    assert offered == [] and forbidden and "over the limit of 25" in forbidden[0]


def test_full_flight_is_not_a_rebooking(bundled: Library, grader: GraderLike) -> None:
    scenario = bundled.scenario("cancelled-flight")
    assert remedies(FULL_0640, scenario)[0] == []
    reader = OfferReader(scenario, encoder_of(grader))
    reading = reader.read(FULL_0640, None, hear(FULL_0640), scenario.wanted())
    assert reading.offered == []
    assert "rebook_first" in {r.id for r in reading.refused}


def test_full_flight_reply_is_never_accepted(bundled: Library, grader: GraderLike) -> None:
    persona = bundled.persona("stranded-traveller")
    scenario = bundled.scenario("cancelled-flight")
    for seed in range(5):
        session = Session(persona, scenario, grader=grader, seed=seed)
        session.reply("I'm so sorry, Jordan. What do you need most right now?")
        turn = session.reply(FULL_0640)
        assert turn.move not in {"accept", "confirm"}, (seed, turn.customer_next)
        assert "Book it" not in turn.customer_next
        assert turn.mood.anger >= session.record.turns[0].mood.anger


# Reference: agreement that points back at what they asked for ------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Shall I go ahead with that now?",
        "I'll do exactly that for you, right now.",
        "Yes, I can do both.",
        "Let me sort that out for you straight away.",
        "Consider it done.",
    ],
)
def test_agreement_points_back_at_what_they_asked_for(bundled: Library, text: str) -> None:
    scenario = bundled.scenario("cancelled-flight")
    reader = OfferReader(scenario)  # rules and reference only
    reading = reader.read(text, None, hear(text), scenario.wanted())
    assert {r.id for r in reading.offered} == {"rebook_first", "hotel_tonight"}
    assert set(reading.how.values()) == {"reference"}
    # With nothing asked for yet, agreement offers nothing.
    assert reader.read(text, None, hear(text), []).offered == []


@pytest.mark.parametrize(
    "text",
    ["What can I do to put this right?", "I can't do that, sorry.", "I'm sorry. That's awful."],
)
def test_questions_refusals_and_sympathy_are_not_agreement(text: str) -> None:
    assert not hear(text).agrees


def test_go_ahead_after_the_want_resolves_the_call(bundled: Library, grader: GraderLike) -> None:
    # Regression: "Shall I go ahead with that now?" was not heard as agreeing.
    persona = bundled.persona("billing-leaver")
    scenario = bundled.scenario("double-billed")
    session = Session(persona, scenario, grader=grader, seed=1)
    first = session.reply(
        "I'm really sorry this happened to you, Mrs Raman. That sounds awful. Tell me what you "
        "need and I'll see what I can do."
    )
    assert first.move == "state_want"
    second = session.reply("Okay, I hear you. Shall I go ahead with that now?")
    assert second.move in {"accept", "confirm", "test"}
    assert session.customer.memory.offered == ["refund_duplicate"]


# Meaning -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("scenario_id", "text", "remedy"),
    [
        ("cancelled-flight", "Let me get you onto a morning plane to Edinburgh.", "rebook_first"),
        ("cancelled-flight", "I'll find you a bed near the airport tonight.", "hotel_tonight"),
        (
            "double-billed",
            "I'll send that second payment straight back to you.",
            "refund_duplicate",
        ),
        ("card-declined-at-bar", "I can get your card working again now.", "unblock_card"),
    ],
)
def test_offers_in_plain_words_are_heard_by_meaning(
    bundled: Library, grader: GraderLike, scenario_id: str, text: str, remedy: str
) -> None:
    scenario = bundled.scenario(scenario_id)
    assert remedies(text, scenario)[0] == []  # no keyword: only meaning can hear it
    reading = OfferReader(scenario, encoder_of(grader)).read(text, None, hear(text), [])
    assert reading.how.get(remedy) == "meaning", reading


def test_lexical_grader_means_rules_and_reference_only(bundled: Library) -> None:
    scenario = bundled.scenario("cancelled-flight")
    text = "Let me get you onto a morning plane to Edinburgh."
    assert encoder_of(Grader())() is None
    assert (
        OfferReader(scenario, encoder_of(Grader())).read(text, None, hear(text), []).offered == []
    )


def test_a_reply_is_embedded_alone_and_the_same_every_time(grader: GraderLike) -> None:
    encoder = encoder_of(grader)()
    assert encoder is not None
    text = "I'll book you a seat on the first flight out."
    alone = embed_alone(encoder, text)
    # The grader's own batches scale int8 activations per batch: a batch gives other numbers.
    batch = encoder._run([text, "A much longer sentence to pad the batch out " * 3])[0]
    assert (alone == embed_alone(encoder, text)).all()
    assert not (alone == batch).all()


def test_every_remedy_example_is_heard_and_no_near_miss_is(
    bundled: Library, grader: GraderLike
) -> None:
    from trainer.simulation.examples import run_offer_examples

    result = run_offer_examples(bundled, grader)
    assert result.failures == []
    assert result.unchecked == []
    total = sum(len(r.examples) for e in bundled.scenarios.values() for r in e.item.remedies) + sum(
        len(e.item.near_misses) for e in bundled.scenarios.values()
    )
    assert result.checked == total


def scenario_without(scenario: Scenario) -> Scenario:
    return scenario.model_copy(
        update={"remedies": [r.model_copy(update={"asked_for": False}) for r in scenario.remedies]}
    )


def test_wanted_defaults_to_the_most_valuable_remedy(bundled: Library) -> None:
    scenario = bundled.scenario("cancelled-flight")
    assert [r.id for r in scenario.wanted()] == ["rebook_first", "hotel_tonight"]
    assert [r.id for r in scenario_without(scenario).wanted()] == ["rebook_first"]

"""Spaced practice of the weakest step, and the next drill, from seeded histories."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from programme_support import at, bundled_library, call, grade, info

from trainer.models.programme import Programme
from trainer.programme.loader import load_programmes
from trainer.programme.plan import choose_drill, make_plan
from trainer.programme.readiness import RUNG_TRIES, readiness
from trainer.programme.schedule import timetable, upcoming_refreshers
from trainer.programme.skills import HALF_LIFE_DAYS, INTERVALS, choose_step, step_skills

TODAY = date(2027, 3, 1)
START = date(2027, 1, 4)


@pytest.fixture(scope="module")
def programme() -> Programme:
    return load_programmes(bundled_library(), use_env=False).get("new-hire")


def days_ago(n: int, hour: int = 9):  # type: ignore[no-untyped-def]
    return at(TODAY - timedelta(days=n), hour)


# The skill score ----------------------------------------------------------------------------


def test_only_replies_where_the_step_was_due_count() -> None:
    history = [
        call("ana", "double-billed", "billing-leaver", days_ago(1), replies=[
            grade("person job ask", not_due="apology"),
            grade("person job ask", not_due="apology"),
            grade("person job apology ask"),
        ]),
    ]  # fmt: skip
    skills = step_skills(history, TODAY)
    assert skills["apology"].due == 1 and skills["apology"].failures == 0
    assert skills["apology"].score == 1.0
    assert skills["person"].due == 3


def test_recent_verdicts_weigh_more_than_old_ones() -> None:
    old, new = days_ago(30), days_ago(0)
    improving = [
        call("ana", "double-billed", "billing-leaver", old, replies=[grade("job apology ask")]),
        call("ana", "double-billed", "billing-leaver", new, replies=[grade()]),
    ]
    slipping = [
        call("ana", "double-billed", "billing-leaver", old, replies=[grade()]),
        call("ana", "double-billed", "billing-leaver", new, replies=[grade("job apology ask")]),
    ]
    up = step_skills(improving, TODAY)["person"].score
    down = step_skills(slipping, TODAY)["person"].score
    assert up is not None and down is not None
    # one pass and one failure each; 30 days apart the old verdict weighs 2**-3
    weight = 0.5 ** (30 / HALF_LIFE_DAYS)
    assert up == pytest.approx(1 / (1 + weight))
    assert down == pytest.approx(weight / (1 + weight))


def test_calls_after_today_are_not_read() -> None:
    later = call("ana", "double-billed", "billing-leaver", at(TODAY + timedelta(days=1)),
                 replies=[grade("")])  # fmt: skip
    assert step_skills([later], TODAY)["person"].due == 0


def test_the_weakest_step_is_the_one_recent_failures_show() -> None:
    history = [
        call("ana", "double-billed", "billing-leaver", days_ago(n), replies=[
            grade("person job ask"),  # no apology
            grade("person job apology"),  # no ask
            grade("person job ask"),  # no apology again
        ])
        for n in (1, 3, 5)
    ]  # fmt: skip
    skills = step_skills(history, TODAY)
    choice = choose_step(skills, ["person"], TODAY)
    assert choice is not None and choice.step == "apology" and choice.kind == "weakest"
    assert "missed in 6 of your last 9 replies" in choice.why


def test_ties_go_to_the_earlier_step_of_the_method() -> None:
    history = [call("ana", "double-billed", "billing-leaver", days_ago(1),
                    replies=[grade("person job"), grade("person job")])]  # fmt: skip
    choice = choose_step(step_skills(history, TODAY), [], TODAY)
    assert choice is not None and choice.step == "apology"


# Spaced review of mastered steps ----------------------------------------------------------


def exam(day: date, passed: str = "person job apology ask"):  # type: ignore[no-untyped-def]
    return call("ana", "double-billed", "billing-leaver", at(day), mode="exam",
                replies=[grade(passed)] * 3)  # fmt: skip


def test_a_step_mastered_in_exam_comes_back_after_growing_intervals() -> None:
    day = date(2027, 1, 4)
    history = []
    gaps = []
    for _ in range(4):
        history.append(exam(day))
        skill = step_skills(history, day)["apology"]
        assert skill.review_on is not None
        gaps.append((skill.review_on - day).days)
        assert skill.resting(day) and not skill.review_due(day)
        assert skill.review_due(skill.review_on)
        day = skill.review_on  # passed again the day it comes back
    assert gaps == list(INTERVALS[:4])
    assert gaps == sorted(gaps) and len(set(gaps)) == 4


def test_practising_again_before_the_review_does_not_grow_the_interval() -> None:
    first = date(2027, 1, 4)
    history = [exam(first), exam(first + timedelta(days=1))]
    skill = step_skills(history, first + timedelta(days=1))["ask"]
    assert skill.level == 1 and skill.review_on == first + timedelta(days=INTERVALS[0])


def test_an_exam_call_that_misses_the_step_starts_it_over() -> None:
    first = date(2027, 1, 4)
    history = [exam(first), exam(first + timedelta(days=2)), exam(first + timedelta(days=6), "job")]
    skill = step_skills(history, first + timedelta(days=6))["apology"]
    assert skill.level == 0 and skill.review_on is None
    assert step_skills(history, first + timedelta(days=6))["job"].level == 3


def test_a_resting_step_is_not_drilled_but_comes_back_when_due() -> None:
    first = date(2027, 1, 4)
    history = [exam(first)]
    skills = step_skills(history, first)
    assert choose_step(skills, ["apology"], first) is None  # everything rests
    back = first + timedelta(days=INTERVALS[0])
    choice = choose_step(step_skills(history, back), ["apology"], back)
    assert choice is not None and choice.kind == "review" and choice.step == "person"


def test_a_coach_failure_after_mastery_wakes_the_step_up() -> None:
    first = date(2027, 1, 4)
    slip = call("ana", "double-billed", "billing-leaver", at(first + timedelta(days=1)),
                replies=[grade("person job ask")])  # fmt: skip
    skills = step_skills([exam(first), slip], first + timedelta(days=1))
    assert skills["apology"].level == 1  # the exam mastery stands...
    choice = choose_step(skills, [], first + timedelta(days=1))
    assert choice is not None and choice.step == "apology" and choice.kind == "weakest"


# The next drill ---------------------------------------------------------------------------


def plan_for(programme: Programme, infos, records, today=TODAY):  # type: ignore[no-untyped-def]
    result = readiness(programme, "ana", START, infos, today)
    return make_plan(result, step_skills(records, today), bundled_library())


def test_a_new_trainee_starts_on_the_first_drill_in_coach_mode(programme: Programme) -> None:
    plan = plan_for(programme, [], [], START)
    drill = plan.drill
    assert drill is not None and drill.module is not None
    assert (drill.module.id, drill.scenario, drill.persona, drill.mode) == (
        "rapport",
        "wrong-address-parcel",
        "flirty-caller",
        "coach",
    )
    assert drill.step == "person" and drill.step_kind == "focus"


def test_the_ladder_climbs_on_good_calls_then_turns_to_exam_calls(programme: Programme) -> None:
    rapport = programme.module("rapport")
    infos = []
    seen = []
    for n in range(6):
        plan = plan_for(programme, infos, [], START)
        drill = plan.drill
        assert drill is not None and drill.module is rapport
        seen.append((drill.scenario, drill.mode))
        infos.append(info(drill.scenario, drill.persona, at(START, 9, 5 * n), mode=drill.mode))
    ladder = [(d.scenario, "coach") for d in rapport.drills]
    exams = [(d.scenario, "exam") for d in rapport.drills]  # exam calls go round the drills
    assert seen == ladder + exams
    assert plan_for(programme, infos, [], START).readiness.module("rapport").status == "passed"


def test_a_drill_tried_too_often_without_success_gives_way(programme: Programme) -> None:
    first = programme.module("rapport").drills[0]
    bad = [
        info(first.scenario, first.persona or "", at(START, 9, n), mode="coach", outcome="hung_up")
        for n in range(RUNG_TRIES)
    ]
    assert plan_for(programme, bad[:-1], [], START).drill.scenario == first.scenario  # type: ignore[union-attr]
    moved = plan_for(programme, bad, [], START).drill
    assert moved is not None and moved.rung == 2


def test_seeded_failures_pick_the_step_and_a_free_drill_on_the_caller_who_needs_it(
    programme: Programme,
) -> None:
    # Every module passed long ago (so practice is free), and lately the apology keeps failing.
    infos = []
    for m, module in enumerate(programme.modules):
        for n in range(module.pass_mark.calls):
            d = module.drills[n % len(module.drills)]
            infos.append(info(d.scenario, d.persona or "", at(START + timedelta(days=m), 9, n)))
    records = [
        call("ana", "double-billed", "billing-leaver", days_ago(n),
             replies=[grade("person job ask"), grade("person job apology ask")])
        for n in (1, 2, 4)
    ]  # fmt: skip
    today = upcoming_refreshers(START, programme.schedule, START, 1)[0] - timedelta(days=1)
    records = [r.model_copy(update={"started_at": at(today - timedelta(days=i)).isoformat()})
               for i, r in enumerate(records)]  # fmt: skip
    plan = plan_for(programme, infos, records, today)
    assert plan.readiness.ready
    drill = plan.drill
    assert drill is not None and drill.module is None and drill.mode == "exam"
    assert drill.step == "apology" and drill.step_kind == "weakest"
    library = bundled_library()
    # of every drill in the programme, the caller with the largest need for an apology
    share = {
        d.persona: library.personas[d.persona].item.needs
        for m in programme.modules
        for d in m.drills
        if d.persona
    }
    best = max(v.apology / (v.vent + v.apology + v.compensation) for v in share.values())
    chosen = share[drill.persona]
    assert chosen.apology / (chosen.vent + chosen.apology + chosen.compensation) == best


def test_a_refresher_due_comes_first_and_is_an_exam_call(programme: Programme) -> None:
    infos = []
    for m, module in enumerate(programme.modules):
        for n in range(module.pass_mark.calls):
            d = module.drills[n % len(module.drills)]
            infos.append(info(d.scenario, d.persona or "", at(START + timedelta(days=m), 9, n)))
    refresher = upcoming_refreshers(START, programme.schedule, START, 1)[0]
    plan = plan_for(programme, infos, [], refresher)
    assert [m.module.id for m in plan.refresher_due] == [m.id for m in programme.modules]
    drill = plan.drill
    assert drill is not None and drill.module is programme.modules[0] and drill.mode == "exam"
    assert f"refresher due since {refresher.isoformat()}" in drill.why


def test_todays_module_comes_before_an_earlier_one_left_behind(programme: Programme) -> None:
    slots = timetable(programme, START)
    anger_day = next(s.day for s in slots if s.module is not None and s.module.id == "anger")
    plan = plan_for(programme, [], [], anger_day)
    assert plan.today and plan.today[0].module is not None
    assert plan.drill is not None and plan.drill.module is not None
    assert plan.drill.module.id == "anger"
    assert [m.module.id for m in plan.overdue] == ["rapport", "expectations", "conflict"]
    off_day = anger_day + timedelta(days=1)
    later = plan_for(programme, [], [], off_day)
    assert later.drill is not None and later.drill.module is not None
    assert later.drill.module.id == "rapport"  # no training day: the oldest gap first


def test_choose_drill_needs_no_library(programme: Programme) -> None:
    result = readiness(programme, "ana", START, [], START)
    drill = choose_drill(result, step_skills([], START), timetable(programme, START))
    assert drill is not None and drill.scenario == "wrong-address-parcel"

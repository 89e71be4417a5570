"""Assignments and milestones in the store, on SQLite and PostgreSQL (migration 0004)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

import pytest
from programme_support import at, bundled_library, call
from sqlalchemy import inspect

from trainer.programme.loader import load_programmes
from trainer.programme.readiness import Milestone
from trainer.programme.service import assignment_readiness
from trainer.programme.store import ProgrammeStore
from trainer.store import Store

START = date(2027, 1, 4)


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    with Store.open(db_url) as opened:
        yield opened


def test_the_migration_makes_the_tables(store: Store) -> None:
    tables = set(inspect(store.engine).get_table_names())
    assert {"programme_assignments", "programme_milestones"} <= tables


def test_assign_creates_the_trainee_and_a_new_start_replaces_the_old(store: Store) -> None:
    kept = ProgrammeStore(store)
    assert not kept.trainee_exists("Ana")
    kept.assign("Ana", "new-hire", START, "abc")
    kept.assign("Bo", "new-hire", START)
    kept.assign("Ana", "new-hire", date(2027, 2, 1), "def")
    kept.assign("Ana", "advanced", date(2027, 6, 1))
    assert kept.trainee_exists("Ana")
    got = [(a.trainee, a.programme, a.start, a.programme_hash) for a in kept.assignments()]
    assert got == [
        ("Ana", "advanced", date(2027, 6, 1), ""),
        ("Ana", "new-hire", date(2027, 2, 1), "def"),
        ("Bo", "new-hire", START, ""),
    ]
    assert [a.programme for a in kept.assignments("Bo")] == ["new-hire"]
    assert kept.unassign("Ana", "advanced") and not kept.unassign("Ana", "advanced")


def test_milestones_are_kept_once(store: Store) -> None:
    kept = ProgrammeStore(store)
    kept.assign("Ana", "new-hire", START)
    first = datetime(2027, 1, 4, 9, 0)
    found = [
        Milestone("rapport", "started", first, "s1"),
        Milestone("rapport", "passed", datetime(2027, 1, 5, 9, 30), "s4"),
        Milestone("rapport", "refreshed", datetime(2027, 7, 1, 10, 0), "s9"),
    ]
    assert kept.keep("Ana", "new-hire", found) == 3
    assert kept.keep("Ana", "new-hire", found) == 0
    # a later 'first start' (calls deleted since) does not replace the one kept
    later = [Milestone("rapport", "started", datetime(2027, 2, 1, 9, 0), "s20")]
    assert kept.keep("Ana", "new-hire", later) == 0
    # one refresher a day; another refresher day is new
    again = [
        Milestone("rapport", "refreshed", datetime(2027, 7, 1, 15, 0), "s10"),
        Milestone("rapport", "refreshed", datetime(2027, 10, 1, 10, 0), "s11"),
    ]
    assert kept.keep("Ana", "new-hire", again) == 1
    stored = [(k.milestone.kind, k.milestone.at, k.milestone.session_id) for k in kept.milestones()]
    assert stored[0] == ("started", first, "s1")
    assert [k for k, _, _ in stored] == ["started", "passed", "refreshed", "refreshed"]


def test_a_pass_stays_a_pass_when_the_calls_are_deleted(store: Store) -> None:
    programmes = load_programmes(bundled_library(), use_env=False)
    rapport = programmes.get("new-hire").module("rapport")
    kept = ProgrammeStore(store)
    assignment = kept.assign("Ana", "new-hire", START)
    ids = []
    for n, drill in enumerate([*rapport.drills, *rapport.drills]):
        mode = "coach" if n < len(rapport.drills) else "exam"
        record = call("Ana", drill.scenario, drill.persona or "", at(START, 9, 10 * n), mode=mode)
        ids.append(store.save(record))
    before = assignment_readiness(store, programmes, assignment, START)
    assert before.module("rapport").status == "passed"
    for ident in ids:
        store.delete(ident)
    after = assignment_readiness(store, programmes, assignment, START)
    state = after.module("rapport")
    assert state.status == "passed" and state.calls == 0
    assert state.passed_at == before.module("rapport").passed_at


def test_deleting_a_trainee_removes_their_assignments_and_milestones(store: Store) -> None:
    kept = ProgrammeStore(store)
    kept.assign("Ana", "new-hire", START)
    kept.assign("Bo", "new-hire", START)
    kept.keep("Ana", "new-hire", [Milestone("rapport", "started", datetime(2027, 1, 4, 9), "x")])
    store.save(call("Ana", "double-billed", "billing-leaver", at(START)))
    assert store.delete_trainee("Ana") == 1
    assert [a.trainee for a in kept.assignments()] == ["Bo"]
    assert kept.milestones() == []
    assert not kept.trainee_exists("Ana")


def test_graded_calls_read_the_grades_in_one_go(store: Store) -> None:
    record = call("Ana", "double-billed", "billing-leaver", at(START), mode="exam")
    store.save(record)
    infos = store.sessions("Ana")
    (light,) = ProgrammeStore(store).graded_calls(infos)
    assert light.mode == "exam" and light.id == record.id
    assert [t.grade for t in light.turns] == [t.grade for t in record.turns]

"""The store writes exactly the expected rows, on SQLite and on PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import text
from store_records import Event, grade, record, turn

from trainer.errors import UserError
from trainer.models.record import Attempt, HoldInfo, Mood, SessionRecord
from trainer.store import Store
from trainer.store.engine import default_url


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    with Store.open(db_url) as opened:
        yield opened


def rows(store: Store, sql: str) -> list[tuple[object, ...]]:
    with store.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text(sql)).all()]


def test_scripted_session_writes_exactly_the_expected_rows(store: Store) -> None:
    rec = SessionRecord(persona="ortiz", scenario="double-billed", seed=3, trainee="ana")
    listen = store.recorder()
    listen(Event("started", rec))
    assert rec.id, "the store gives the record an id"
    assert rows(store, "SELECT count(*) FROM turns") == [(0,)]

    first = turn(0, "I'm so sorry, Ms Ortiz.", "person apology", anger=7)
    rec.turns.append(first)
    listen(Event("turn", rec, first))
    hold = HoldInfo(seconds=60, reason="check billing", asked_permission=True, gave_reason=True)
    second = turn(1, "May I put you on hold?", "person job", anger=6, action="hold", hold=hold)
    rec.turns.append(second)
    listen(Event("turn", rec, second))
    # The simulator learns later whether they were thanked on return; the hold turn changes.
    rec.turns[1].hold = hold.model_copy(update={"thanked_on_return": True})
    third = turn(2, "Thanks for holding. What can I do?", anger=3, action="back")
    rec.turns.append(third)
    listen(Event("turn", rec, third))
    rec.outcome = "resolved"
    rec.final_mood = third.mood
    listen(Event("ended", rec, None))

    assert rows(store, "SELECT name FROM trainees") == [("ana",)]
    got = rows(
        store,
        "SELECT id, persona, scenario, seed, mode, outcome, persona_hash, app_version"
        " FROM sessions",
    )
    assert got == [(rec.id, "ortiz", "double-billed", 3, "coach", "resolved", "", "0.1.0")]
    got = rows(
        store,
        "SELECT session_id, idx, action, reply, customer, customer_next FROM turns ORDER BY idx",
    )
    assert got == [
        (rec.id, 0, "reply", "I'm so sorry, Ms Ortiz.", "customer line 0", "customer answer 0"),
        (rec.id, 1, "hold", "May I put you on hold?", "customer line 1", "customer answer 1"),
        (
            rec.id,
            2,
            "back",
            "Thanks for holding. What can I do?",
            "customer line 2",
            "customer answer 2",
        ),
    ]
    assert rows(store, "SELECT count(*) FROM attempts") == [(0,)]
    loaded = store.load(rec.id)
    assert loaded.turns[1].hold is not None
    assert loaded.turns[1].hold.thanked_on_return is True
    assert loaded.model_dump(exclude={"started_at", "ended_at"}) == rec.model_dump(
        exclude={"started_at", "ended_at"}
    )
    assert loaded.ended_at, "ending the call stamps the end time"


def test_each_turn_is_stored_before_the_next_one_starts(store: Store) -> None:
    rec = SessionRecord(persona="ortiz", scenario="double-billed", seed=1, trainee="bo")
    listen = store.recorder()
    listen(Event("started", rec))
    for i in range(4):
        t = turn(i, f"reply {i}")
        rec.turns.append(t)
        listen(Event("turn", rec, t))
        assert rows(store, "SELECT count(*) FROM turns") == [(i + 1,)]
        # A second, independent connection sees it: it is committed, not just flushed.
        with Store.open(store.url) as other:
            assert len(other.load(rec.id).turns) == i + 1


def test_rewind_moves_the_turn_to_attempts_and_keeps_it(store: Store) -> None:
    rec = SessionRecord(persona="ortiz", scenario="double-billed", seed=1, trainee="cy")
    listen = store.recorder()
    listen(Event("started", rec))
    for i, reply in enumerate(["sorry", "calm down"]):
        t = turn(i, reply, "apology" if i == 0 else "")
        rec.turns.append(t)
        listen(Event("turn", rec, t))
    dropped = rec.turns.pop()
    listen(Event("rewound", rec, dropped))
    assert rows(store, "SELECT idx FROM turns ORDER BY idx") == [(0,)]
    assert rows(store, "SELECT turn_idx, seq, reply FROM attempts") == [(1, 0, "calm down")]
    # The retry carries the rewound try in `attempts`, as the Session keeps it.
    retry = turn(1, "I'm sorry, that's awful. What can I do?")
    retry.attempts = [
        Attempt(
            reply="calm down",
            grade=dropped.grade,
            mood=dropped.mood,
            customer_next=dropped.customer_next,
        )
    ]
    rec.turns.append(retry)
    listen(Event("turn", rec, retry))
    assert rows(store, "SELECT turn_idx, seq, reply FROM attempts") == [(1, 0, "calm down")]
    loaded = store.load(rec.id)
    assert [a.reply for a in loaded.turns[1].attempts] == ["calm down"]
    assert loaded.turns[1].reply.startswith("I'm sorry")


def test_resuming_with_a_fresh_recorder_duplicates_nothing(store: Store) -> None:
    rec = record("dee", outcome=None, steps=["person", "job"])
    listen = store.recorder()
    listen(Event("started", rec))
    # The process dies; a new one replays the record and carries on.
    resumed = store.load(rec.id)
    again = store.recorder()
    again(Event("started", resumed))
    t = turn(2, "sorry, what can I do?")
    resumed.turns.append(t)
    again(Event("turn", resumed, t))
    assert rows(store, "SELECT idx FROM turns ORDER BY idx") == [(0,), (1,), (2,)]
    assert rows(store, "SELECT count(*) FROM sessions") == [(1,)]
    assert [s.id for s in store.unfinished()] == [rec.id]


def test_history_listing_filters_and_rates(store: Store) -> None:
    a1 = record("ana", started_at="2026-10-01T09:00:00+00:00", steps=["person job", "person"])
    a2 = record("ana", started_at="2026-11-02T09:00:00+00:00", outcome="churned", steps=[])
    b1 = record("bo", started_at="2026-10-15T10:00:00+00:00", steps=["ask"])
    for rec in (a2, b1, a1):
        store.save(rec)
    assert [s.id for s in store.sessions()] == [a1.id, b1.id, a2.id]
    ana = store.sessions(trainee="ana")
    assert [s.id for s in ana] == [a1.id, a2.id]
    assert ana[0].steps == {"person": 1.0, "job": 0.5, "apology": 0.0, "ask": 0.0}
    assert ana[0].turns == 2 and ana[0].replies == 2
    assert ana[1].steps == {"person": None, "job": None, "apology": None, "ask": None}
    assert [s.id for s in store.sessions(since=datetime(2026, 10, 10))] == [b1.id, a2.id]
    assert store.trainees() == ["ana", "bo"]
    js = ana[0].to_json()
    assert {"id", "trainee", "started_at", "persona", "scenario", "outcome", "steps"} <= set(js)
    assert js["started_at"] == "2026-10-01T09:00:00+00:00"


def test_ids_resolve_by_unique_prefix(store: Store) -> None:
    rec = record()
    rec.id = "abc123def456"
    store.save(rec)
    other = record()
    other.id = "abd999999999"
    store.save(other)
    assert store.resolve("abc") == "abc123def456"
    with pytest.raises(UserError, match="ambiguous"):
        store.resolve("ab")
    with pytest.raises(UserError, match="no session 'zzz'"):
        store.load("zzz")
    with pytest.raises(UserError, match="no session"):
        store.resolve("a%")


def test_delete_one_session_and_a_whole_trainee(store: Store) -> None:
    keep = store.save(record("ana"))
    gone = store.save(record("ana"))
    bo1 = store.save(record("bo"))
    store.save(record("bo"))
    store.delete(gone)
    assert [s.id for s in store.sessions()] == [keep, bo1] or {s.id for s in store.sessions()} >= {
        keep,
        bo1,
    }
    assert rows(store, f"SELECT count(*) FROM turns WHERE session_id = '{gone}'") == [(0,)]
    assert store.delete_trainee("bo") == 2
    assert [s.trainee for s in store.sessions()] == ["ana"]
    assert rows(store, "SELECT name FROM trainees") == [("ana",)]
    assert rows(store, "SELECT count(*) FROM turns") == [(1,)]
    with pytest.raises(UserError, match="no trainee 'bo'"):
        store.delete_trainee("bo")


def test_schema_is_at_the_newest_migration_and_reopening_is_harmless(db_url: str) -> None:
    with Store.open(db_url) as first:
        rec_id = first.save(record())
    with Store.open(db_url) as second:
        assert rows(second, "SELECT version_num FROM alembic_version") == [("0004",)]
        assert second.load(rec_id).turns


def test_a_database_from_a_newer_version_is_refused(db_url: str) -> None:
    with Store.open(db_url) as first, first.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(UserError, match="newer deescalate"):
        Store.open(db_url)


def test_default_location_follows_the_environment(
    isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert default_url() == f"sqlite:///{isolated_home / 'deescalate.db'}"
    with Store.open() as opened:
        opened.save(record())
    assert (isolated_home / "deescalate.db").is_file()
    with opened.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    monkeypatch.setenv("DEESCALATE_DB", "sqlite:///elsewhere.db")
    assert default_url() == "sqlite:///elsewhere.db"


def test_the_recorder_reports_failures_and_catches_up(tmp_path: Path) -> None:
    with Store.open(f"sqlite:///{tmp_path / 'r.db'}", busy_timeout=0.05) as store:
        rec = SessionRecord(persona="p", scenario="s", seed=1, trainee="t")
        errors: list[UserError] = []
        listen = store.recorder(on_error=errors.append)
        listen(Event("started", rec))
        blocker = store.engine.raw_connection()
        blocker.execute("BEGIN IMMEDIATE")  # type: ignore[attr-defined]
        try:
            rec.turns.append(turn(0, "sorry"))
            listen(Event("turn", rec, rec.turns[0]))
        finally:
            blocker.rollback()
            blocker.close()
        assert len(errors) == 1 and "locked" in str(errors[0])
        rec.turns.append(turn(1, "what can I do?"))
        listen(Event("turn", rec, rec.turns[1]))
        assert [t.reply for t in store.load(rec.id).turns] == ["sorry", "what can I do?"]
        assert listen.error is None


def test_grade_and_mood_json_survive_exactly(store: Store) -> None:
    rec = record(steps=[])
    g = grade("person ask", flags=("calm_down", "name_used"))
    rec.turns.append(
        turn(0, "Calm down, Ms Ortiz.", "person ask", flags=("calm_down", "name_used"))
    )
    rec.turns[0].mood = Mood(anger=9.5, trust=0.12, patience=1.25, vent=0.3)
    store.save(rec)
    loaded = store.load(rec.id).turns[0]
    assert loaded.grade == g
    assert loaded.mood == rec.turns[0].mood


def test_abandon_marks_only_an_unfinished_call(tmp_path: Path) -> None:

    with Store.open(f"sqlite:///{tmp_path / 'a.db'}") as store:
        open_call = SessionRecord(persona="p", scenario="s", seed=1, trainee="t")
        done_call = SessionRecord(
            persona="p", scenario="s", seed=2, trainee="t", outcome="resolved"
        )
        open_id, done_id = store.save(open_call), store.save(done_call)
        assert [i.id for i in store.unfinished("t")] == [open_id]
        store.abandon(open_id)
        store.abandon(done_id)
        assert store.unfinished("t") == []
        assert store.load(open_id).outcome == "abandoned"
        assert store.load(open_id).ended_at
        assert store.load(done_id).outcome == "resolved"

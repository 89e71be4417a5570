"""Several trainees practising at once against one database lose or mix nothing."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

from store_records import Event, turn

from trainer.models.record import SessionRecord
from trainer.store import Store

WRITERS = 8
TURNS = 50


def play(url: str, trainee: str, results: dict[str, str], errors: list[BaseException]) -> None:
    try:
        with Store.open(url) as store:
            rec = SessionRecord(persona="ortiz", scenario="double-billed", seed=1, trainee=trainee)
            listen = store.recorder()
            listen(Event("started", rec))
            for i in range(TURNS):
                t = turn(i, f"{trainee} reply {i}")
                rec.turns.append(t)
                listen(Event("turn", rec, t))
            rec.outcome = "resolved"
            listen(Event("ended", rec))
            results[trainee] = rec.id
    except BaseException as exc:  # collected and re-raised in the test thread
        errors.append(exc)


def check(url: str, ids: dict[str, str]) -> None:
    assert len(ids) == WRITERS
    with Store.open(url) as store:
        infos = store.sessions()
        assert sorted(s.trainee for s in infos) == sorted(ids)
        for trainee, session_id in ids.items():
            rec = store.load(session_id)
            assert rec.trainee == trainee
            assert rec.outcome == "resolved"
            assert [t.index for t in rec.turns] == list(range(TURNS))
            assert [t.reply for t in rec.turns] == [f"{trainee} reply {i}" for i in range(TURNS)]


def test_parallel_writer_threads_lose_nothing(db_url: str) -> None:
    Store.open(db_url).close()  # create the schema once, as the first run would
    results: dict[str, str] = {}
    errors: list[BaseException] = []
    threads = [
        threading.Thread(target=play, args=(db_url, f"trainee{n}", results, errors))
        for n in range(WRITERS)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    check(db_url, results)


def test_parallel_writer_processes_on_a_fresh_database_lose_nothing(db_url: str) -> None:
    # No schema yet: every process races to migrate it on open.
    here = Path(__file__).resolve().parent
    code = (
        "import sys\n"
        f"sys.path.insert(0, {str(here)!r})\n"
        "from test_store_concurrency import play\n"
        "out, errs = {}, []\n"
        "play(sys.argv[1], sys.argv[2], out, errs)\n"
        "if errs: raise errs[0]\n"
        "print(out[sys.argv[2]])\n"
    )
    procs = {
        f"proc{n}": subprocess.Popen(
            [sys.executable, "-c", code, db_url, f"proc{n}"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(WRITERS)
    }
    results = {}
    for name, proc in procs.items():
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
        results[name] = out.strip()
    check(db_url, results)

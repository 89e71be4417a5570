"""xAPI statements: valid against the models, and posted to a local LRS stand-in."""

from __future__ import annotations

import base64
import json
import threading
from collections.abc import Iterator
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from store_records import record

from trainer.cli import main
from trainer.errors import UserError
from trainer.reports.xapi import (
    VERBS,
    Statement,
    activity_id,
    build_statements,
    post_statements,
    statements_for,
)
from trainer.store import Store


class LRS:
    """A tiny learning record store: answers are scripted per request."""

    def __init__(self) -> None:
        self.received: list[dict[str, object]] = []
        self.requests: list[dict[str, str]] = []
        self.script: list[int] = []  # status codes to answer before succeeding
        self.url = ""


@pytest.fixture
def lrs() -> Iterator[LRS]:
    state = LRS()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"]))
            self.server_state.requests.append(
                {
                    "path": self.path,
                    "version": self.headers.get("X-Experience-API-Version", ""),
                    "auth": self.headers.get("Authorization", ""),
                    "type": self.headers.get("Content-Type", ""),
                }
            )
            if state.script:
                code = state.script.pop(0)
                self.send_response(code)
                self.end_headers()
                self.wfile.write(b'{"message": "statement 3 has no verb"}\nmore detail')
                return
            batch = json.loads(body)
            state.received.extend(batch)
            reply = json.dumps([s["id"] for s in batch]).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(reply)))
            self.end_headers()
            self.wfile.write(reply)

        def log_message(self, *args: object) -> None:
            return

        server_state = state

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.url = f"http://127.0.0.1:{server.server_address[1]}/xapi/"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(f"sqlite:///{tmp_path / 'x.db'}") as opened:
        opened.save(record("ana", steps=["person job apology ask", "person apology"]))
        opened.save(
            record(
                "ana",
                outcome="churned",
                started_at="2026-11-03T10:00:00+00:00",
                ended_at="2026-11-03T10:02:00+00:00",
                steps=["job"],
            )
        )
        opened.save(record("bo", outcome=None, started_at="2026-11-04T10:00:00+00:00"))
        yield opened


def test_statements_validate_and_carry_the_results(store: Store) -> None:
    infos = store.sessions()
    statements = build_statements(infos)
    assert [s.verb.display["en-US"] for s in statements] == [
        "attempted",
        "completed",
        "passed",
        "attempted",
        "completed",
        "failed",
        "attempted",
    ]
    for s in statements:
        again = Statement.model_validate(s.to_json())
        assert again == s
        assert s.verb.id == VERBS[s.verb.display["en-US"]]
        assert s.actor.account.name in {"ana", "bo"}
    done = statements[1].to_json()
    assert done["result"]["score"]["scaled"] == pytest.approx(0.75)  # type: ignore[index]
    assert done["result"]["duration"] == "PT5M30S"  # type: ignore[index]
    assert done["result"]["completion"] is True  # type: ignore[index]
    steps = next(v for k, v in done["result"]["extensions"].items() if k.endswith("/steps"))  # type: ignore[index]
    assert steps == {"person": 1.0, "job": 0.5, "apology": 1.0, "ask": 0.5}
    assert statements[2].result is not None and statements[2].result.success is True
    assert statements[5].result is not None and statements[5].result.success is False
    assert done["timestamp"].startswith("2026-11-01T09:05:30")  # type: ignore[union-attr]
    # Stable: the same session gives the same ids and activity every time.
    assert [s.id for s in statements_for(infos[0])] == [s.id for s in statements[:3]]
    assert statements[0].object.id == activity_id("ortiz", "double-billed")
    assert statements[0].object.id == statements[3].object.id
    assert statements[0].context is not None and statements[3].context is not None
    assert statements[0].context.registration != statements[3].context.registration


def test_invalid_statements_are_rejected_by_the_models() -> None:
    good = build_statements([])
    assert good == []
    with pytest.raises(ValueError):
        Statement.model_validate(
            {
                "id": "not-a-uuid",
                "actor": {"account": {"homePage": "x", "name": "a"}},
                "verb": {"id": VERBS["passed"], "display": {"en-US": "passed"}},
                "object": {"id": "x", "definition": {"name": {}, "type": "t"}},
                "timestamp": datetime(2026, 1, 1).isoformat(),
            }
        )


def test_round_trip_through_a_local_lrs_in_batches(store: Store, lrs: LRS) -> None:
    statements = build_statements(store.sessions())
    sent = post_statements(statements, lrs.url, "key", "s3cret", batch_size=3)
    assert sent == 7
    assert len(lrs.requests) == 3
    assert {r["path"] for r in lrs.requests} == {"/xapi/statements"}
    assert {r["version"] for r in lrs.requests} == {"1.0.3"}
    assert {r["auth"] for r in lrs.requests} == {
        "Basic " + base64.b64encode(b"key:s3cret").decode()
    }
    assert lrs.received == [s.to_json() for s in statements]
    assert [Statement.model_validate(s) for s in lrs.received] == statements


def test_server_errors_are_retried_with_backoff(store: Store, lrs: LRS) -> None:
    lrs.script = [503, 500]
    waits: list[float] = []
    sent = post_statements(
        build_statements(store.sessions()), lrs.url, "k", "p", batch_size=50, sleep=waits.append
    )
    assert sent == 7 and len(lrs.received) == 7
    assert waits == [0.5, 1.0]


def test_a_rejection_stops_with_the_lrs_message(store: Store, lrs: LRS) -> None:
    lrs.script = [400]
    with pytest.raises(UserError) as caught:
        post_statements(build_statements(store.sessions()), lrs.url, "k", "p", sleep=lambda s: None)
    assert str(caught.value) == (
        'learning record store rejected batch 1 (400 Bad Request): {"message": "statement 3 has no verb"}'
    )
    assert lrs.received == []


def test_persistent_failure_gives_up_clearly(store: Store, lrs: LRS) -> None:
    lrs.script = [502] * 4
    with pytest.raises(UserError, match="failed batch 1 after 4 tries: 502 Bad Gateway"):
        post_statements(build_statements(store.sessions()), lrs.url, "k", "p", sleep=lambda s: None)


def test_unreachable_endpoint_is_retried_then_reported(store: Store) -> None:
    import socket

    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    waits: list[float] = []
    st = build_statements(store.sessions())
    with pytest.raises(
        UserError, match=f"after 4 tries: cannot reach http://127.0.0.1:{port}/xapi/statements"
    ):
        post_statements(st, f"http://127.0.0.1:{port}/xapi", "k", "p", sleep=waits.append)
    assert waits == [0.5, 1.0, 2.0]
    with pytest.raises(UserError, match="must be an http"):
        post_statements(st, "ftp://example", "k", "p")


def test_cli_export_to_file_and_to_the_lrs(
    store: Store, lrs: LRS, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "statements.json"
    db = ["--db", store.url]
    assert main(["export", "xapi", *db, "--since", "2026-11-02", "-o", str(out)]) == 0
    written = json.loads(out.read_text(encoding="utf-8"))
    assert [s["verb"]["display"]["en-US"] for s in written] == [
        "attempted",
        "completed",
        "failed",
        "attempted",
    ]
    for s in written:
        Statement.model_validate(s)
    code = main(
        [
            "export",
            "xapi",
            *db,
            "--endpoint",
            lrs.url,
            "--user",
            "u",
            "--password",
            "p",
            "--batch-size",
            "2",
        ]
    )
    assert code == 0
    assert len(lrs.received) == 7 and len(lrs.requests) == 4
    assert "sent 7 statement(s) from 3 call(s)" in capsys.readouterr().err
    lrs.script = [401]
    assert (
        main(["export", "xapi", *db, "--endpoint", lrs.url, "--user", "u", "--password", "bad"])
        == 1
    )
    assert "rejected batch 1 (401 Unauthorized)" in capsys.readouterr().err

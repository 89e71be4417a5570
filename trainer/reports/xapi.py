"""xAPI 1.0.3 statements for a learning record store (LRS), and posting them.

Each session gives up to three statements: `attempted` when it started, and once it ended
`completed` plus `passed` (resolved) or `failed`. Statement ids are derived from the session
id and the verb, so exporting twice sends identical statements the LRS recognises; activity
ids are stable per persona + scenario so the LRS groups every attempt at the same call.
Posting uses only the standard library (urllib).
"""

from __future__ import annotations

import base64
import json
import re
import time
import uuid
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any, Literal
from urllib import error, request
from urllib.parse import quote, urlsplit

from pydantic import BaseModel, ConfigDict, Field, field_validator

from trainer.errors import UserError
from trainer.models.grade import STEPS
from trainer.store.engine import format_time
from trainer.store.stats import overall
from trainer.store.store import SessionInfo

XAPI_VERSION = "1.0.3"
DEFAULT_BASE = "https://deescalate.invalid"
"""Root of the IRIs we mint; pass `base` (or `--base-iri`) to use your organisation's."""

VERBS: dict[str, str] = {
    "attempted": "http://adlnet.gov/expapi/verbs/attempted",
    "completed": "http://adlnet.gov/expapi/verbs/completed",
    "passed": "http://adlnet.gov/expapi/verbs/passed",
    "failed": "http://adlnet.gov/expapi/verbs/failed",
}
SIMULATION = "http://adlnet.gov/expapi/activities/simulation"
_DURATION = re.compile(r"^P(?:\d+D)?(?:T(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d+)?S)?)?$")


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Account(_Model):
    homePage: str
    name: str = Field(min_length=1)


class Agent(_Model):
    objectType: Literal["Agent"] = "Agent"
    name: str | None = None
    account: Account


class Verb(_Model):
    id: str
    display: dict[str, str]

    @field_validator("id")
    @classmethod
    def _known(cls, value: str) -> str:
        if value not in VERBS.values():
            raise ValueError(f"not an ADL verb we use: {value}")
        return value


class ActivityDefinition(_Model):
    name: dict[str, str]
    description: dict[str, str] | None = None
    type: str


class Activity(_Model):
    objectType: Literal["Activity"] = "Activity"
    id: str
    definition: ActivityDefinition


class Score(_Model):
    scaled: float = Field(ge=-1, le=1)
    raw: float | None = None
    min: float | None = None
    max: float | None = None


class Result(_Model):
    score: Score | None = None
    success: bool | None = None
    completion: bool | None = None
    duration: str | None = None
    extensions: dict[str, Any] | None = None

    @field_validator("duration")
    @classmethod
    def _iso_duration(cls, value: str | None) -> str | None:
        if value is not None and (not _DURATION.match(value) or value in {"P", "PT"}):
            raise ValueError(f"not an ISO 8601 duration: {value}")
        return value


class Context(_Model):
    registration: uuid.UUID
    platform: str = "deescalate"
    language: str = "en"
    extensions: dict[str, Any] | None = None


class Statement(_Model):
    """One xAPI statement (the subset of 1.0.3 this exporter writes)."""

    id: uuid.UUID
    actor: Agent
    verb: Verb
    object: Activity
    result: Result | None = None
    context: Context | None = None
    timestamp: datetime

    def to_json(self) -> dict[str, Any]:
        """The JSON object an LRS receives."""
        data: dict[str, Any] = self.model_dump(mode="json", exclude_none=True)
        return data


def iso_duration(seconds: float) -> str:
    """Seconds as an ISO 8601 duration, e.g. `PT5M30S`."""
    whole = max(0, round(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    out = "PT"
    if hours:
        out += f"{hours}H"
    if minutes:
        out += f"{minutes}M"
    if secs or out == "PT":
        out += f"{secs}S"
    return out


def activity_id(persona: str, scenario: str, base: str = DEFAULT_BASE) -> str:
    """The stable activity IRI for a persona + scenario pair."""
    return f"{base.rstrip('/')}/activities/{quote(scenario, safe='')}/{quote(persona, safe='')}"


def _ext(base: str, name: str) -> str:
    return f"{base.rstrip('/')}/xapi/extensions/{name}"


def statements_for(info: SessionInfo, base: str = DEFAULT_BASE) -> list[Statement]:
    """The statements for one session (attempted; completed and passed/failed once ended)."""
    root = base.rstrip("/")
    actor = Agent(
        name=info.trainee or None,
        account=Account(homePage=f"{root}/trainees", name=info.trainee or "anonymous"),
    )
    activity = Activity(
        id=activity_id(info.persona, info.scenario, root),
        definition=ActivityDefinition(
            name={"en-US": f"De-escalation call: {info.scenario} with {info.persona}"},
            description={
                "en-US": "A simulated call with an irate customer, graded on the four-step method."
            },
            type=SIMULATION,
        ),
    )
    context = Context(
        registration=uuid.uuid5(uuid.NAMESPACE_URL, f"{root}/sessions/{info.id}"),
        extensions={
            _ext(root, "session-id"): info.id,
            _ext(root, "mode"): info.mode,
            _ext(root, "seed"): info.seed,
            _ext(root, "app-version"): info.app_version,
        },
    )

    def make(verb: str, when: datetime, result: Result | None) -> Statement:
        return Statement(
            id=uuid.uuid5(uuid.NAMESPACE_URL, f"{root}/sessions/{info.id}/{verb}"),
            actor=actor,
            verb=Verb(id=VERBS[verb], display={"en-US": verb}),
            object=activity,
            result=result,
            context=context,
            timestamp=datetime.fromisoformat(format_time(when)),
        )

    out = [make("attempted", info.started_at, None)]
    if info.outcome is None or info.ended_at is None:
        return out
    score = overall(info.steps)
    result = Result(
        score=Score(scaled=round(score, 4), raw=round(score * 100, 2), min=0, max=100)
        if score is not None
        else None,
        success=info.outcome == "resolved",
        completion=True,
        duration=iso_duration((info.ended_at - info.started_at).total_seconds()),
        extensions={
            # Pass rate per step over the replies that needed it, and how many did.
            _ext(root, "steps"): {s: info.steps.get(s) for s in STEPS},
            _ext(root, "steps-due"): {s: info.due_on(s) for s in STEPS},
            _ext(root, "outcome"): info.outcome,
            _ext(root, "replies"): info.replies,
        },
    )
    out.append(make("completed", info.ended_at, result))
    out.append(make("passed" if info.outcome == "resolved" else "failed", info.ended_at, result))
    return out


def build_statements(infos: Sequence[SessionInfo], base: str = DEFAULT_BASE) -> list[Statement]:
    """Statements for many sessions, in session order."""
    return [st for info in infos for st in statements_for(info, base)]


def statements_endpoint(endpoint: str) -> str:
    """The `/statements` resource under an LRS endpoint (given with or without it)."""
    parts = urlsplit(endpoint)
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        raise UserError(f"--endpoint must be an http(s) URL, got {endpoint!r}")
    return (
        endpoint
        if endpoint.rstrip("/").endswith("/statements")
        else endpoint.rstrip("/") + "/statements"
    )


def post_statements(
    statements: Sequence[Statement],
    endpoint: str,
    user: str,
    password: str,
    *,
    batch_size: int = 50,
    attempts: int = 4,
    backoff: float = 0.5,
    timeout: float = 30.0,
    sleep: Callable[[float], None] = time.sleep,
) -> int:
    """POST statements in batches with basic auth; returns how many were sent.

    5xx answers and connection errors are retried `attempts` times with doubling waits; a
    4xx answer (bad credentials, a statement the LRS rejects) stops at once with the LRS's
    own words.
    """
    url = statements_endpoint(endpoint)
    token = base64.b64encode(f"{user}:{password}".encode()).decode("ascii")
    headers = {
        "Content-Type": "application/json; charset=utf-8",
        "X-Experience-API-Version": XAPI_VERSION,
        "Authorization": f"Basic {token}",
    }
    sent = 0
    batch_size = max(1, batch_size)
    for start in range(0, len(statements), batch_size):
        batch = statements[start : start + batch_size]
        body = json.dumps([s.to_json() for s in batch]).encode("utf-8")
        number = start // batch_size + 1
        _post_batch(url, body, headers, number, attempts, backoff, timeout, sleep)
        sent += len(batch)
    return sent


def _post_batch(
    url: str,
    body: bytes,
    headers: dict[str, str],
    number: int,
    attempts: int,
    backoff: float,
    timeout: float,
    sleep: Callable[[float], None],
) -> None:
    last = ""
    for attempt in range(max(1, attempts)):
        if attempt:
            sleep(backoff * 2 ** (attempt - 1))
        req = request.Request(url, data=body, headers=headers, method="POST")
        try:
            with request.urlopen(req, timeout=timeout) as response:
                response.read()
                return
        except error.HTTPError as exc:
            detail = _first_line(exc.read())
            if exc.code < 500:
                raise UserError(
                    f"learning record store rejected batch {number} ({exc.code} {exc.reason})"
                    + (f": {detail}" if detail else "")
                ) from exc
            last = f"{exc.code} {exc.reason}" + (f": {detail}" if detail else "")
        except (error.URLError, ConnectionError, TimeoutError) as exc:
            reason = exc.reason if isinstance(exc, error.URLError) else exc
            last = f"cannot reach {url} ({reason})"
    raise UserError(f"learning record store failed batch {number} after {attempts} tries: {last}")


def _first_line(raw: bytes) -> str:
    text = raw.decode("utf-8", "replace").strip()
    return (text.splitlines() or [""])[0][:200]

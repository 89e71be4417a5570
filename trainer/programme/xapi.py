"""xAPI statements for programme modules: `attempted` when a module starts, `passed` when
its pass mark is reached (and again for each refresher passed).

Built from the milestones kept in the store, which never change once kept, so statement ids
(derived from trainee, programme, module, verb and time) are stable across exports and an
LRS recognises a statement sent twice.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime

from trainer.programme.loader import Programmes
from trainer.programme.store import KeptMilestone
from trainer.reports.xapi import (
    DEFAULT_BASE,
    VERBS,
    Account,
    Activity,
    ActivityDefinition,
    Agent,
    Context,
    Result,
    Statement,
    Verb,
)
from trainer.store.engine import format_time

MODULE_TYPE = "http://adlnet.gov/expapi/activities/module"
VERB_OF = {"started": "attempted", "passed": "passed", "refreshed": "passed"}


def _ext(root: str, name: str) -> str:
    return f"{root}/xapi/extensions/{name}"


def module_activity_id(programme: str, module: str, base: str = DEFAULT_BASE) -> str:
    """The stable activity IRI of a module."""
    from urllib.parse import quote

    root = base.rstrip("/")
    return f"{root}/programmes/{quote(programme, safe='')}/modules/{quote(module, safe='')}"


def milestone_statements(
    kept: Sequence[KeptMilestone],
    programmes: Programmes,
    base: str = DEFAULT_BASE,
    since: datetime | None = None,
) -> list[Statement]:
    """One statement per kept milestone (at or after `since`), oldest first."""
    root = base.rstrip("/")
    out = []
    for item in kept:
        m = item.milestone
        if since is not None and m.at < since:
            continue
        entry = programmes.programmes.get(item.programme)
        title = m.module
        if entry is not None:
            title = next((x.title for x in entry.item.modules if x.id == m.module), m.module)
        verb = VERB_OF[m.kind]
        key = f"{root}/trainees/{item.trainee}/programmes/{item.programme}/modules/{m.module}"
        extensions: dict[str, object] = {
            _ext(root, "programme"): item.programme,
            _ext(root, "module"): m.module,
            _ext(root, "milestone"): m.kind,
        }
        if m.session_id:
            extensions[_ext(root, "session-id")] = m.session_id
        out.append(
            Statement(
                id=uuid.uuid5(uuid.NAMESPACE_URL, f"{key}/{m.kind}/{format_time(m.at)}"),
                actor=Agent(
                    name=item.trainee or None,
                    account=Account(homePage=f"{root}/trainees", name=item.trainee or "anonymous"),
                ),
                verb=Verb(id=VERBS[verb], display={"en-US": verb}),
                object=Activity(
                    id=module_activity_id(item.programme, m.module, root),
                    definition=ActivityDefinition(
                        name={"en-US": f"Training module: {title}"},
                        description={
                            "en-US": f"A module of the {item.programme} de-escalation programme."
                        },
                        type=MODULE_TYPE,
                    ),
                ),
                result=Result(success=True, completion=True) if m.kind != "started" else None,
                context=Context(
                    registration=uuid.uuid5(
                        uuid.NAMESPACE_URL,
                        f"{root}/trainees/{item.trainee}/programmes/{item.programme}",
                    ),
                    extensions=extensions,
                ),
                timestamp=datetime.fromisoformat(format_time(m.at)),
            )
        )
    return out

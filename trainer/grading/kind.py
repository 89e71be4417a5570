"""What a finding kind is: its step, severity, flag and advice, its patterns and examples.

Every kind the grader can report is defined once, in its own module under
`trainer/grading/kinds/`, and collected in `trainer/grading/registry.py`. A kind carries:

- the step whose evidence it sits in (and any other steps it also fails);
- its severity: a **committed** failure (the reply did something wrong: sorry-but, calm down,
  a policy wall, a rhetorical question), an **omission** (the step was left out: no apology,
  a data-only question), or **support** (evidence that the step was done);
- the call-craft flag it raises, if any, and its advice key in `advice.yaml`;
- its patterns, each with the data set or review it came from (provenance);
- examples that must produce it and near misses that must not (both run as tests).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from trainer.grading.findings import Finding
from trainer.grading.text import rx
from trainer.models.grade import Step

Severity = Literal["committed", "omission", "support"]
COMMITTED: Severity = "committed"
OMISSION: Severity = "omission"
SUPPORT: Severity = "support"


@dataclass(frozen=True)
class Source:
    """Where a pattern came from: the data set or review whose errors it was written for."""

    id: str
    what: str


CORPUS = Source(
    "corpus",
    "rounds 1-3: the labelling guide and error analysis on data/replies.jsonl (train, dev and "
    "test splits) and the adversarial fit lines",
)
ROUND4 = Source(
    "round4",
    "round 4: error analysis on fit rows only (train, test, adversarial fit lines, heldout2, "
    "heldout3)",
)
ROUND5 = Source(
    "round5",
    "round 5: error analysis on the independent writers' sets (adversarial, heldout2-4), "
    "heldout4 after it was scored once",
)
ROUND6 = Source("round6", "round 6: error analysis on heldout5 after it was scored once")
REVIEW6 = Source("review6", "code review after round 6: good replies the round-5/6 patterns failed")
ISSUE11 = Source(
    "issue11",
    "issue 11 and docs/labelling.md section 6: examples quoted there and dev replies written "
    "for it (phone-formal, chat-casual, short procedural mid-call)",
)

RATED1 = Source(
    "rated1",
    "issue 11 rater study, set 1 (data/rated/dev) after it was scored once: failures both raters "
    "named that no rule caught, each written as the general wording, not the one reply",
)

RATED2 = Source(
    "rated2",
    "issue 11 rater study, set 2 (data/rated/dev2) after its one held-out measurement: failures "
    "both raters named that no rule caught, each written as the general wording",
)

RATED8 = Source(
    "rated8",
    "issue 11 rater study, sets 6-9 after each was scored once: misses both raters agreed on, "
    "written as the general wording",
)


@dataclass(frozen=True)
class Pattern:
    """One regular expression (in `text.rx` syntax) and where it came from."""

    regex: str
    source: Source
    ignore_case: bool = True

    def compile(self) -> re.Pattern[str]:
        """The compiled regex (`text.rx`: macros, optional apostrophes, flexible spaces)."""
        return rx(self.regex, re.IGNORECASE if self.ignore_case else 0)


def patterns(source: Source, *regexes: str) -> tuple[Pattern, ...]:
    """Patterns that share a source, in scan order."""
    return tuple(Pattern(r, source) for r in regexes)


Exemption = Callable[[str, Finding], bool]
"""`(cleaned text, finding) -> True` when a match is not this failure after all."""


@dataclass(frozen=True)
class Kind:
    """One finding kind (see the module docstring)."""

    id: str
    step: Step
    severity: Severity
    summary: str
    """What the kind means, in a line."""
    flag: str | None = None
    """The call-craft flag it raises (`trainer.models.grade.FLAGS`), if any."""
    advice: str | None = None
    """Its key under `step` in advice.yaml (default: the kind id)."""
    also: tuple[Step, ...] = ()
    """Other steps whose evidence may carry this kind (each needs its own advice entry)."""
    patterns: tuple[Pattern, ...] = ()
    """Patterns scanned as a table; empty when a detector finds it another way (`found_by`)."""
    cues: tuple[Pattern, ...] = ()
    """Regexes a detector applies in context (around an apology word, to one question), not
    scanned as a table."""
    found_by: str = ""
    """How the kind is found when not by its own table of patterns."""
    is_finding: bool = True
    """False for a note on what was missing (no apology found, a name alone): no span."""
    exempt: tuple[Exemption, ...] = ()
    """Checks that take back a match (e.g. a rule with an open door is not a wall)."""
    judge_may_overrule: bool = False
    """A committed failure whose patterns misfire often enough on ordinary replies (a cause, a
    time limit, a word like "collections" read as a threat) that a confident fine-tuned judge
    may take it back (`trainer.grading.heads.OVERRULE_AT`). Set per kind from the left-out
    folds; the kind can still hold unmistakable phrases ("see you in court"), which the judge
    is then trusted not to score at 0.9. Tone failures (calm down, sarcasm, sorry-but) never
    are."""
    undoes_acknowledgement: bool = False
    """A job failure that takes back an acknowledgement in the same reply (blame, arguing;
    labelling guide: explaining the cause does not)."""
    examples: tuple[str | tuple[str, str], ...] = ()
    """Replies that must produce this kind (in its step's evidence); a (reply, customer line)
    pair for kinds that read the customer's line."""
    near_misses: tuple[str | tuple[str, str], ...] = ()
    """Replies that must not produce it (or (reply, customer line) pairs)."""

    @property
    def advice_key(self) -> str:
        """The advice.yaml key for this kind."""
        return self.advice or self.id

    @property
    def fails_step(self) -> bool:
        """A failure (committed or omission) rather than support."""
        return self.severity != SUPPORT

    def sources(self) -> list[Source]:
        """The distinct sources of its patterns, in order."""
        out: list[Source] = []
        for p in self.patterns:
            if p.source not in out:
                out.append(p.source)
        return out

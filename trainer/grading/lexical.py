"""Run every lexical detector on one reply: the rule verdicts and the call-craft flags."""

from __future__ import annotations

from dataclasses import dataclass, field

from trainer.grading import apology, ask, craft, job, person, registry
from trainer.grading.findings import Finding, StepEvidence
from trainer.grading.language import is_english
from trainer.grading.text import Cleaned, clean, rx, words
from trainer.models.grade import STEPS, GradeContext, Step

_STUFF_WORDS = {
    "sorry",
    "apologise",
    "apologize",
    "apologies",
    "apology",
    "feel",
    "feelings",
    "feeling",
    "help",
    "understand",
    "frustrating",
    "frustrated",
    "upset",
    "empathy",
    "care",
    "sad",
    "please",
    "thanks",
    "thank",
    "name",
    "ask",
    "need",
    "want",
    "angry",
    "sincerely",
    "fix",
}
_PRONOUNS = {
    "i",
    "i'm",
    "im",
    "you",
    "you're",
    "we",
    "me",
    "my",
    "your",
    "us",
    "it",
    "this",
    "that",
}


@dataclass
class Lexical:
    """Everything the detectors found in one reply."""

    cleaned: Cleaned
    steps: dict[Step, StepEvidence]
    flags: list[str] = field(default_factory=list)
    remedies_offered: list[str] = field(default_factory=list)
    forbidden_promised: list[str] = field(default_factory=list)
    stuffed: bool = False
    english: bool = True
    """False when the reply reads as another language: it gets no step verdicts."""
    job_found: list[Finding] = field(default_factory=list)
    """The job detector's own findings, before failures of other steps are added to job."""
    taken_back: list[Finding] = field(default_factory=list)
    """Job findings left out because the fine-tuned judge took them back (`analyse`)."""


_GRAMMAR = {
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "am",
    "can",
    "could",
    "will",
    "would",
    "shall",
    "should",
    "do",
    "does",
    "did",
    "have",
    "has",
    "had",
    "let",
    "let's",
    "i'll",
    "we'll",
    "it's",
    "that's",
    "you've",
    "i've",
    "we're",
    "i'd",
    "what's",
    "don't",
    "can't",
    "won't",
    "must",
}


def keyword_stuffed(cleaned: Cleaned) -> bool:
    """A string of method keywords with no sentence around them ("sorry feelings sorry help?")."""
    ws = words(cleaned.text)
    if not ws or len(ws) > 20:
        return False
    key = sum(w in _STUFF_WORDS for w in ws)
    # Keywords with no pronoun and no verb to hold them together are not a sentence.
    if key >= 3 and not any(w in _PRONOUNS or w in _GRAMMAR for w in ws):
        return True
    if len(ws) > 14:
        return False
    key = sum(w in _STUFF_WORDS for w in ws)
    pron = sum(w in _PRONOUNS for w in ws)
    repeats = max(ws.count(w) for w in set(ws))
    return (key >= 3 and key / len(ws) >= 0.6 and pron <= 1) or (
        repeats >= 3 and key >= 3 and len(ws) <= 8
    )


def analyse(
    reply: str,
    context: GradeContext | None = None,
    cleaned: Cleaned | None = None,
    taken_back: frozenset[str] = frozenset(),
) -> Lexical:
    """Run the detectors and the call-craft checks (`cleaned`: `clean(reply)`, if done already).

    `taken_back`: job finding kinds the fine-tuned judge overruled (`grader.Grader`): they are
    left out before any other step reads the job findings, so nothing built on them (an
    apology "wrapped in an excuse", an acknowledgement "taken back", a spoiled question, their
    flags) survives either; they are kept in `Lexical.taken_back` for the evidence.
    """
    ctx = context or GradeContext()
    if cleaned is None:
        cleaned = clean(reply)
    if not is_english(cleaned.text):
        note = "only English replies are graded; this reply reads as another language"
        unjudged: dict[Step, StepEvidence] = {
            name: StepEvidence(False, [], [], note) for name in STEPS
        }
        flags = ["truncated", "language"] if cleaned.truncated else ["language"]
        return Lexical(cleaned, unjudged, flags, english=False)
    job_ev = job.detect(cleaned)
    dropped = [f for f in job_ev.negatives if f.kind in taken_back]
    if dropped:
        job_ev.negatives = [f for f in job_ev.negatives if f.kind not in taken_back]
        job_ev.passed = not job_ev.negatives
    job_found = list(job_ev.negatives)
    person_ev = person.detect(cleaned, job_ev.negatives, _their_line(ctx))
    # Hostility mirrored back at the customer is off the job too. Two person failures stay off
    # it (labelling guide, round 5): an offended "don't speak to me like that"
    # (taking_it_personally) and a pet name said back ("sure thing, darling").
    hostile = [
        f
        for f in person_ev.negatives
        if f.kind in _HOSTILE and not _PET_NAME.fullmatch(f.span.text)
    ]
    # An apology followed by "but <excuse>", or one that blames or guesses a cause, is an
    # excuse or blame in its own right (labelling guide, job step).
    hostile += [
        f
        for f in apology.excuses(cleaned)
        if f.span.start not in {n.span.start for n in job_ev.negatives}
    ]
    if hostile:
        job_ev.negatives = sorted(job_ev.negatives + hostile, key=lambda f: f.span.start)
        job_ev.passed = False
    sarcasm = [f for f in person_ev.negatives if f.kind in ("sarcasm", "mocking")]
    # A question inside sarcasm or a counter-threat is not an ask (labelling guide), and nor is
    # one that blames them ("Have you checked it isn't something you set up twice?").
    spoiled = {
        f.sentence.start
        for f in sarcasm + job_ev.negatives
        if f.kind in ("sarcasm", "mocking", "counter_threat", "blaming_customer")
    }
    stuffed = keyword_stuffed(cleaned)
    steps: dict[Step, StepEvidence] = {
        "person": person_ev,
        "job": job_ev,
        "apology": apology.detect(cleaned, job_ev.negatives, sarcasm),
        "ask": ask.detect(cleaned, stuffed, spoiled, ctx.previous_replies),
    }
    if not cleaned.text:
        for name in STEPS:
            steps[name] = StepEvidence(False, [], [], "the reply was empty")
    elif stuffed:
        for name in ("person", "apology", "ask"):
            ev = steps[name]  # type: ignore[index]
            ev.passed = False
            ev.missing = "keywords without a sentence around them do not count"
    flags = _flags(cleaned, ctx, steps)
    offered, forbidden = craft.remedies(cleaned.text, ctx.scenario)
    if offered:
        flags.append("remedy_offered")
    if forbidden:
        flags.append("forbidden_remedy")
    flags = [f for f in dict.fromkeys(flags)]
    return Lexical(
        cleaned,
        steps,
        flags,
        offered,
        forbidden,
        stuffed,
        job_found=job_found,
        taken_back=dropped,
    )


def _their_line(ctx: GradeContext) -> str:
    """What the customer said, for judging person in their terms (plus the scenario's issue)."""
    issue = ctx.scenario.issue if ctx.scenario is not None else ""
    return f"{ctx.customer}\n{issue}".strip()


_HOSTILE = frozenset(
    k.id for k in registry.KINDS.values() if k.step == "person" and "job" in k.also
)
"""Person failures that are off the job too (registry: `also` includes job): mirroring."""
_PET_NAME = rx(r"sweetie|sweetheart|darling|honey|hun|babe")


def _flags(cleaned: Cleaned, ctx: GradeContext, steps: dict[Step, StepEvidence]) -> list[str]:
    flags: list[str] = []
    if not cleaned.text:
        return ["empty"]
    if cleaned.truncated:
        flags.append("truncated")
    if craft.uses_name(cleaned.text, ctx.customer_name):
        flags.append("name_used")
    for ev in steps.values():
        for f in ev.positives + ev.negatives:
            flag = registry.flag_of(f.kind)
            if flag is not None:
                flags.append(flag)
    ask_ev = steps["ask"]
    if not ask_ev.passed and any(f.kind == "data_only" for f in ask_ev.negatives):
        flags.append("data_only")
    if craft.profanity(cleaned):
        flags.append("profanity")
    if craft.shouting(cleaned):
        flags.append("shouting")
    if craft.wall_of_text(cleaned):
        flags.append("wall_of_text")
    if craft.repeated(cleaned.text, ctx.previous_replies):
        flags.append("repeated_reply")
    if not ctx.on_hold and craft.puts_on_hold(cleaned):
        # Hold etiquette is graded only when the reply puts the caller on hold, never on the
        # return from hold (ctx.on_hold) or a mere mention of waiting.
        flags += craft.hold_flags(cleaned)
    return flags

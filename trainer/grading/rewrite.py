"""The `suggested` rewrite: the trainee's own reply, repaired to pass all four steps.

Useful sentences of the reply are kept (facts, actions, a good acknowledgement, a genuine
question). Sentences that failed a step are dropped, and a "sorry, but ..." keeps only its
apology. What is missing is added from the context: an acknowledgement naming the customer
and their issue, a plain "I'm sorry", and a question: the scenario's allowed remedy offered as
a question when there is one, otherwise a question about what they need.
"""

from __future__ import annotations

import re

from trainer.grading.findings import StepEvidence
from trainer.grading.text import Cleaned, Span
from trainer.models.grade import GradeContext, Step

_ACTION = re.compile(
    r"\b(?:i'?ll|i will|let me|i'?m going to|i can|i'?ve|i have|i'?m looking|i can see|we can|"
    r"let'?s)\b",
    re.I,
)
_APOLOGY = re.compile(r"\b(?:so+r+y|sry|soz|apologi[sz](?:e|ing)|apolog(?:y|ies)|regrets?)\b", re.I)
"""An apology in any form ("I'm sorry", "I am so sorry", "sorry about this", "my apologies")."""
_MAX_KEPT = 2


def _issue(ctx: GradeContext) -> str:
    if ctx.scenario is not None:
        return agent_voice(ctx.scenario.issue.rstrip(". "))
    return ""


_VOICE = {
    "my": "your",
    "mine": "yours",
    "me": "you",
    "myself": "yourself",
    "i": "you",
    "i'm": "you're",
    "i've": "you've",
    "i'd": "you'd",
    "your": "our",
    "yours": "ours",
}
_VOICE_WORD = re.compile(r"\b(?:i'm|i've|i'd|my|mine|myself|me|i|yours|your)\b", re.I)


def agent_voice(text: str) -> str:
    """A scenario's `issue`, written as the customer says it, turned round for the agent.

    "my wages frozen in my own account" -> "your wages frozen in your own account";
    "the leak your engineer left behind" -> "the leak our engineer left behind".
    """

    def swap(m: re.Match[str]) -> str:
        word = _VOICE[m.group(0).lower()]
        return word.capitalize() if m.group(0)[:1].isupper() and m.group(0) != "I" else word

    return _VOICE_WORD.sub(swap, text)


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[:1].isupper() and not text[:2].isupper() else text


def acknowledgement(ctx: GradeContext) -> str:
    """An acknowledgement built from the customer's name and issue."""
    name = ctx.customer_name.strip()
    issue = _issue(ctx)
    if issue:
        body = f"{issue[:1].upper()}{issue[1:]} is a real blow, and I can hear how fed up you are"
    else:
        body = (
            "I can hear how fed up you are, and after what you've been through that's no surprise"
        )
    return f"{body}, {name}." if name else f"{body}."


def closing_question(ctx: GradeContext) -> str:
    """The allowed remedy offered as a question, or a question about what they need."""
    scenario = ctx.scenario
    if scenario is not None and scenario.remedies:
        best = max(scenario.remedies, key=lambda r: r.value)
        return offer(best.label)
    return "What can I do to put this right for you?"


_THIRD_PERSON = {
    "him": "you",
    "her": "you",
    "them": "you",
    "his": "your",
    "their": "your",
    "the customer's": "your",
    "the customer": "you",
    "yourself": "myself",
}
_THIRD_WORD = re.compile(
    r"\b(?:the customer's|the customer|him|her|them|his|their|yourself)\b", re.I
)
_WHEN_SAID = re.compile(
    r"\b(?:now|today|tonight|this (?:week|morning|afternoon|evening))\s*$", re.I
)
_VERB_FIRST = re.compile(
    r"^(?:book|refund|take|lift|restore|verify|call|ring|set|remove|confirm|refer|send|arrange|"
    r"credit|waive|reissue|rebook|replace|collect|fast-track|offer|give|cancel|reverse|unblock|"
    r"escalate|transfer|keep|freeze|hold|chase|raise|put|pay|redeliver|repair|fix|sort|get|"
    r"upgrade|swap|reschedule|open|waive|cover|move)\b",
    re.I,
)


def offer(label: str) -> str:
    """A remedy label written for trainers, offered to the customer as a question.

    "Verify him and remove the block" -> "Would it help if I verify you and remove the block
    for you now?"; "Priority morning slot with a call-ahead" -> "Would a priority morning slot
    with a call-ahead help?"; "Book a new appointment now" keeps its own "now".
    """
    text = re.sub(r"\s*\([^)]*\)", "", label).strip().rstrip(".")
    text = _THIRD_WORD.sub(lambda m: _THIRD_PERSON[m.group(0).lower()], text)
    if _VERB_FIRST.match(text):
        when = "" if _WHEN_SAID.search(text) else " now"
        return f"Would it help if I {_lower_first(text)} for you{when}?"
    article = "an" if text[:1].lower() in "aeiou" else "a"
    return f"Would {article} {_lower_first(text)} help?"


def rewrite(
    cleaned: Cleaned, ctx: GradeContext, verdicts: dict[Step, bool], steps: dict[Step, StepEvidence]
) -> str:
    """A version of the reply that passes all four steps."""
    bad = {(f.sentence.start, f.sentence.end) for ev in steps.values() for f in ev.negatives}
    good_ack = [f.sentence for f in steps["person"].positives] if verdicts["person"] else []
    good_q = [f.sentence for f in steps["ask"].positives] if verdicts["ask"] else []
    good_sorry = [f.sentence for f in steps["apology"].positives] if verdicts["apology"] else []
    kept_ack = _unique(s for s in good_ack if (s.start, s.end) not in bad)
    kept_q = _unique(s for s in good_q if (s.start, s.end) not in bad)
    used = {(s.start, s.end) for s in kept_ack[:1] + kept_q[:1]}
    kept_sorry = _unique(s for s in good_sorry if (s.start, s.end) not in bad | used)
    used |= {(s.start, s.end) for s in kept_sorry[:1]}
    actions: list[str] = []
    for s in cleaned.sentences:
        key = (s.start, s.end)
        if key in bad or key in used or _APOLOGY.search(s.text) or s.text.rstrip().endswith("?"):
            continue
        if _ACTION.search(s.text) and len(actions) < _MAX_KEPT and len(s.text) <= 240:
            actions.append(_finish(s.text))
    head = [_finish(s.text) for s in kept_ack[:1]] or [acknowledgement(ctx)]
    question = [_finish(s.text) for s in kept_q[:1]] or [closing_question(ctx)]
    # The trainee's own sincere apology is kept; one is added only when no kept sentence
    # (acknowledgement, question, actions) already apologises, in any wording.
    sorry = [_finish(s.text) for s in kept_sorry[:1]]
    if not sorry and not any(_APOLOGY.search(p) for p in head + actions + question):
        sorry = ["I'm so sorry."]
    return " ".join(head + sorry + actions + question)


def _unique(spans: object) -> list[Span]:
    out: list[Span] = []
    for s in spans:  # type: ignore[attr-defined]
        if s not in out:
            out.append(s)
    return out


def _finish(text: str) -> str:
    text = text.strip()
    text = text[:1].upper() + text[1:]
    return text if text[-1:] in ".!?" else text + "."

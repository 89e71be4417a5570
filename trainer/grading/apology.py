"""Step 3, `apology`: find apologies and what cancels them.

Every apology word in the reply is classified by its surroundings: a plain first-person
"I'm sorry" passes; one followed by "but ...", made conditional ("if ..."), aimed at the
customer's feelings or mistakes, guessing a cause, dressed as a corporate hedge or said with
sarcasm is cancelled. Passive non-apologies ("mistakes were made") count against the step.
"""

from __future__ import annotations

import re

from trainer.grading.findings import Finding, StepEvidence, scan, table
from trainer.grading.text import Cleaned, Span, rx

_APOLOGY_WORD = rx(r"\b(?:<sorry>|apologi[sz]e[ds]?|apologi[sz]ing|apologies|apology)\b")

# Before the word, on the same sentence: refusals and other people's sorrow.
_REFUSAL = rx(
    r"(?:\bnot|\bnever|n't|\bno need to(?: be)?|\bnothing to(?: be)?|\bwhy (?:should|would) (?:i|we)(?: be)?|"
    r"\b<you>(?:'re| are| were| should be| will be|'ll be| ought to be)|\bthey(?:'re| are| were)|"
    r"\bhe(?:'s| is)|\bshe(?:'s| is)|\bdon'?t(?: be)?|\brefuse to|\bnot going to|\bno)\s+"
    r"(?:\w+\s+){0,2}$"
)
_THIRD_PARTY = rx(r"\b(?:the company|management|they|head office)\s+(?:\w+\s+)?$")
_FILLER_AFTER = rx(
    r"^\s*(?:\?|[,.]?\s*(?:could|can) <you> (?:repeat|say)|[,.]?\s*(?:come again|pardon|"
    r"i didn'?t (?:catch|hear)|what did <you> say|to interrupt|to bother|i missed that|who\b|which\b|"
    r"what\W*$))"
)
_DATA_AFTER = rx(
    r"^\W*(?:what(?:'s| is| was) <your>|can i (?:take|have|get)|could i (?:take|have|get)|may i (?:take|have)|"
    r"could <you> (?:give|confirm|spell)|can <you> (?:give|confirm|spell)|<your> (?:account|postcode|"
    r"order|reference|date of birth|name))"
)
_SARCASTIC_BEFORE = re.compile(r"\b(?:SO|SOOO+|VERY|TERRIBLY)\s+$")
_SARCASTIC_PREFIX = rx(
    r"^\W*(?:well|oh|oh well|gosh|ooh|oops),? (?:<im> )?(?:(?:so|terribly|very|awfully|ever so) ){0,2}$"
)
_SARCASTIC_AFTER = rx(
    r"^\W*(?:that |if )?(?:our|we|the|this) (?:\w+ ){0,3}(?:isn'?t|aren'?t|wasn'?t|don'?t|doesn'?t|"
    r"weren'?t) (?:good enough|up to|perfect|fast enough|meeting)|^\W*(?:your (?:majesty|highness|lordship)|"
    r"for (?:existing|breathing|living|being alive)|not sorry|that (?:we|i) (?:can'?t|cannot) "
    r"(?:read minds|work miracles|perform miracles)|that <youre> so|i'?m not (?:a )?(?:perfect|mind reader|"
    r"magician)|<sorry>\W+<sorry>)"
)
_IF = rx(
    r"^\W*(?:if\b|for any\b|about any\b|should (?:you|this|that|there)\b|in case\b|that any\b|"
    r"for whatever\b|to the extent\b|(?:for|about) anything that may|if in any way)"
)
_YOU_FEEL = rx(
    r"^\W*(?:that |about how |for how |that'?s how )?(?:<you>(?:'ve| have)? (?:feel|felt|think|thought|see it|"
    r"believe|are feeling|'re feeling|find|found|took it|take it|got (?:upset|angry|annoyed)|seem)|"
    r"<youre> (?:so )?(?:upset|unhappy|disappointed|angry|frustrated|annoyed|not happy|dissatisfied|"
    r"feeling|offended|cross|mad|worked up|this upset)|<you> (?:see|view) (?:it|things) (?:that|this))"
)
_BLAME = rx(
    r"^\W*(?:that |about how |if )?(?:<you>(?:'ve| have)? (?:misunderstood|misread|misheard|didn'?t|did not|"
    r"failed|forgot|got confused|were confused|weren'?t|were not|missed|chose|decided|ignored|entered|"
    r"set up|gave|should|must have|haven'?t|have not|can'?t|cannot|don'?t understand|clearly|overlooked|"
    r"mixed up|got (?:it|that|the \w+) wrong)|(?:for|about) <your> (?:\w+ )?(?:misunderstanding|confusion|"
    r"mistake|error|oversight)|(?:for|about) the (?:confusion|misunderstanding) on <your> (?:part|end)|"
    r"<you> (?:can'?t|couldn'?t) (?:read|understand|follow))"
)
_CAUSE = rx(
    r"\b(?:must (?:have|'ve)(?! (?:been|given|felt|seemed|left|made|come|hurt|upset|worried|scared|"
    r"frightened|put <you>|ruined|spoiled|spoilt|wrecked|messed up|thrown|caused <you>)\b)|probably|presumably|i (?:think|guess|suspect|reckon|imagine) (?:our|the|we|it|"
    r"someone)|(?:most )?likely (?:because|our|the|we)|because (?:of )?(?:our|the|we|a|they|it)|due to\b|"
    r"as a result of|caused by|since (?:our|the) |(?:our|the|a) (?:\w+ ){0,2}(?:system|warehouse|driver|"
    r"courier|engineer|depot|computer|software|server|team|staff|supplier|contractor|machine|glitch|"
    r"update|upgrade|migration)s? (?:(?!(?:you|u|i|we|they)\b)\w+ )?(?:lost|messed|broke|crashed|glitched|went down|failed|"
    r"mixed|must|probably|forgot|double|was|were|had|ran|overran|scanned|sent))"
)
_CORPORATE = rx(
    r"(?:\b(?:we|the company|i|<company>) (?:sincerely |deeply |do |truly )?regrets?\b|\bregret (?:any|the|this)|"
    r"\b(?:for|about) any (?:\w+ )?(?:inconvenience|trouble|distress|disappointment|issues?|problems?|"
    r"difficulties|frustration|upset)|\binconvenience (?:this|that|which) (?:may|might) (?:have|has)|"
    r"\b(?:may|might) have (?:been )?caused|\bapologi[sz]es? for (?:the|any) inconvenience|"
    r"\bplease accept (?:our|my) apologies for any)"
)
_BUT = rx(
    r"\b(?:but|however|although|though|unfortunately|except|yet|that said|having said that|"
    r"nevertheless|nonetheless|still|whereas)\b"
)
_FIX_AFTER_BUT = rx(
    r"^\W*(?:(?:\w+ ){0,2}(?:let me|let'?s|i'?ll|i will|i'?m going to|i am going to|we'?ll|we will|"
    r"we can|i can|i want to|i'?d like to|what can|how can|the good news|right now|i promise|"
    r"i'?m (?:here|on it|sorting|fixing)|i'?ve (?:already )?(?:refunded|sent|booked|started|fixed|raised|"
    r"credited|arranged|flagged)|together|we'?re going to|please let me|i'?m (?:going to|gonna) )|"
    r"(?:\w+ ){0,4}(?:i'?ll|let me|i will|i can) (?:fix|sort|refund|send|book|get|help|make|put|"
    r"arrange|credit|take care|look into|chase|do))"
)

_PASSIVE = table(
    {
        "passive": [
            r"\b(?:mistakes|errors|things|issues|problems|oversights) (?:were|have been|may have been|"
            r"might have been|got) (?:made|missed|overlooked)",
            r"\bit(?:'s| is| was) (?:regrettable|unfortunate)\b",
            r"\bthat'?s unfortunate\b",
            r"\bthese things happen\b",
            r"\bit happens\b",
        ],
        "corporate_hedge": [
            r"\b(?:we|i|the company) (?:sincerely |deeply |truly |do )?regret\b",
            r"\bregret (?:any|the|this) (?:\w+ )?(?:inconvenience|trouble|distress|disappointment)",
        ],
        "sarcastic": [
            r"\bwell,? (?:excuse|pardon) me\b",
            r"\b(?:sorry|apologies) for (?:existing|breathing|living)\b",
            r"\bsorry,? not sorry\b",
            r"\bthousand apologies\b",
            r"\bforgive me for\b",
            r"\b<sorry> (?:that )?(?:we'?re|we are|i'?m|i am|we aren'?t|i'?m not) (?:not )?(?:perfect|mind readers?|"
            r"magicians?|psychic|robots?)",
        ],
    }
)

CANCELLING = (
    "sorry_but",
    "sorry_if",
    "sorry_you_feel",
    "blame_apology",
    "confessing_cause",
    "corporate_hedge",
    "sarcastic",
    "passive",
    "wrapped_in_excuse",
)
"""Finding kinds that cancel an apology."""


def _classify(cleaned: Cleaned, m: re.Match[str], sentence: Span, following: Span | None) -> str:
    text = cleaned.text
    before = text[sentence.start : m.start()]
    word = text[m.start() : m.end()]
    after = text[m.end() : sentence.end]
    if _REFUSAL.search(before) or _THIRD_PARTY.search(before):
        return "refusal"
    if _FILLER_AFTER.match(after) or (
        after.strip() in {"?", ""} and sentence.text.strip().endswith("?")
    ):
        return "filler"
    if (
        not before.strip(" ,.")
        and sentence.text.rstrip().endswith("?")
        and _DATA_AFTER.match(after)
    ):
        return "filler"
    if (
        word.isupper()
        and len(word) > 1
        and (_SARCASTIC_BEFORE.search(before) or word.upper().startswith("SORR"))
        and (_SARCASTIC_BEFORE.search(before) or _SARCASTIC_PREFIX.match(before))
    ) or _SARCASTIC_AFTER.match(after):
        return "sarcastic"
    if _SARCASTIC_PREFIX.match(before) and before.strip().lower().startswith(
        ("well", "oh", "gosh")
    ):
        return "sarcastic"
    if _YOU_FEEL.match(after):
        return "sorry_you_feel"
    if _BLAME.match(after):
        return "blame_apology"
    if _CORPORATE.search(sentence.text):
        return "corporate_hedge"
    if _IF.match(after):
        return "sorry_if"
    but = _directly_but(after)
    if but and not _FIX_AFTER_BUT.match(after[but.end() :]):
        return "sorry_but"
    if _CAUSE.search(after):
        return "confessing_cause"
    if following is not None:
        lead = _BUT.match(following.text)
        if lead and not _FIX_AFTER_BUT.match(following.text[lead.end() :]):
            return "sorry_but"
    return "sincere"


_SOFT_BUT = {"still", "yet", "though", "although", "whereas"}


def _directly_but(after: str) -> re.Match[str] | None:
    """A but/however that follows the apology directly: within a few words, or after a comma.

    "Sorry about the parcel that shows as delivered but never arrived" has its "but" inside a
    relative clause describing the problem; it is not "sorry, but <excuse>".
    """
    for but in _BUT.finditer(after):
        lead = after[: but.start()]
        if re.search(r"[,;:\-]\s*$", lead) or not lead.strip():
            return but
        if len(lead.split()) <= 3 and but.group(0).lower() not in _SOFT_BUT:
            # "still"/"yet"/"though" mid-clause describe the problem ("still dropping").
            return but
    return None


def detect(
    cleaned: Cleaned,
    job_negatives: list[Finding] | None = None,
    sarcasm: list[Finding] | None = None,
) -> StepEvidence:
    """Classify every apology in the reply; pass when one is sincere and none is cancelled."""
    positives: list[Finding] = []
    negatives: list[Finding] = []
    sentences = list(cleaned.sentences)
    for m in _APOLOGY_WORD.finditer(cleaned.text):
        idx = next((i for i, s in enumerate(sentences) if s.start <= m.start() < s.end), None)
        if idx is None:
            continue
        sentence = sentences[idx]
        following = sentences[idx + 1] if idx + 1 < len(sentences) else None
        kind = _classify(cleaned, m, sentence, following)
        if kind in ("refusal", "filler"):
            continue
        span = Span(sentence.start, sentence.end, sentence.text)
        finding = Finding(kind, span, sentence)
        (positives if kind == "sincere" else negatives).append(finding)
    negatives += scan(cleaned, _PASSIVE)
    negatives += [f for f in sarcasm or [] if f not in negatives]
    if positives and job_negatives:
        # Decision (labelling guide): an apology in a reply that also commits any job failure
        # is hollow, wherever the failure sits.
        first = job_negatives[0]
        negatives.append(Finding("wrapped_in_excuse", first.span, first.sentence))
        positives = []
    negatives.sort(key=lambda f: f.span.start)
    passed = bool(positives) and not negatives
    missing = "" if positives or negatives else "no apology found"
    return StepEvidence(passed, positives, negatives, missing)


_AS_JOB = {
    "sorry_but": "excuse_after_sorry",
    "blame_apology": "blaming_customer",
    "confessing_cause": "explaining_cause",
}


def excuses(cleaned: Cleaned) -> list[Finding]:
    """Apologies that carry an excuse, blame or a guessed cause, as job findings."""
    found = detect(cleaned).negatives
    return [Finding(_AS_JOB[f.kind], f.span, f.sentence) for f in found if f.kind in _AS_JOB]

"""Pattern pieces shared by several finding kinds."""

from __future__ import annotations

from trainer.grading.findings import Finding
from trainer.grading.text import opens_as_question, rx

ORG = (
    r"(?:system|systems|warehouse|driver|drivers|courier|couriers|engineer|engineers|depot|computer|"
    r"software|server|servers|team|staff|supplier|contractor|machine|network|app|website|portal|"
    r"billing|payment|payments|schedule|scheduler|database|branch|store|shop|kitchen|crew|technician|"
    r"technicians|office|partner|bank|airline|flight|manager|agent|colleague|department|company|"
    r"printer|post|mail|van|route|batch|update|upgrade|migration|rota)"
)
"""Who or what can be the subject of an explanation (corpus rounds)."""
ORG4 = (
    r"(?:system|systems|driver|drivers|courier|couriers|engineer|engineers|inspector|filter|exchange|"
    r"cabinet|resort|hotel|hospital|clinic|crew|fraud system|fraud filter|warehouse|depot|bank|"
    r"supplier|contractor|team|staff|line|network)"
)
"""The round-4 list of organisations that explain or block things."""

WAY_FORWARD = rx(
    r"\b(?:i|we) (?:can|could|will|'ll|would|'d)\b|\blet me\b|\bshall (?:i|we)\b|\balready\b|"
    r"\b(?:i|we)(?:'ve| have) (?:\w+ )?(?:ordered|booked|sent|arranged|refunded|credited|raised|"
    r"reversed|cancelled|escalated|logged|rebooked|replaced)\b|"
    r"\bwould <you> like\b|\bif <you> (?:want|like|prefer)\b"
)
"""Something offered or done for them: a rule or a permission followed by this leaves the door
open (round 5)."""


_AGENT_BEFORE = ("i'll", "i will", "we'll", "we will", "can i", "shall i", "let me", "would a")
_AGENT_SUBJECT = rx(
    r"\b(?:shall|can|could|may) (?:i|we)\b|\b(?:i|we)(?:'ll| will| can(?![\u2019\x27]t|not| not)| could(?!n)|"
    r"'d| would)\b|\blet me\b|\bi(?:'m| am) going to\b"
)


def agent_does_it(text: str, finding: Finding) -> bool:
    """The agent is the one ringing or chasing ("I'll call you back tomorrow", "Shall I ring
    the claims team?"): good craft, not sending the customer away."""
    before = text[max(0, finding.span.start - 30) : finding.span.start].lower()
    if any(k in before for k in _AGENT_BEFORE):
        return True
    return bool(_AGENT_SUBJECT.search(text[finding.sentence.start : finding.span.start]))


_PERMISSION = rx(r"\b(?:free|welcome) to\b|\b<your> right\b|\bentitled to\b")
_CLOSING = rx(r"\banything else\b|\bgoodbye\b|\bbye\b")


def permission_with_way_forward(text: str, finding: Finding) -> bool:
    """Round 5: "That's your right, and I'm sorry. Shall I book the engineer?" is not a threat.

    Granting them the right to complain, sue or post stays a counter-threat (or giving up)
    when it ends the matter ("Post what you like"); followed by an offer or a question, it
    leaves the door open.
    """
    if not _PERMISSION.search(finding.span.text):
        return False
    rest = text[finding.sentence.end :]
    if _CLOSING.search(rest):
        return False
    return bool(WAY_FORWARD.search(rest)) or "?" in rest


_REQUEST = rx(r"^\W*(?:and |so |also |ok(?:ay)?,? )?(?:tell me|let me know|walk me through)\b")
_TAG_OR_DOUBT = rx(
    r",\s*(?:didn'?t|don'?t|isn'?t|wasn'?t|weren'?t|aren'?t|can'?t|won'?t|haven'?t|hasn'?t|can|did|do|is|"
    r"was|right|yeah|eh)\b[^,?]*\?\s*$|^\W*(?:are <you> sure|did <you> (?:not|even)|didn'?t <you>|"
    r"do <you> (?:even|really|not)|why (?:didn'?t|did|don'?t) <you>)\b"
)
_CAUSAL = rx(r"\b(?:because|cos|due to|glitch\w*|upgrad\w*|our system|the system|busy|storm)\b")
"""Review: a question or playback that also states a cause does not excuse the cause."""
_TURN = rx(r"\b(?:but|however|though|although)\b")
_OWN_FAULT = rx(r"\bbecause of (?:our|my) (?:own )?(?:mistake|error|fault|mix-?up|slip)\b")
_THEIR_TROUBLE = rx(
    r"\b<you>(?:'ve| have)? (?:probably|must have|likely) (?:had|been|felt)\b|"
    r"\bprobably (?:missing|losing|having|dealing with|going without) [^.!?]{0,30}\bbecause of (?:it|this|that)\b"
)
_PLAYBACK = rx(
    r"\b(?:<you> want|<youre> (?:saying|telling me|asking)|<you> (?:said|told me|mean))\b"
)


def asks_them(text: str, finding: Finding) -> bool:
    """Rated set 1: a question or request put to the customer ("Which classes were you going to,
    so I can check?", "tell me how much has gone out since the freeze") gathers facts; it does not
    explain the cause or blame them, whatever words it contains."""
    sentence = text[finding.sentence.start : finding.sentence.end].strip()
    if _TAG_OR_DOUBT.search(sentence) or _CAUSAL.search(sentence):
        return False  # "you left the router off, didn't you?", "our system was upgraded, so...?"
    return (sentence.endswith("?") and opens_as_question(sentence)) or bool(
        _REQUEST.match(sentence)
    )


def owns_or_sympathises(text: str, finding: Finding) -> bool:
    """Rated set 1: "overdrawn because of our mistake" owns the fault, and "you've probably had
    to tell the story every time" imagines what they went through; neither explains it away."""
    sentence = text[finding.sentence.start : finding.sentence.end]
    before = text[finding.sentence.start : finding.span.start]
    playback = _PLAYBACK.search(before)
    if playback and not _TURN.search(before[playback.end() :]):
        # Reading back their reason: "the fee you want taken off, because it left on time".
        return True
    return bool(_OWN_FAULT.search(sentence) or _THEIR_TROUBLE.search(sentence))


_FIX_FOLLOWS = rx(
    r"^[^.!?]{0,60}?,? so (?:i|we)(?:'ve| have) (?:\w+ )?\w+ed\b|"
    r"^[^.!?]{0,60}?,? so (?:i|we) can (?:send|book|refund|cancel|replace|get|arrange|fix|post|credit)\b"
)
_AS_A_ROLE = rx(r"\b(?:it|this|that|them|\w+ed)\s+$")
_ACK_AROUND = rx(r"\b(?:shouldn'?t|should not|should never)\b")
_ACK_AFTER = rx(
    r"^[^.!?]{0,60}?\b(?:is|was|'s|must be|would be|must have been|would drive) (?:\w+ ){0,2}(?:awful|"
    r"horrible|terrible|rubbish|the worst|not fair|unfair|gutting|devastating|not ok(?:ay)?|maddening|"
    r"infuriating|frustrating|stressful|anyone)\b"
)


def fact_then_fix(text: str, finding: Finding) -> bool:
    """Rated set 2: a finding the agent reports on the way to the fix ("the £312 was based on an
    estimate, so I've cancelled it", "we've got them in a size 9, so I can send them today"),
    "escalated it as an emergency" (as = in the role of), or the cause told as part of their
    loss ("ur mum's care shouldn't be put at risk because an app crashed", "failing an exam
    because the internet dropped out is genuinely awful")."""
    span = finding.span
    if span.text.lower().startswith("as ") and _AS_A_ROLE.search(
        text[finding.sentence.start : span.start]
    ):
        return True
    if (
        _FIX_FOLLOWS.match(text[span.end : finding.sentence.end])
        or _FIX_FOLLOWS.match(text[span.start : finding.sentence.end])
    ) and not _CAUSAL.search(text[finding.sentence.start : span.end]):
        return True
    before = text[finding.sentence.start : span.start]
    return bool(
        _ACK_AROUND.search(before) or _ACK_AFTER.match(text[span.end : finding.sentence.end])
    )


_PROTECTS = rx(
    r"\b(?:nothing goes to|won'?t go to|doesn'?t go to|stop\w* (?:it |them )?(?:going )?(?:to|on)|"
    r"paus\w*|on hold|taken off|take (?:it |that )?off|remov\w* (?:it |that )?from|off (?:<your>|the)|"
    r"protect\w*|worr\w* about|so (?:it|nothing) (?:doesn'?t|won'?t))[^.!?]{0,12}$"
)


def protects_them(text: str, finding: Finding) -> bool:
    """Rated set 2: "so nothing goes to collections", "taken off your credit file", "worrying
    about your credit file": the agent protects them from it; it is no threat."""
    return bool(_PROTECTS.search(text[finding.sentence.start : finding.span.start]))


_RETENTION = rx(r"\b(?:would (?:it|that) help|exception|waive|keep <you>)\b")


def keeps_them(text: str, finding: Finding) -> bool:
    """Rated set 2: "Before you go, would it help if I moved you to the cheaper plan or put 50%
    off?" is an offer to keep them, not an upsell."""
    return bool(_RETENTION.search(text[finding.sentence.start : finding.sentence.end]))


_NOT_THEIR = rx(
    r"\b(?:not|wasn'?t|isn'?t|never|none of it|nothing to do with)\b(?:\W+\w+){0,3}\W+$"
)
_MAKE_SURE = rx(r"\b(?:make sure|ensure|see that|so that)\b(?:\W+\w+){0,2}\W+$")


def says_it_was_not(text: str, finding: Finding) -> bool:
    """Rated set 2: "something that wasn't even ur fault", "make sure it never happens again"."""
    before = text[finding.sentence.start : finding.span.start]
    return bool(_NOT_THEIR.search(before) or _MAKE_SURE.search(before))


_AGENT_ASKS_TO = rx(r"\b(?:shall|should|can|could|may) (?:i|we)\W*$|\blet me\W*$")


def agent_goes_ahead(text: str, finding: Finding) -> bool:
    """Rated set 2: "Shall I go ahead and cancel it for you?" offers the fix; it is not a dare."""
    return bool(_AGENT_ASKS_TO.search(text[finding.sentence.start : finding.span.start]))

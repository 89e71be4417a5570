"""Pattern pieces shared by several finding kinds."""

from __future__ import annotations

from trainer.grading.findings import Finding
from trainer.grading.text import rx

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

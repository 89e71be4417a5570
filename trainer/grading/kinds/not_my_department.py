"""`job` failure `not_my_department`: sends the customer elsewhere instead of owning the problem."""

from __future__ import annotations

from trainer.grading.findings import Finding
from trainer.grading.kind import (
    COMMITTED,
    CORPUS,
    ISSUE11,
    RATED2,
    ROUND4,
    ROUND5,
    ROUND6,
    Kind,
    patterns,
)
from trainer.grading.kinds.common import agent_does_it
from trainer.grading.text import rx

_RING = rx(r"(?:ring|call|phone|contact)\b")


_TAKE_UP = rx(r"take it up with")
_AGENT_BEFORE = rx(r"\b(?:i|we)(?:'ll| will| can| could| would| shall|'d)?(?: personally)? $")


def agent_chases(text: str, finding: Finding) -> bool:
    """Round 6: "I'll ring the claims team" is the agent chasing, not sending them away.

    Rated set 1: so is "so I can take it up with the manager"."""
    if _TAKE_UP.match(finding.span.text):
        return bool(_AGENT_BEFORE.search(text[finding.sentence.start : finding.span.start]))
    return bool(_RING.match(finding.span.text)) and agent_does_it(text, finding)


KIND = Kind(
    id="not_my_department",
    step="job",
    severity=COMMITTED,
    judge_may_overrule=True,
    summary="sends the customer elsewhere instead of owning the problem",
    flag="not_my_department",
    patterns=(
        *patterns(
            CORPUS,
            r"\bi (?:can'?t|cannot|can not) touch (?:it|that|this|those)\b",
            r"\bnothing to do with (?:me|us|my|our)\b",
            r"\b(?:ring|call|contact|phone|email) the \w+ (?:team|department|desk|line|office|people)\b",
            r"\btake it up with\b",
            r"\bi(?:'ll| will) (?:transfer|put) <you> (?:through )?to (?:someone|somebody|another|the other)\b(?! .*\b(?:notes|explain|brief|so you don'?t))",
            r"\b(?:<you>'?d|<you> would|<you> will|<you>'?ll) (?:have|need) to (?:ring|call|contact|go into|go to|visit|email|write)\b",
            r"\bi (?:didn'?t|did not) (?:charge|send|book|do|cause) (?:you|it|this|that|anything)\b",
            r"\bnot my (?:department|area|job|problem|responsibility|team)\b",
            r"\b(?:that|it|this)(?:'s| is)n'?t (?:my|our) (?:department|area|job|problem|team)",
            r"\b(?:that|it|this) (?:is not|isn'?t|has nothing to do) (?:with )?(?:me|us)\b",
            r"\b<you>(?:'ll| will)? (?:need|have|want) to (?:call|ring|contact|speak to|email|phone|"
            r"write to|go to|go through|take (?:it|this|that) up with|talk to|visit|use) (?:the|another|"
            r"a different|our|them)\b",
            r"\b(?:ring|call|contact|try|phone|email) (?:the|our) (?:other|right|correct|billing|"
            r"complaints|sales|technical|tech|delivery|customer) (?:\w+ )?(?:number|department|team|line|"
            r"people|desk)",
            r"\bwrong (?:department|team|number|line)\b",
            r"\b(?:i|we) (?:<cant>|don'?t|do not) (?:help|deal) (?:you )?with (?:that|this)\b",
            r"\b(?:they|them) (?:deal|handle)s? (?:with )?(?:that|this|it)\b",
            r"\bthrough the (?:online )?(?:portal|website|app)\b",
        ),
        *patterns(
            ROUND4,
            r"\bonly (?:the )?\w+(?: team| department| line| desk)? can (?:do|lift|unfreeze|answer|deal|"
            r"sort|change|help)\b",
            r"\b(?:team|department|desk|line)s? (?:have|has|will have|would have) to (?:answer|deal|handle|"
            r"sort|look)\b",
            r"\b(?:give|send|text) <you> (?:their|the (?:\w+ )?(?:team'?s|department'?s)) (?:\w+ )?"
            r"(?:number|details|email|address)\b",
            r"\bombudsman'?s (?:address|details|number)\b",
            r"\b(?:not|isn'?t) up to me\b",
            r"\bi (?:just|only) (?:answer|work|take|do) (?:the )?(?:phones?|calls?)\b",
            r"\bi'?m not (?:an?|the) (?:engineer|manager|technician|driver|expert)\b(?!,? but)",
            r"\ball i can deal with\b",
            r"\bmine to deal with\b",
            r"(?<!and\s)\bput it in writing\b",
            r"\b<you> can (?:write in|write to|rebook online|book online|do (?:it|that) online)\b",
            r"\bthe other (?:two|ones?|bits?) (?:are|is) for\b",
            r"\b(?:are|is) for (?:billing|field ops|the \w+ team)\b",
            r"\bgive them a (?:ring|call)\b",
            r"\bspeak to the (?:\w+ )?(?:desk|staff|team) when\b",
        ),
        *patterns(
            ROUND5,
            r"\b(?:is|'s|are) (?:a )?(?:separate|different) (?:department|team|company|section)s?\b",
            r"\bnot (?:really )?my (?:area|department|team|section|job)\b",
            r"\b(?:isn'?t|is not|aren'?t|are not) (?:part of|covered by|included in) (?:our|the) service\b",
        ),
        *patterns(
            ROUND6,
            r"\btransfer <you> to (?:another|a different|the right|the other) department\b",
            r"\b(?:is|are) separate from\b",
        ),
        *patterns(
            ISSUE11,
            r"\b(?:through|via|using) (?:our|the) (?:official |formal |online )?complaints? (?:procedure|process|form|page|team)\b",
        ),
        *patterns(
            RATED2,
            r"\b(?:please )?contact the (?:manufacturer|supplier|owner|landlord|council|retailer|seller|insurer|maker)\b",
            r"\b(?:i'?d need <you> to|<you>(?:'ll| will)? (?:need|have) to|please|<you> should|<you> can) (?:\w+ )?(?:raise|take) (?:it|this|that|the \w+ (?:issue|problem)) (?:up )?(?:with|to) (?:them|the (?:owner|landlord|manufacturer|seller|host|restaurant)) directly\b",
            r"\b(?:<you>'?ll|<you> will|<you> (?:need|have) to|<you>'?d (?:need|have) to) (?:\w+ ){0,3}(?:cancel|change|sort|do) (?:(?:it|that|this|them) )?(?:yourself|urself)\b",
            r"\bplease check (?:our )?(?:status|service) (?:page|updates)\b|\bstatus\.[a-z]+\.[a-z]+\b",
            r"<ss>\W*(?:<you> (?:can|could|need to|have to|'ll need to) |please )?(?:claim|apply|report it|book it|do it) online\b",
        ),
    ),
    exempt=(agent_chases,),
    examples=(
        # Rated set 2 (issue 11): one example per pattern, in new words.
        "Please contact the manufacturer about the fault.",
        "You'll need to raise it with the owner directly.",
        # Set 7 (chat): "ud need to" is "you'd need to".
        "the fine came from the council so ud need to contact them directly about that",
        "The app store one you'll have to cancel yourself.",
        "Please check our status page for updates.",
        "You can claim online.",
        "Please share it through our official complaints procedure.",
        "Ring the other number, that's not my department.",
        "The refund isn't mine, I can't touch it.",
        "Only the fraud team can lift it.",
        "The claims team have to answer that.",
        "I'll give you their number.",
        "I can give you the ombudsman's address.",
        "Sorry, it's not up to me.",
        "I only answer the phones.",
        "I'm not a technician.",
        "The bill is all I can deal with.",
        "Only the router is mine to deal with.",
        "You'll have to put it in writing.",
        "You can rebook online.",
        "I'll take the bill, the other two are for another office.",
        "The refund is for the billing team.",
        "Give them a ring on Monday.",
        "Speak to the desk staff when they open.",
        "Repairs are a separate department.",
        "Sorry, that's not really my area.",
        "Wiring inside the house isn't part of our service.",
        "I'll transfer you to another department.",
        "Refunds are separate from deliveries.",
    ),
    near_misses=(
        "I'll get the security team to lift the block right now.",
        "I'm not an engineer, but I can see you've lost two weeks and I'll get one booked.",
        "Don't worry, it's nothing to do with you. I'm so sorry this happened.",
        "I'll ring the claims team and put it in writing for you.",
    ),
)

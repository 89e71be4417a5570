"""Step 4, `ask`: does the reply ask what the customer wants?

Each question (a sentence ending in `?`, or one that opens like a question in chat style) is
sorted into: a need question ("What can I do?"), a remedy or escalation offered as a question
("Would it help if I refund the fee?"), a data request, a rhetorical question, a hold, or a
premature close. The step passes on a need question or an offered remedy, unless the reply
undercuts it with a rhetorical question. "Let me know what would help" counts as asking.
"""

from __future__ import annotations

from trainer.grading.findings import Finding, StepEvidence
from trainer.grading.text import Cleaned, Span, is_question, rx

_RHETORICAL = [
    rx(p)
    for p in (
        r"\bwhat (?:do|did|else do|else did|exactly do|would|are) <you> (?:expect|want)(?: me| us)? "
        r"(?:to do|from me|from us)?\s*(?:about it|then|here|exactly)?\s*[?!]*$",
        r"\bwhat (?:do|did) <you> expect\b",
        r"\bwhat (?:do|did) <you> want me to say\b",
        r"\bwhat (?:am i|are we|was i|were we) (?:supposed|meant|expected) to\b",
        r"\bhow (?:am i|are we|was i|were we|would i|would we|could i|could we) (?:supposed |meant |"
        r"expected )?(?:to )?(?:know|have known|guess|read)\b",
        r"\bdo <you> (?:think|expect|really think|honestly think|seriously think) (?:i|we)\b",
        r"\b(?:is|was) (?:that|it) (?:really |so |that |too )?(?:hard|difficult|much to ask|complicated)\b",
        r"\bwho do <you> think\b",
        r"\bwhy (?:would|should|didn'?t|did|don'?t|can'?t|couldn'?t|won'?t) <you>\b",
        r"\bwhy (?:would|should) (?:i|we)\b",
        r"\bdid <you> (?:even|actually|not|bother|really)\b",
        r"\b(?:have|did) <you> (?:even|actually|ever) (?:tried|read|checked)\b|\b(?:have|did) <you> "
        r"(?:even )?bothered\b",
        r"\bare <you> (?:serious|kidding|joking|for real|listening|even|deaf|done)\b",
        r"^\W*(?:really|seriously|honestly)\W*\?+\W*$",
        r"\bcan'?t <you> (?:read|see|understand|hear)\b",
        r"\bwhat(?:'s| is) <your> problem\b|\bwhat(?:'s| is) the big deal\b",
        r"\bwhat more (?:do|can|could) <you> want\b",
        r"\bhow (?:hard|difficult) (?:is|can) it be\b",
        r"\bwhat (?:did|do) <you> (?:think|want) (?:would|was going to|will) happen\b",
        r"\bhappy now\b",
        r"\bwhat (?:else )?(?:can|could) (?:i|we|anyone) (?:possibly|even) do\b",
        r"\bdon'?t <you> (?:think|realise|realize|understand|know)\b",
        r"\bhow (?:is|was|'s) (?:that|this|it) (?:my|our|the company'?s) (?:fault|problem|responsibility)\b",
        r"\b(?:is|was) (?:that|this|it) (?:my|our) (?:fault|problem)\b",
        r"\bi'?ll just [^.!?]{0,60},? shall i\b",
        r"\bwhat did <you> (?:think|expect)\b",
        r"\bwhose fault is (?:that|this|it)\b",
    )
]
_HOLD = rx(
    r"\b(?:please |just )?(?:hold|hang on|hold on|bear with me|one (?:moment|minute|sec|second)|"
    r"wait (?:a|one) (?:moment|minute|sec|second)|put <you> on hold|place <you> on hold|"
    r"stay on the line)\b"
)
_DATA = rx(
    r"\b(?:best|contact|phone|mobile) number\b|\bnumber to (?:reach|call|contact|ring)\b|"
    r"\b(?:account|order|reference|ref|tracking|booking|policy|customer|membership|card|job|case|parcel|"
    r"hospital|"
    r"ticket|invoice|serial|flight|confirmation|phone|mobile|contact|telephone|agreement|rental|"
    r"claim|meter|passport|sort|patient|member|nhs|national insurance|vehicle|registration|"
    r"licence|license)(?:\s+|-)(?:number|no|id|code|details|reference|ref)\b|"
    r"\b(?:account|booking|job|tracking|claim|order) (?:ref|reference|id)\b|\b(?:postcode|post code|zip|date of birth|dob|email address|"
    r"e-mail|email|address|full name|surname|last four|security (?:question|answer)|password|pin|"
    r"first line of|spell <your> name|your name)\b"
)
_CLOSE = rx(
    r"\bhelp (?:<you> )?with (?:something|anything) else\b|"
    r"(?<!before\s)\banything else\b(?! (?:\w+ ){0,3}(?:wrong|missing|not right|outstanding|to fix))|"
    r"^\W*is that all\W*$|"
    r"\bwill that be all\b"
)
_NEED = [
    rx(p)
    for p in (
        r"\b(?:what|how) (?:\w+ ){0,2}(?:can|could|may|shall|should|would|might) (?:i|we) (?:\w+ ){0,3}"
        r"(?:do|help|make|fix|put|sort|offer|get|change|resolve|improve|turn)",
        r"\bwhat (?:would|will|do|does|did) (?:<you>|it) (?:\w+ ){0,2}(?:like|want|need|prefer|hope|"
        r"expect|hoping|wanting)\b",
        r"\bwhat (?:are|were) <you> (?:hoping|looking|wanting|after)\b",
        r"\bhow (?:would|do|does|did|should|can|could) (?:<you>|it|this|that|we) (?:\w+ ){0,3}(?:like|want|"
        r"prefer|need|help|sound|work|suit|go|feel|proceed|fix|resolve)",
        r"\bwhat (?:would|could|might|will) (?:\w+ ){0,2}(?:help|make (?:this|it|that|things)|put (?:this|it|"
        r"that|things)|be (?:a )?(?:fair|good|best|right|acceptable|ideal)|work (?:best |better )?for <you>|"
        r"fix|resolve|settle|sort|make up|feel right|set (?:this|it) right)",
        r"\bwhat(?:'s| is) (?:the )?(?:best|most important|outcome|ideal|priority|main thing)\b"
        r"(?! (?:number|phone|mobile|email|address|contact|way to (?:reach|contact)))",
        r"\bwhat outcome\b",
        r"\b(?:is there|was there) (?:anything|something|a way) (?:in particular |specific |more |at all )?"
        r"(?:that )?(?:i|we|<you>) (?:can|could|would|might|'d)",
        r"\b(?:would|will|does|could|might|can) (?:it|that|this) (?:\w+ )?(?:help|work|suit|be (?:ok|okay|"
        r"alright|acceptable|fair|good|enough|better|useful)|do|sort|fix|make)\b",
        r"\b(?:would|do|will|could) <you> (?:like|prefer|want|rather|be (?:happy|ok|okay|open|willing)|"
        r"accept|consider|mind if)\b",
        r"\b(?:shall|should|can|could|may|might) (?:i|we) (?:just |quickly |also |first )?(?!take (?:<your>|a (?:few|"
        r"couple|note|number|name|reference)|down|some|the (?:account|order|booking|reference|card|"
        r"postcode|details))|have (?:<your>|a|an|the (?:account|order|booking|reference|card|postcode|"
        r"details))|get (?:<your>|a (?:few|couple|number|name|reference)|some|the (?:account|order|booking|"
        r"reference|card|postcode|details))|grab\b|confirm (?:your|the)\b|ask (?:for )?your\b|"
        r"put <you> on hold|place <you> on hold|hold\b|tell <you> about|interest <you>|"
        r"start by (?:taking|getting)|check (?:your|the) (?:account|details|identity|name))[a-z]+",
        # A remedy offered for their say-so: "Is it OK if I refund the cake today?"
        r"\b(?:is it|would it be|will it be|is that) (?:ok|okay|alright|all right|fine) (?:with <you> )?"
        r"(?:if|for) (?:i|we|me|us) (?!(?:put|place) <you> on hold|(?:just )?(?:take|get|have|grab|"
        r"confirm) (?:<your>|a few|some|the (?:account|order|booking|reference|card|postcode)))",
        r"\bwould (?:a|an|the|some) (?:\w+ ){0,5}be (?:easier|better|ok|okay|helpful|useful|enough|fair|"
        r"good|best|a help|simpler|quicker|any (?:use|help|good))\b",
        r"^\W*(?:(?:a|an|the|full|partial|quick) )?(?:refund|replacement|credit|voucher|discount|"
        r"call-?back|collection|redelivery|rebooking|new one)\b[^.!]{0,50}\?\W*$",
        r"^\W*(?:a|an|the)? ?(?:[\w£$]+ ){1,3}(?:refund|replacement|credit|voucher|discount|goodwill)"
        r"\b[^.!]{0,40}\?\W*$",
        r"\bwant (?:that|this|one)\W*$",
        r"\bwant me to\b",
        r"\bwould it (?:be )?(?:easier|better|simpler|quicker|help|suit)\b",
        r"\b(?:is|was) there (?:\w+ ){0,5}(?:still )?(?:missing|wrong|not right|outstanding|left|I'?ve missed|"
        r"I can fix|we can fix|I can sort)",
        r"\bis that (?:all|everything) (?:<you> need|that needs|to (?:fix|sort)|<youre> after)",
        r"\b(?:have|did) i (?:got|get|missed|miss) (?:all|everything|anything)",
        r"\byes or no\W*$",
        r"\bdo <you> want (?:me|us) to\b",
        r"\bwhat (?:do|did) <you> (?:need|want|prefer|have in mind)\b",
        r"\bhow (?:does|would) (?:that|this|it) sound\b",
        r"\bwhich (?:\w+ ){0,2}(?:would|do|works|suits|is better|prefer)\b",
        r"\bwhat can i do\b",
        r"\bhow can i help\b",
        r"\bwhat (?:would|do) (?:<you> )?(?:think|feel) is fair\b",
        r"\bwhat would (?:you|u) (?:have|see) (?:me|us) do\b",
        r"\bhow (?:can|could|do|shall|should) we (?:fix|sort|solve|put|make|move|get)\b",
        r"\btell me (?:what|how) (?:<you>|i|we|would|will|can)\b",
        r"\blet me know (?:what|how|which|if there)\b",
        # A remedy offered for them to accept: "Would two o'clock suit you?", "Would a credit help?"
        r"\bwould (?!(?:<you>|i|we|they|he|she)\b)(?:[^\s?.!,]+ ){1,10}(?:help|suit|work)\b(?! (?:on|with)\b)",
        r"\b(?:shall|should) (?:i|we)\W*\?",
        r"\bdo <you> (?:need|want) (?:a|an|me|us|any|some|both)\b",
    )
]
_NEED_STATEMENT = rx(
    r"\b(?:tell me|let me know|i'?d (?:like|love) to (?:know|hear|understand)|i want to (?:know|"
    r"hear|understand)) (?:what|how|which)\S* (?:\S+ ){0,5}(?:help|like|want|need|prefer|fair|right|"
    r"work|do|make|fix|wrong|happened|happening|going on)"
)


_COMPLIANCE = rx(
    r"^\W*(?:(?:is that|was that) (?:clear|understood|ok|okay|alright|all right|fine)(?: (?:with|for) <you>)?|understood|got (?:it|that)|"
    r"does that make sense|do <you> understand|ok(?:ay)?|alright|right|yeah|clear|capisce|fair enough)\W*$|"
    r"\b(?:is that|was that) clear\b|\bdo <you> understand\b|\bdoes that make sense\b|"
    r"[,.] ?(?:ok(?:ay)?|alright|right|understood|got it|yeah)\W*\?+\W*$|"
    r"[,.] ?(?:(?:is|would|does|will) )?(?:(?:that|this) )?(?:ok(?:ay)?|alright|all right|work|suit|good|fine)"
    r"(?: with| for)?(?: <you>| that| this)?\W*\?+\W*$"
)
_TAG_REMEDY = rx(
    r"\b(?:i'?ll|i will|i can|we can|we'?ll|let me|i could|how about|i'?d) (?:\w+ ){0,4}(?:refund|send|book|"
    r"arrange|credit|waive|replace|knock|take off|put|get|fix|sort|call|ring|escalate|reschedule|"
    r"cancel|upgrade|compensate|give|offer|pay|remove|reverse|drop|waive|unblock|rebook|keep|hold|freeze)|"
    r"\b(?:i|we)(?:'ve| have) (?:\w+ )?(?:booked|reversed|refunded|credited|sent|arranged|cancelled)\b|"
    r"\b(?:slot|refund|credit|replacement|voucher|discount|"
    r"call-?back|engineer|courier|driver)\b"
)
_OPEN = rx(
    r"^\W*(?:(?:so|and|ok(?:ay)?|right|also|first|now|then|tell me),? )?(?:what|which|when|where|how|who)\b|"
    r"\b(?:can|could|would) <you> (?:tell|walk|talk|describe|explain|show|let) (?:me|us)\b|"
    r"\bwhat (?:happens|happened|did|does|do|were|was|are|is)\b|"
    r"\bwhat(?:'s| has| had| is)? (?:gone|been going|going|went) wrong\b|\bwhat(?:'s| has) happened\b|"
    r"\b(?:can|could|would|will) <you> (?:describe|read me|send me|talk me through|walk me through)\b|"
    r"\bhave i (?:got|missed|understood)\b|\bdid i (?:miss|get)\b|\bis there anything (?:else )?i'?ve missed"
)
_NEED_HINT = rx(
    r"\b(?:what|whats|how|hows|would|could|can|shall|is there|do <you>|does (?:that|it|this)|"
    r"is (?:that|it|this)|should|will|which)\b|\bwant me to\b"
)


def is_rhetorical(sentence: str) -> bool:
    """A rhetorical question (push-back, not a question meant)."""
    return any(p.search(sentence) for p in _RHETORICAL) and (
        is_question(sentence) or bool(_NEED_HINT.search(sentence))
    )


def classify_question(sentence: str) -> str:
    """One of `need`, `rhetorical`, `hold`, `data`, `close`, `compliance`, `deflect`, `other`."""
    if any(p.search(sentence) for p in _RHETORICAL):
        return "rhetorical"
    if _BARE_WH.match(sentence):
        # "What?" / "Sorry?": asking them to repeat, not asking what they want.
        return "other"
    if _DEFLECT.search(sentence):
        return "deflect"
    if _HOLD_ASK.search(sentence):
        return "hold"
    if _COMPLIANCE.search(sentence):
        return "need" if _TAG_REMEDY.search(sentence) else "compliance"
    if _CLOSE.search(sentence):
        return "close"
    if _DATA_ASK.search(sentence) and _DATA.search(sentence):
        # "Could I have the member ID?": fetching a reference, whatever the wording.
        return "data"
    if any(p.search(sentence) for p in _NEED) or _OFFER_ASKED.search(sentence):
        return "need"
    if _DATA.search(sentence) and not _PROBLEM.search(sentence):
        return "data"
    if _OPEN.search(sentence):
        return "need"
    if (_CHOICE.search(sentence) or _PROBLEM_ASKED.search(sentence)) and not (
        _DATA.search(sentence) or _BARE_AFTER.search(sentence)
    ):
        return "need"
    if _HOLD.search(sentence):
        return "hold"
    return "other"


# Round 5 (error analysis on the independent writers' sets, all fit data by now): remedies
# offered as questions in wordings the list above missed, choices put to the customer, and
# questions about the problem itself (labelling guide, section 4).
_REMEDY_VERB = (
    r"(?:redo|rebill|re-?bill|reissue|re-?issue|correct|refund|replace|send|book|arrange|credit|remove|"
    r"waive|fix|sort|unblock|lift|release|rebook|reschedule|freeze|cancel|collect|redeliver|bring)"
)
_TIME = (
    r"(?:today|tomorrow|tmrw|tonight|this (?:morning|afternoon|evening|week)|monday|tuesday|"
    r"wednesday|thursday|friday|saturday|sunday|morning|afternoon|evening|noon|midday|\d+\s*(?:am|pm|"
    r"mins?|minutes|o'?clock)|\d+[:.]\d+|slot|time)"
)
_OFFER_ASKED = rx(
    # "Shall I take your reading and redo the bill?", "Shall we get your watch sorted?"
    rf"\b(?:shall|should|can|could|may|will) (?:i|we) (?:\w+ ){{0,6}}(?:{_REMEDY_VERB}|get (?:\S+ )"
    r"{0,4}(?:sorted|fixed|back|lifted|unblocked|moving|working|replaced|refunded))\b|"
    # "Would a £30 credit and an engineer visit be a fair start?", "...tide you over?"
    r"\bwould (?!(?:<you>|i|we|they|he|she)\b)(?:[^\s?.!]+ ){1,18}(?:help|suit|work|do|tide <you> over|"
    r"get <you> (?:there|to|home|back|through|going)|be (?:a )?(?:fair |good |decent )?(?:start|help|fair)|"
    r"make (?:it|this|that|things) (?:less|easier|better|right))\b|"
    # "Does Thursday work?", "tuesday ok?", "is 6am too early for you?", "is landing by noon enough?"
    rf"\b{_TIME}\b[^.!?]{{0,30}}(?:work|suit|ok(?:ay)?|alright|all right|good|better|enough|too (?:early|"
    r"late|soon)|any good|do)\b(?:[^.!?]{0,25}\?|(?: for <you>)?\W*\?*\W*$)|"
    r"\b(?:what|which) (?:day|time|slot|date)s? (?:\w+ )?(?:suits?|works?|is best|would (?:suit|work))\b|"
    r"\bif <you>'?d (?:like|prefer)\W*\?|"
    r"\bwant (?:one|it|them|a \w+|me to|us to|to give it a go)\b"
)
_CHOICE = rx(
    # A choice put to them: "new coat or refund, your call?", "everywhere or just at this bar?".
    # A choice between facts ("the 3rd or the 4th?", "cash or card?") is a closed check.
    r"\bor (?:just|only)\b|\b(?:refund|replacement|repair|swap|credit|voucher|new one|rebook\w*|"
    r"redeliver\w*|collection|call ?back|engineer|courier)\b[^.!?]{0,40}\bor\b|\bor\b[^.!?]{0,40}\b"
    r"(?:refund|replacement|repair|swap|credit|voucher|new one|rebook\w*|redeliver\w*|collection|"
    r"call ?back|engineer|courier)\b"
)
_PROBLEM_ASKED = rx(
    # Questions about the problem itself (not identification data): what happened, what they saw.
    r"\b(?:can|could) <you> (?:remember|recall|tell me|tel me)\b|"
    r"\b(?:did|has|have|does|is) (?:the|it|that|they|he|she|anyone|anything|your) (?:\w+ ){0,3}(?:say|"
    r"said|worked|work|happen|still|drop|declin\w*|tell|show\w*|leak\w*|leave|left|give|gave|mention\w*)\b|"
    # Round 6: troubleshooting ("Have you tried restarting it?") asks about the problem too.
    r"\bhave <you> (?:tried|checked)\b|"
    r"[,:;] (?:what|which|when|where|how|who)\b|"
    r"\bwhat(?:'s| is| has)?(?: been)? (?:happening|going on)\b"
)


_BARE_AFTER = rx(r"[,:;] (?:what|who|where|how)\W*$")
_BARE_WH = rx(r"^\W*(?:what|who|where|how|pardon|sorry|huh|eh|come again)\W*$")
_DEFLECT = rx(
    r"\bwould <you> like (?:the|their|a|our) (?:\w+ ){0,3}(?:number|email|address|contact|details|link|"
    r"website)\b|\b(?:can|could|would) <you> (?:call|ring|phone|try|contact) (?:us |them |me )?(?:back|again|"
    r"tomorrow|later|the)\b"
)
_DATA_ASK = rx(
    r"\b(?:can|could|may|might) i (?:just |quickly |please )?(?:have|take|get|grab|ask for|confirm)\b|"
    r"\b(?:can|could|would) <you> (?:please |just )?(?:tell|give|read|confirm|send) (?:me|us) (?:<your>|the)\b"
)
_HOLD_ASK = rx(
    r"\b(?:can|could|may|would|will) (?:i|you) (?:\w+ )?(?:hold|put <you> on hold|place <you> on hold|"
    r"bear with me)\b|^\W*(?:please )?hold\W*$"
)
_PROBLEM = rx(
    r"\b(?:happen\w*|promis\w*|missing|wrong|broken|switch|work\w*|went|say|said|tell|told|need|want|"
    r"like|prefer|help)\b"
)


def detect(
    cleaned: Cleaned, stuffed: bool = False, spoiled: set[int] | None = None
) -> StepEvidence:
    """Pass on a question that invites them to shape what happens next.

    `spoiled` holds start offsets of sentences carrying sarcasm or a counter-threat; a
    question inside one does not count.
    """
    positives: list[Finding] = []
    negatives: list[Finding] = []
    kinds: list[str] = []
    for i, sentence in enumerate(cleaned.sentences):
        text = sentence.text
        previous = cleaned.sentences[i - 1].text if i else ""
        span = Span(sentence.start, sentence.end, text)
        if is_question(text):
            kind = classify_question(text)
            if kind == "compliance" and previous and _TAG_REMEDY.search(previous):
                # "I'll keep the direct debit where it is. Is that alright with you?" asks
                # their agreement to the remedy just offered (labelling guide: tag questions).
                kind = "need"
        elif _NEED_STATEMENT.search(text):
            kind = "need"
        elif any(p.search(text) for p in _NEED) and _NEED_HINT.search(text):
            # Chat style: "what can i do to fix it" without a question mark.
            kind = classify_question(text)
            kind = kind if kind in ("need", "rhetorical") else ""
        elif _HOLD.search(text) and text.lower().lstrip().startswith(
            ("please hold", "hold", "one moment", "bear with")
        ):
            kind = "hold"
        else:
            continue
        if not kind:
            continue
        if kind == "need" and spoiled and sentence.start in spoiled:
            kind = "rhetorical"
        kinds.append(kind)
        if kind == "need":
            positives.append(Finding("need_question", span, sentence))
        elif kind in _NEG_NAMES:
            negatives.append(Finding(_NEG_NAMES[kind], span, sentence))
    passed = bool(positives) and not stuffed
    missing = ""
    if not positives:
        missing = "no question about what they want" if negatives else NO_QUESTION
    if passed:
        # A hold or data request alongside a genuine question does not fail the step.
        negatives = []
    return StepEvidence(passed, positives, negatives, missing)


NO_QUESTION = "no question asked"
"""`missing` when the reply has no question, offer or request at all (the grader's ask veto)."""

_NEG_NAMES = {
    "rhetorical": "rhetorical",
    "hold": "hold_instead",
    "data": "data_only",
    "close": "premature_close",
    "compliance": "compliance_check",
    "deflect": "deflecting_offer",
    "other": "closed_question",
}

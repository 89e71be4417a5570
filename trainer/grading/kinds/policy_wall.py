"""`job` failure `policy_wall`: gives a rule as the end of the matter, with no door left open."""

from __future__ import annotations

from trainer.grading.findings import Finding
from trainer.grading.kind import (
    COMMITTED,
    CORPUS,
    ISSUE11,
    RATED1,
    RATED2,
    RATED8,
    ROUND4,
    ROUND5,
    ROUND6,
    Kind,
    patterns,
)
from trainer.grading.kinds.common import WAY_FORWARD
from trainer.grading.text import Cleaned, is_question, rx

_OPEN_DOOR = rx(
    r"\b(?:but|and|though|however),? (?:what )?(?:i|we) (?:can|could|will|'ll)\b|\bwhat i can do\b|"
    r"\bbut [^.!?]{0,40}\bso (?:i|we)(?:'d| would| will|'ll| can) (?:like to |rather )?(?:put|treat|log|raise|"
    r"refund|replace|process|book|send)\b|"
    r"\b(?:i|we) can (?:ask|check with|get|request|see if)\b|\bshall i\b|\bwould <you> like me to\b"
)
_NEXT_OFFER = rx(
    r"\W*(?:but |so )?(?:next (?:seat|slot|flight|train|appointment|delivery|available)|shall (?:i|we)|would <you> like me to|what i can do|(?:i|we) can (?:\w+ ){0,2}"
    r"(?:ask|check|get|request|see if|offer|arrange|book|refund|credit|have|collect|send|bring|sort|"
    r"fix|put|hand)|let me (?:see|ask|check|get)|let'?s (?:get|sort|fix|find|put|see|look))\b"
)
_NOT_A_RULE = rx(
    r"\b(?:meet|date|go out with|see|give out my|share my) (?:customers|callers|clients|you)\b|"
    r"\b(?:carry on|continue) (?:after|with (?:that|the (?:call|threats?))|the call|this call)\b"
)
_NEGATED_BEFORE = rx(r"\b(?:don'?t|won'?t|doesn'?t|shouldn'?t|never|not) $")


def door_left_open(text: str, finding: Finding) -> bool:
    """Decision (labelling guide): a rule with an open door is not a wall.

    "I'm not able to do that, but I can sort the bill" offers a way forward in the same
    sentence; round 4: so does a refusal followed directly by an offer ("I'm not able to do
    that. Shall we get your parcel back?").
    """
    sentence = text[finding.sentence.start : finding.sentence.end]
    if _NOT_A_RULE.search(sentence) or _NEGATED_BEFORE.search(
        text[finding.sentence.start : finding.span.start]
    ):
        # Round 5: declining a personal request ("I'm not able to meet customers"), ending a
        # call after abuse, or "so you don't have to go through it again" is not a rule.
        return True
    if _OPEN_DOOR.search(text[finding.span.end : finding.sentence.end]):
        return True
    return bool(_NEXT_OFFER.match(text[finding.sentence.end :]))


_COMMITTED = rx(
    r"\b(?:i'?ll|i will|i'?ve|i have|we'?ll|we will|we'?ve|<you>'?ll)\b|\barranged\b|\bbooked\b"
)


_ARRIVES = rx(r"\bwill (?:be|arrive|reach|land|show|clear|appear|go|come)\b")
_ON_ITS_WAY = rx(
    r"\b(?:will|'ll|should) (?:contact|call|ring|phone|email|e-mail|text|visit|respond|reply|"
    r"be in touch|get back to <you>|come back to <you>)\b|"
    r"\b(?:new|replacement|corrected|revised|fresh) (?:\w+ ){0,2}(?:will|should) (?:arrive|be (?:sent|posted|"
    r"emailed|with <you>|delivered|issued))\b"
)
"""Set 5: someone getting in touch, or a new item arriving, "within 48 hours" is a promise."""
_DONE = rx(
    r"\b(?:i'?ve|ive|i have|we'?ve|that'?s|thats|(?:subscription|refund|account|claim|order|booking)\x27s) "
    r"(?:\w+ ){0,3}(?:resubmitted|submitted|refunded|closed|cancelled|processed|sent|booked|raised|issued|"
    r"credited|reversed)\b"
)


_OR_BEFORE = rx(r"\bor $")


def an_option_in_a_question(text: str, finding: Finding) -> bool:
    """Set 6: "is it dripping all the time or only when it's turned off?" asks about the fault;
    "or only when" in a statement ("We refund in full, or only after...") is still a rule."""
    sentence = text[finding.sentence.start : finding.sentence.end]
    before = text[finding.sentence.start : finding.span.start]
    return sentence.rstrip().endswith("?") and bool(_OR_BEFORE.search(before))


def time_the_agent_commits_to(text: str, finding: Finding) -> bool:
    """Round 6: "I've arranged a call within 48 hours" is a promise, not a wall.

    Rated set 1: so is when a refund the agent has just made will arrive ("I've waived the fee.
    Your refund will be back within 10 days.")."""
    if not finding.span.text.lower().startswith("within"):
        return False
    if _COMMITTED.search(text[finding.sentence.start : finding.span.start]):
        return True
    sentence = text[finding.sentence.start : finding.span.start]
    if _ARRIVES.search(sentence) and _COMMITTED.search(text[: finding.sentence.start]):
        return True
    if _ON_ITS_WAY.search(sentence):
        return True
    # Rated set 2: when a fix already done will land ("thats resubmitted now, u should hear back
    # within 10 working days", "all three, back on your card within 5 working days. The
    # subscription's closed now.").
    return bool(_DONE.search(text))


_REGRET = rx(r"\b(?:i'?m|i am|we'?re|we are) afraid\b(?! (?:so|not)\b)|^\W*unfortunately\b")


def regret_without_way_forward(cleaned: Cleaned) -> list[Finding]:
    """Round 5: "I'm afraid" or "Unfortunately" closing a reply that offers nothing.

    Said over a rule, a delay or a refusal, with no question and no offer anywhere in the reply,
    it ends the matter: a policy wall without the usual words ("Eight to six is our standard
    window, I'm afraid.", "Unfortunately that's how long the banks take."). `job.detect` calls
    this only when nothing else was found.
    """
    if any(is_question(s.text) for s in cleaned.sentences) or WAY_FORWARD.search(cleaned.text):
        return []
    return [
        Finding("policy_wall", sentence, sentence)
        for sentence in cleaned.sentences
        if _REGRET.search(sentence.text)
    ]


KIND = Kind(
    id="policy_wall",
    step="job",
    severity=COMMITTED,
    judge_may_overrule=True,
    summary="gives a rule as the end of the matter, with no door left open",
    flag="policy_wall",
    patterns=(
        *patterns(
            CORPUS,
            r"\b(?:are|is) (?:only )?estimates?,? not (?:a )?guarantees?\b",
            r"\b(?:that'?s|it'?s) (?:just )?how (?:\w+ ){0,3}works?\b",
            r"\bno way (?:round|around) (?:it|that|this)\b",
            r"\b(?:can'?t|cannot|can not|won'?t) be (?:refunded|changed|reversed|added|moved|transferred|cancelled|altered|amended|guaranteed|given|reissued|unlocked|released|returned|applied|done)",
            r"\bnon-?(?:refundable|transferable|negotiable|returnable)\b",
            r"\b(?:that'?s|it'?s|is|are) (?:the )?(?:standard|automatic|the process|how it works|the procedure|the rule)\b",
            r"\b(?:is|are) fixed (?:once|after|for)\b",
            r"\bfull stop\b",
            r"\b(?:must|has to|have to|need to|needs to) go (?:to|through)\b",
            r"\b(?:must|have to|has to|need to|needs to) be (?:\w+ )?(?:booked|paid|appealed|reported|claimed|raised|repriced|made|submitted|done|requested|sent|approved|in writing|as one)",
            r"\b(?:we|they|i) only (?:pay|honour|honor|refund|give|reissue|unlock|accept|cover|issue|offer|do)\b",
            r"\b(?:only|just) (?:given|paid|issued|refunded|available|possible) (?:as|after|once|in|on|within)\b",
            r"\b(?:aren'?t|isn'?t|are not|is not) (?:possible|guaranteed|allowed|covered|refundable|transferable|eligible|permitted)\b",
            r"\b(?:i|we) (?:can'?t|cannot) (?:discuss|share|unlock|contact|credit|give|reverse|change|refund|add|put|waive|release|guarantee|move|honour|honor|transfer)\b",
            r"\bfor (?:security|legal|data protection|compliance) reasons\b",
            r"\b(?:in|under) the (?:terms|contract|policy|rules|booking terms|small print)\b",
            r"\b(?:the )?script says\b",
            r"\bi need (?:a|the|your) \w+ (?:\w+ )?before i can (?:do|help)",
            r"\b(?:within|after) \d+ (?:hours|days|working days)\b",
            r"\b(?:take|takes) \d+ (?:working )?days\b",
            r"\byou'?ll have to deal with me\b",
            r"\b(?:everyone'?s|everybody'?s) (?:bill|price|rate)s? (?:has|have) gone up\b",
            r"\b(?:it'?s|that'?s|it is|that is|this is)(?: just| simply)? (?:our |the |company |store |"
            r"standard )?(?:policy|procedure|the rules?|protocol)\b",
            r"\b(?:policy|the rules?|procedures?|protocol|the system|regulations) (?:says|say|states|doesn'?t|"
            r"does not|won'?t|will not|is clear|are clear|requires|require|only allows?|prevents?)\b",
            r"\bnothing (?:more )?(?:i|we|anyone|anybody|one) (?:can|could) do\b",
            r"\b(?:there'?s|there is) nothing (?:more )?(?:i|we|anyone) can\b",
            r"\b(?:i|we)(?:'m|'re| am| are) not (?:allowed|able|permitted|authorised|authorized) to\b",
            r"\b(?:i|we) (?:<cant>|won'?t|am unable to|are unable to) (?:do|make|offer|give|refund|change|"
            r"waive|bend|break|override|help|issue|send|book|cancel|go against) (?:anything|that|this|"
            r"exceptions?|the rules|a refund|any|you|it|more)",
            r"\bmy hands are tied\b",
            r"\brules are rules\b",
            r"\bterms and conditions\b",
            r"\b(?:can|could|will|may) only (?:be )?(?:go out|be|issue|process|refund|rebook|open|"
            r"arrange|happen|do|book|send|start|raise)",
            r"\b(?:only|not until|not before) (?:after|once|when|until) (?:the|your|it|we|a|\d)",
            r"\b<you>(?:'ll| will)? (?:have|need) to wait (?:until|for|another|\d)",
            r"\bno (?:exceptions|refunds)\b",
            r"\bnot something (?:i|we) (?:can|could|am able to|are able to) (?:do|offer|change|help with)\b",
            r"\b(?:need|needs|require|requires) (?:\w+ )?(?:written|formal|signed|\d+ days'?) (?:notice|"
            r"consent|request|confirmation)\b",
            r"\bout of my hands\b",
            r"\b(?:i|we) (?:<dont>|can'?t) make the rules\b",
        ),
        *patterns(
            ROUND4,
            r"\bpolicy is (?:available )?on (?:the|our) website\b",
            r"\bwithin the limits of\b",
            r"\boutside (?:that|the (?:\w+ )?(?:window|period|limit|policy)|our policy)\b",
            r"\b(?:has|have|need|needs) to be \w+ed by (?:one of )?(?:our|the|a)\b",
            r"\b(?:that'?s|it'?s|is) (?:the|my|our) (?:limit|maximum|max)\b",
            r"\bthe only (?:option|thing|choice)s? (?:i|we|available)\b",
            r"\b(?:that'?s|which is) all (?:there is)\b",
            r"\b(?:have to|has to|can only) go (?:by|on)\b",
            r"\b(?:i'?m|i am|we'?re|we are) only (?:allowed|able|permitted|authorised) to\b",
            r"\bvoids? (?:the|your|its) (?:warranty|guarantee|support|cover)\b",
            r"\bregardless of\b",
            r"\bbound by\b",
            r"\b(?:terms|contract|policy) (?:covers?|cover us)\b",
            r"\bonly for (?:\w+ ){0,3}(?:customers|members|holders)\b",
            r"\b(?:aren'?t|are not|isn'?t|is not) (?:given|offered|issued|accepted|refunded|available) "
            r"(?:after|once|if|unless|for|on)\b",
            r"\b(?:won'?t|will not|can'?t|cannot) (?:look at|accept|consider|process) (?:it|this|that|"
            r"<your> \w+) (?:until|unless|before)\b",
            r"\b(?:isn'?t|is not|not) something (?:we'?re|we are|i'?m) responsible for\b",
            r"\b(?:can'?t|cannot) accept liability\b",
            r"\b(?:refunds?|reviews?|it|they|that) (?:normally |usually |always |just )?(?:take|takes|are|is) "
            r"(?:\d+|one|two|three|five|seven|ten)(?:-| to )(?:\d+|two|three|five|seven|ten|fourteen) "
            r"(?:working |business )?days\b",
            r"\bwhatever i do\b",
            r"\bthe rule is\b",
            r"\bi (?:can'?t|cannot) (?:stop|unfreeze|comment|lift|override|restore) (?:that|it|this|on)\b",
            r"\bi must advise\b",
            r"\bwill say the same\b",
            r"\b(?:are|is) (?:allocated|decided|controlled|set) by the\b",
            r"\bi'?m sure (?:you|u) (?:understand|can understand|appreciate)\b",
            r"\b(?:is|are) there (?:so that|so|to stop|to prevent)\b",
            r"\bit is what it is\b",
        ),
        *patterns(
            ROUND5,
            r"\b(?:that'?s|those are|it'?s) (?:the )?(?:\w+'?s? )?(?:rules|regulations)\b",
            r"\b(?:is|are) (?:very |quite )?strict\b",
            r"\bso that'?s that\b",
            r"\b(?:is|are) our (?:standard|normal|usual) (?:\w+ )?(?:window|slot|time|times|hours|period|"
            r"process|procedure|charge|fee|rate)\b",
            r"\b(?:has|have) to come from\b",
            r"\bclearly (?:displayed|stated|states|shown|printed|marked|explained)\b",
            r"\b(?:i|we) only have (?:the )?authority\b",
            r"\b(?:terms|policy|contract) (?:excludes?|doesn'?t cover|does not cover)\b",
            r"\b(?:window|period|limit) is \d+ (?:days|weeks|months|hours)\b(?![^.!?]*\b(?:but|and) "
            r"(?:i|we) (?:can|could|will|'ll))",
        ),
        *patterns(
            ROUND6,
            r"\bstill liable\b",
            r"\bhave their own (?:rules|policy|policies|terms)\b|\bdown to them\b",
            r"\bneither can my (?:manager|supervisor|team leader)\b|\bcan'?t influence\b",
            r"\bwas in the (?:letter|email|terms|contract|text) (?:we|that we|you were) sent\b",
        ),
        *patterns(
            ISSUE11,
            r"\bit'?s (?:all )?(?:on|in) (?:our|the) (?:website|terms|contract|agreement|small print)\b|\bit says so (?:in|on|at|when)\b",
            r"\b(?:can|may|could) take up to \d+ (?:working )?(?:days|weeks)\b",
            r"\b(?:must|have to|has to|need to|needs to) be (?:\w+ )?(?:renewed|uploaded|collected|returned|filled in|signed|activated)\b",
        ),
        *patterns(
            RATED1,
            r"\b(?:terms|conditions|policy|rules|contract|t&cs)(?: \w+)? (?:state|states|stated|say|says|require|requires|stipulate|stipulates|specify|specifies)\b",
            r"\bnothing (?:further|else|more) (?:i|we) (?:can|could)\b|\b(?:there'?s|there is) nothing (?:further|else) (?:i|we)\b",
            r"\b(?:is|are) final\b",
            r"\bonly (?:applies|apply|covers?|counts?|valid) (?:to|for|if|when|up to|within)\b",
            r"\bonly (?:up to|until|within|for the first|for) \d+ ?(?:days|weeks|months|hours|hrs|mins|minutes)?\b",
            r"\b(?:we are|we'?re) not (?:liable|responsible)\b",
            r"\bwe (?:<dont>|<cant>) (?:guarantee|accept (?:responsibility|liability)|compensate)\b",
            r"\b(?:dealt with|processed|handled|done|seen) in (?:strict )?(?:order|turn|rotation)\b",
            r"\bat <your> own risk\b",
            r"\b(?:it'?s|its|that'?s|thats|all) (?:clearly )?(?:in|written in|stated in|covered in|set out in) <your> (?:contract|terms|agreement|policy|t&cs)\b",
            r"\b(?:you'?d|you would|u'?d|u would) (?:need|have) to (?:collect|come in|come into|go to|go into|visit|pick it up|write to|apply)\b",
            r"\b(?:our|the) (?:drivers|engineers|staff|crews|team|office|shop|store|depot) (?:finish|close|shut|only work|<dont> work) (?:at|on|before|after|by)\b",
            r"\b(?:crews|drivers|staff|engineers|riders) (?:have to|must|are required to|are told to) (?:leave|refuse|reject|charge|follow|stick)\b",
        ),
        *patterns(
            RATED2,
            r"\b(?:it'?s|its) the same for (?:all|every|everyone|everybody)\b|\beveryone (?:rings|calls|has to|waits)\b",
            r"\b(?:are|is|get|gets) (?:removed|cancelled|closed|suspended|deleted|charged) (?:automatically )?if (?:<you>|they|the|it|there)\b",
            r"\b(?:expire|expires) after\b",
            r"\b(?:it'?s|its) (?:all )?in the (?:help centre|help center|faqs?|small print|user guide)\b",
            r"\bonly valid (?:on|for|in|with|until)\b",
            r"\bare we clear\b",
            r"\b(?:are|is) (?:only )?(?:done|accepted|handled) in writing\b|\bform'?s on the website\b",
            r"\b(?:policy|terms|wording|contract)(?: wording)? (?:is|are) (?:pretty |very |quite |really )?clear\b",
            r"\bfor (?:insurance|health and safety|h&s|safety) reasons\b",
            r"\b(?:are|is) only (?:allowed|permitted|able) to\b",
            r"\b(?:the|that|this) (?:charge|fee|fine|penalty|decision|ticket|bill|invoice) stands\b",
        ),
        *patterns(
            RATED8,
            r"<ss>\W*nothing (?:sooner|earlier|before (?:that|then))\W*$",
            r"\b(get|gets|run|runs|come|comes|arrive|arrives)(?: there)? when (?:he|she|it|they) \1s?"
            r"(?: there)?(?=\s*(?:[.!?,;]|$))",
        ),
    ),
    exempt=(
        door_left_open,
        time_the_agent_commits_to,
        an_option_in_a_question,
    ),
    examples=(
        # Set 8: a date with no way forward, and a non-answer.
        "The next adjuster slot is the 28th. Nothing sooner.",
        "He'll get there when he gets there.",
        "Payroll runs when it runs.",
        "We refund in full, or only after the inspection if it's damaged.",
        # Rated set 2 (issue 11): one example per pattern, in new words.
        "It's the same for all our members.",
        "Accounts are closed if they're not used for a year.",
        "Vouchers expire after 30 days.",
        "its in the help centre",
        "That code is only valid on full-price items.",
        "The fee stands. Are we clear on that?",
        "Cancellations are only accepted in writing.",
        "the terms are pretty clear on that",
        "For insurance reasons we can't carry it upstairs.",
        "Our drivers are only allowed to deliver to the door.",
        "I'm afraid the fine stands.",
        # Rated set 1 (issue 11): one example per pattern, in new words.
        "I hear you; however, the contract states that repairs are only covered after the first year.",
        "Unfortunately there's nothing further we can do on this one.",
        "The meter reading our engineer took is final, I'm afraid.",
        "Delay compensation only applies to trains more than an hour late.",
        "Price matching is only for 14 days after you buy.",
        "We're not liable for anything left in the car overnight.",
        "We don't guarantee delivery slots in bad weather.",
        "Repair requests are dealt with in strict order, so you'll just have to wait.",
        "Anything left in the locker is at your own risk.",
        "thats all in ur contract tbh",
        "You'd need to come into the branch with photo ID.",
        "Our engineers finish at four on Fridays.",
        "The drivers have to leave it if nobody signs, that's how it works.",
        "It's on our website.",
        "Deposits can take up to 30 days, it says so in your agreement.",
        "The permit has to be renewed online each year.",
        "Eight to six is the delivery window, I'm afraid.",
        "Unfortunately that's how long the bank takes.",
        "That's policy, nothing I can do.",
        "That's not something we can offer today.",
        "A transfer needs written consent from both holders.",
        "Arrival times are estimates, not guarantees.",
        "That's just how direct debits work.",
        "There's no way around that.",
        "Our policy is on the website.",
        "You're right, within the limits of the warranty.",
        "Thirty-one days is outside the return window.",
        "Readings have to be checked by one of our staff.",
        "Two hundred pounds is my limit.",
        "A voucher is the only option I have.",
        "Refund or rebooking, and that's all there is.",
        "We have to go by the report.",
        "I'm only allowed to credit fifty pounds.",
        "Opening it voids the warranty.",
        "You still pay regardless of the outage.",
        "You're bound by the contract.",
        "Our terms cover that situation.",
        "Same-day visits are only for gold plan customers.",
        "Refunds aren't given after the trip.",
        "They won't look at it until eight weeks have passed.",
        "The weather isn't something we're responsible for.",
        "We cannot accept liability for that.",
        "Refunds take five to seven days.",
        "It takes a week whatever I do.",
        "The rule is one claim per year.",
        "I can't stop that charge.",
        "I must advise you that the claim is closed.",
        "My supervisor will say the same.",
        "Slots are allocated by the depot.",
        "I'm sure you understand we need proof.",
        "The limit is there so that stock stays fair.",
        "It is what it is.",
        "Nine to five is our standard delivery window.",
        "The reading has to come from a technician.",
        "The price is clearly shown on the shelf.",
        "I only have authority to refund twenty pounds.",
        "The policy excludes storm damage.",
        "The returns window is 14 days.",
        "Those are the airline's rules.",
        "The cut-off is strict.",
        "There are no seats left, so that's that.",
        "You're still liable for the balance.",
        "The lenders have their own rules on that.",
        "It's with underwriting and neither can my manager change it.",
        "The change was in the letter we sent in May.",
    ),
    near_misses=(
        # Set 6: "or only when" inside a question asks about the fault.
        "Sorry, my mistake. Is it dripping all the time or only when it's turned off?",
        "The parcel will get there when it gets through customs; I'll track it for you.",
        # Rated set 2 (issue 11), in new words.
        "yep thats resubmitted now, u should hear back within 10 working days",
        "Thirty days is the rule for change-of-mind returns, but a fault is different, so I'd like to put it through as faulty.",
        "I've waived the fee and cancelled from today. Your refund of £41.20 will be back within 5 days.",
        "Unfortunately the van is full today, but I can book you in tomorrow.",
        "I'm afraid the flight's gone. Would the 6:40 work for you?",
        "I'm afraid not, but let me check with my supervisor.",
        "The standard window is 30 days, and I can ask my supervisor for an exception. Shall I?",
        "Let me see how quickly this can work.",
        "I'll go through the whole order with you.",
        "I've started the refund now; it usually reaches you in a few days.",
        "The refund is on its way and I'll email you the reference.",
        "I can't promise Friday, but I can ask my manager to push it. Shall I?",
        "The standard window is 30 days, and I can ask my supervisor for an exception. Shall I do that?",
        "Refund or replacement, whichever you'd prefer. Which would help?",
        "We'll collect it from you as a priority.",
        "Your window is open until Friday, and I can extend it.",
        "I'm afraid the part is out of stock, so I've ordered a new one and booked the engineer.",
        "I'm not able to do that, but I can refund the fee now.",
        "I'm not able to do that. Shall we get your parcel back?",
        "I'm not able to meet customers. I can have the parcel collected today.",
        "I'm not able to carry on after that. Goodbye.",
        "I'll brief her first so you don't have to go through it again.",
        "I'd love to, but I can't waive the whole fee. What I can do is take 20 pounds off.",
        "I've arranged for an engineer to call you within 48 hours.",
        "That's kind, but I can't do that. Let's get your refund sorted.",
    ),
)

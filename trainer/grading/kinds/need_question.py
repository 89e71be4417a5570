"""`ask` support `need_question`: a question that invites them to shape what happens next ("What can I do?", "Would a refund help?")."""

from __future__ import annotations

from trainer.grading.kind import (
    CORPUS,
    ISSUE11,
    RATED1,
    RATED2,
    ROUND5,
    ROUND6,
    SUPPORT,
    Kind,
    Pattern,
    patterns,
)

NEED = (
    *patterns(
        CORPUS,
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
    ),
    *patterns(
        ROUND6,
        r"^\W*(?:a|an|the)? ?(?:[\w£$]+ ){1,3}(?:refund|replacement|credit|voucher|discount|goodwill)"
        r"\b[^.!]{0,40}\?\W*$",
    ),
    *patterns(
        CORPUS,
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
        r"\bwould (?!(?:<you>|i|we|they|he|she)\b)(?:(?:[^\s?.!,]|[.,](?=\d))+ ){1,10}(?:help|suit|work)\b(?! (?:on|with)\b)",
        r"\b(?:shall|should) (?:i|we)\W*\?",
        r"\bdo <you> (?:need|want) (?:a|an|me|us|any|some|both)\b",
    ),
    *patterns(
        RATED1,
        # Asking after them: "Is he OK?", "Is she safe and being looked after right now?"
        r"^\W*(?:oh \w+,? )?(?:is|are) (?:he|she|they|<you>|<your> (?:son|daughter|mum|dad|mother|father|wife|"
        r"husband|partner|baby|child|kid|nan|gran)|everyone|the (?:kids?|children|baby)) "
        r"(?:\w+ )?(?:ok|okay|alright|all right|safe|hurt|injured|well|warm|being looked after)\b(?! to hold)",
        # Questions about the problem and what it cost them, not identification data.
        r"\b(?:can|could) <you> (?:see|spot|screenshot|send me a (?:photo|picture|screenshot)|take a (?:photo|"
        r"picture))\b",
        r"\bhave <you> (?:been able to|managed to|kept|noticed)\b",
        r"\bis <your> \w+ (?:charging|asking|threatening|chasing|going to)\b",
        r"\b(?:are|is) there (?:any|anything) (?:\w+ ){0,3}(?:<you>|he|she|they) (?:need|needs|want|wants|'?d like)\b",
        r"\bwould (?:a|an|the|that|it|this) (?:[^\s?!]+ ){0,6}(?:settle (?:it|this|that|things)|put (?:it|this|that|things) "
        r"right|make up for|change (?:things|anything|<your> mind))\b",
        r"\b(?:explain|go through|run through|tell me about) (?:the (?:issue|problem|fault)|it|what happened|that) "
        r"(?:again )?(?:for|to) me\b",
        r"\b(?:time|day|date|slot)s? (?:that|which) (?:suits?|works?) (?:for )?<you>\b",
        r"\bis it (?:saying|showing|doing|making|coming up|asking|giving)\b",
        r"\bwhat (?:did|have) <you> (?:lose|lost|spend|spent|pay|paid|miss|missed)\b",
        r"\bwhat (?:date|day|time) did (?:it|that|the \w+) (?:reset|stop|start|go|change|happen|break|drop)\b",
    ),
    *patterns(
        RATED2,
        r"\b(?:does|would|will) (?:that|this|it) (?:sound|seem) (?:fair|ok|okay|alright|all right|good|reasonable|right)\b",
        r"\bis (?:anyone|anybody|someone) (?:at home |there |in the house )?(?:unwell|vulnerable|elderly|disabled|ill|"
        r"hurt|pregnant|at risk)\b",
        r"\bis (?:there )?anything else (?:going wrong|wrong|not working|broken|playing up)\b",
        r"\bcost <you> anything(?: else)?\b",
        r"\bwould (?:that|this|it) be all right\b",
        r"\bwould <you> (?:also |still |rather |perhaps |maybe )like\b",
        r"^\W*anything (?:else )?(?:i'?ve|ive|i have) missed\b",
        r"\bare <you> (?:somewhere|safe|away from|out of|still (?:in|at|stuck))\b",
        r"\bcan <you> (?:check|see|confirm) (?:if |whether |that )?(?:they'?re|theyre|it'?s|its|everything'?s|"
        r"everything is|it has) (?:all )?(?:there|working|back|showing|come through|arrived)\b",
        r"\b(?:standard|next[- ]day|express|first[- ]class|same[- ]day|morning|afternoon|evening|weekday|weekend)\b"
        r"[^.!?]{0,25}\bor\b[^.!?]{0,25}\?",
    ),
)
"""Need questions and remedies offered as questions."""

NEED_STATEMENT = Pattern(
    r"\b(?:tell me|let me know|i'?d (?:like|love) to (?:know|hear|understand)|i want to (?:know|"
    r"hear|understand)) (?:what|how|which)\S* (?:\S+ ){0,5}(?:help|like|want|need|prefer|fair|right|"
    r"work|do|make|fix|wrong|happened|happening|going on)",
    CORPUS,
)
"""An ask put as a statement: "Tell me what would help", "Let me know what you need"."""

NEED_STATEMENT_MORE = Pattern(
    r"\b(?:walk|talk|take) me through\b|"
    r"\b(?:whatever|anything) <you> need [^.!?]{0,60}\b(?:tell me|let me know|just say|ask)\b|"
    r"\bwhat (?:else )?<you> need from (?:me|us)\b|"
    r"\btell me (?:what|how|which|when|where|who) (?:\w+ ){0,8}and (?:i'?ll|ill|i will|we'?ll|i can)\b",
    RATED1,
)
"""Rated set 1: "Whatever you need to make it right, please tell me", "Tell me the reference and
what else you need from me", "tell me how much has gone out and ill get it back"."""

TAG_REMEDY = Pattern(
    r"\b(?:i'?ll|i will|i can|we can|we'?ll|let me|i could|how about|i'?d) (?:\w+ ){0,4}(?:refund|send|book|"
    r"arrange|credit|waive|replace|knock|take off|put|get|fix|sort|call|ring|escalate|reschedule|"
    r"cancel|upgrade|compensate|give|offer|pay|remove|reverse|drop|waive|unblock|rebook|keep|hold|freeze)|"
    r"\b(?:i|we)(?:'ve| have) (?:\w+ )?(?:booked|reversed|refunded|credited|sent|arranged|cancelled)\b|"
    r"\b(?:slot|refund|credit|replacement|voucher|discount|"
    r"call-?back|engineer|courier|driver)\b",
    CORPUS,
)
"""A remedy in the sentence, so a tag ("OK with you?") asks their agreement to it."""

TAG_REMEDY_MORE = Pattern(
    r"\b(?:i'?ll|ill|i will|i can|we can|we'?ll|let me|i'?d like to) (?:\w+ ){0,6}(?:roll|restore|update|"
    r"correct|chase|find out|look into|fast track|call|ring|refund|book|send|fix|report|mark)\b",
    RATED1,
)
"""Rated set 1: remedies said with more words before the verb ("I'll find out who owns the works
and call you back by Friday. Is that OK?", "I'll roll you back now. OK with you?")."""

OPEN = Pattern(
    r"^\W*(?:(?:so|and|ok(?:ay)?|right|also|first|now|then|tell me),? )?(?:what|which|when|where|how|who)\b|"
    r"\b(?:can|could|would) <you> (?:tell|walk|talk|describe|explain|show|let) (?:me|us)\b|"
    r"\bwhat (?:happens|happened|did|does|do|were|was|are|is)\b|"
    r"\bwhat(?:'s| has| had| is)? (?:gone|been going|going|went) wrong\b|\bwhat(?:'s| has) happened\b|"
    r"\b(?:can|could|would|will) <you> (?:describe|read me|send me|talk me through|walk me through)\b|"
    r"\bhave i (?:got|missed|understood)\b|\bdid i (?:miss|get)\b|\bis there anything (?:else )?i'?ve missed",
    CORPUS,
)
"""Open questions that let them tell it: "What happened?", "Can you walk me through it?"."""

NEED_HINT = Pattern(
    r"\b(?:what|whats|how|hows|would|could|can|shall|is there|do <you>|does (?:that|it|this)|"
    r"is (?:that|it|this)|should|will|which)\b|\bwant me to\b",
    CORPUS,
)
"""Question words, for chat-style questions without "?"."""

REMEDY_VERB = (
    r"(?:redo|rebill|re-?bill|reissue|re-?issue|correct|refund|replace|send|book|arrange|credit|remove|"
    r"waive|fix|sort|unblock|lift|release|rebook|reschedule|freeze|cancel|collect|redeliver|bring)"
)
"""Remedy verbs, a fragment of OFFER_ASKED (round 5)."""

TIME = (
    r"(?:today|tomorrow|tmrw|tonight|this (?:morning|afternoon|evening|week)|monday|tuesday|"
    r"wednesday|thursday|friday|saturday|sunday|morning|afternoon|evening|noon|midday|\d+\s*(?:am|pm|"
    r"mins?|minutes|o'?clock)|\d+[:.]\d+|slot|time)"
)
"""Times and slots, a fragment of OFFER_ASKED (round 5)."""

OFFER_ASKED = Pattern(
    # "Shall I take your reading and redo the bill?", "Shall we get your watch sorted?"
    rf"\b(?:shall|should|can|could|may|will) (?:i|we) (?:\w+ ){{0,6}}(?:{REMEDY_VERB}|get (?:\S+ )"
    r"{0,4}(?:sorted|fixed|back|lifted|unblocked|moving|working|replaced|refunded))\b|"
    # "Would a £30 credit and an engineer visit be a fair start?", "...tide you over?"
    r"\bwould (?!(?:<you>|i|we|they|he|she)\b)(?:(?:[^\s?.!]|\.(?=\d))+ ){1,18}(?:help|suit|work|do|tide <you> over|"
    r"get <you> (?:there|to|home|back|through|going)|be (?:a )?(?:fair |good |decent )?(?:start|help|fair)|"
    r"make (?:it|this|that|things) (?:less|easier|better|right))\b|"
    # "Does Thursday work?", "tuesday ok?", "is 6am too early for you?", "is landing by noon enough?"
    rf"\b{TIME}\b[^.!?]{{0,30}}(?:work|suit|ok(?:ay)?|alright|all right|good|better|enough|too (?:early|"
    r"late|soon)|any good|do)\b(?:[^.!?]{0,25}\?|(?: for <you>)?\W*\?*\W*$)|"
    r"\b(?:what|which) (?:day|time|slot|date)s? (?:\w+ )?(?:suits?|works?|is best|would (?:suit|work))\b|"
    r"\bif <you>'?d (?:like|prefer)\W*\?|"
    r"\bwant (?:one|it|them|a \w+|me to|us to|to give it a go)\b",
    ROUND5,
)
"""A remedy offered for their say-so (round 5)."""

CHOICE = Pattern(
    # A choice put to them: "new coat or refund, your call?", "everywhere or just at this bar?".
    # A choice between facts ("the 3rd or the 4th?", "cash or card?") is a closed check.
    r"\bor (?:just|only)\b|\b(?:refund|replacement|repair|swap|credit|voucher|new one|rebook\w*|"
    r"redeliver\w*|collection|call ?back|engineer|courier)\b[^.!?]{0,40}\bor\b|\bor\b[^.!?]{0,40}\b"
    r"(?:refund|replacement|repair|swap|credit|voucher|new one|rebook\w*|redeliver\w*|collection|"
    r"call ?back|engineer|courier)\b",
    ROUND5,
)
"""A choice of remedies put to them (round 5)."""

PROBLEM_ASKED = Pattern(
    # Questions about the problem itself (not identification data): what happened, what they saw.
    r"\b(?:can|could) <you> (?:remember|recall|tell me|tel me)\b|"
    r"\b(?:did|has|have|does|is) (?:the|it|that|they|he|she|anyone|anything|your) (?:\w+ ){0,3}(?:say|"
    r"said|worked|work|happen|still|drop|declin\w*|tell|show\w*|leak\w*|leave|left|give|gave|mention\w*)\b|"
    # Round 6: troubleshooting ("Have you tried restarting it?") asks about the problem too.
    r"\bhave <you> (?:tried|checked)\b|"
    r"[,:;] (?:what|which|when|where|how|who)\b|"
    r"\bwhat(?:'s| is| has)?(?: been)? (?:happening|going on)\b",
    ROUND5,
)
"""Questions about the problem itself (rounds 5-6)."""


DIAGNOSTIC = Pattern(
    r"\b(?:light|lights|screen|display|error|message|signal|router|box|connection|leak|water|noise|"
    r"smell|app|website|device|phone|laptop|tablet|boiler|heating|meter|tv|wifi|broadband|line)\b"
    r"[^.!?]{0,50}\bor\b",
    ISSUE11,
)
"""A diagnostic choice about the problem ("Is the light red or orange?", "Does it connect on your
phone, or not on anything?"): a question about the problem, not a closed check of a fact."""


KIND = Kind(
    id="need_question",
    step="ask",
    severity=SUPPORT,
    summary='a question that invites them to shape what happens next ("What can I do?", "Would a refund help?")',
    cues=(
        NEED_STATEMENT,
        NEED_STATEMENT_MORE,
        TAG_REMEDY,
        TAG_REMEDY_MORE,
        OPEN,
        NEED_HINT,
        OFFER_ASKED,
        CHOICE,
        PROBLEM_ASKED,
        DIAGNOSTIC,
        *NEED,
    ),
    examples=(
        "is the light on the router red or orange?",
        "Does it connect on your phone, or not on anything?",
        "What can I do?",
        "How can I help you with this?",
        "Would it help if I refund the fee now?",
        "Shall I get my supervisor on the line?",
        "what can i do to fix it",
        "Can you walk me through what happened?",
        "I'll knock the outage off the bill, OK with you?",
        "Is it OK if I cancel the order and refund you today?",
        "Can I get an engineer to you tomorrow morning?",
        "Shall I take the charge off now?",
        "Would an evening slot be easier?",
        "Would a voucher be any use?",
        "Replacement by Friday?",
        "I'll credit the fee, OK with that?",
        "Before anything else, what do you need from me?",
        "Is there any part of the order still missing?",
        "want me to waive the fee now",
        "Would a same-day courier help?",
        "Would Thursday at nine suit you?",
        "I can ask my manager to step in. Shall I?",
        "Do you need a replacement before the weekend?",
        "I'm here, what's gone wrong with the boiler?",
        "Could you describe the noise it makes?",
        "Shall I take your reading now and reissue the bill?",
        "Shall we get your mum's bike fixed this week?",
        "Would a refund of the delivery charge and a priority slot on Monday help?",
        "Would a £20 credit be a fair start?",
        "Would a refund of the £42.50 today help?",
        "Would an advance on your wages tide you over?",
        "Does Wednesday work?",
        "thursday morning ok?",
        "Is 7am too early for you?",
        "Want one sent out today?",
        "Is it failing on every device or just the laptop?",
        "Can you remember roughly when the engineer left?",
        "Did the driver say anything at the door?",
        "sorry about that. whats the best day for you",
        "ill get a new one sent today, does that work for u",
        "Is Friday morning good for the fitter?",
        "What day suits?",
        "I can take the fee off now if you'd like?",
        "A fifty pound voucher?",
        "Did she give you a reference?",
        "Have you tried restarting it?",
        "Let's start with the boiler: what does the display say?",
        "So, the order, what's been going on?",
        "Would a new one by Friday make it less of a hassle?",
        "Tell me what's wrong with it and I'll sort it.",
        "I'll remove the charge. Is that okay with you?",
        # Rated set 1 (issue 11), in new words: asking after them, questions about the problem
        # and its cost, chat questions without "?", and "anything else" once the fix is done.
        "Is your daughter OK?",
        "Can you see the two payments on your statement?",
        "have u managed to get any sleep with the noise",
        "Is your bank charging you for the overdraft?",
        "Are there any other bills you need me to correct?",
        "Would a month's credit put it right?",
        "Could you go through what happened again for me?",
        "What's a time that suits you for the fitter?",
        "is it showing an error code or just a blank screen",
        "What did you lose while the freezer was off?",
        "what date did the app reset",
        "Whatever you need to put this right, tell me.",
        "I'll find out who holds the contract and ring you by Friday. Is that OK?",
        "ive taken the charge off. anything else u need",
        "Refunding the £40 now. Anything else?",
        "ill reissue it now, want it sent to the same email",
        "sorry about that, whats been happening with the app",
    ),
    near_misses=(
        "Could I have the member ID?",
        "May I take the order number?",
        "I've noted that. Can I help with something else?",
        "Are you okay to hold while I check?",
        "The fee was applied because the account went over, which is in the terms.",
        "So what's happened, and I can see it here, is that the supplier was late.",
    ),
)

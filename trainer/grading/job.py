"""Step 2, `job`: does the reply keep to resolving, or defend, explain, blame and argue?

A neutral reply keeps the step; any of the failures below loses it. Moves toward a fix
("let's get this sorted", "I'll refund it now") are reported as supporting evidence.
"""

from __future__ import annotations

from trainer.grading.findings import Finding, StepEvidence, scan, table
from trainer.grading.text import Cleaned, is_question, rx

_ORG = (
    r"(?:system|systems|warehouse|driver|drivers|courier|couriers|engineer|engineers|depot|computer|"
    r"software|server|servers|team|staff|supplier|contractor|machine|network|app|website|portal|"
    r"billing|payment|payments|schedule|scheduler|database|branch|store|shop|kitchen|crew|technician|"
    r"technicians|office|partner|bank|airline|flight|manager|agent|colleague|department|company|"
    r"printer|post|mail|van|route|batch|update|upgrade|migration|rota)"
)

_BASE_NEGATIVE: dict[str, list[str]] = {
    "explaining_cause": [
        r"\bit turns out\b",
        r"\bturns out (?:that |the |our |it )",
        r"\bbecause of\b(?! (?:us|me)\b)(?! (?:that|the|this|your|those|these|what) (?:threat|threats|language|abuse|"
        r"abusive|comment|remark|you'?ve said|you said|you just said))",
        r"\b(?:because|since) (?:the|our|a|an|they|there|it|its|it'?s|he|she|his|her|their) \w+",
        r"<ss>\W*well,? (?:there'?s|there was|it was|it'?s|the|they|we|our)\b",
        r"\bthere'?s (?:a|an) (?:\w+ )?(?:fault|problem|issue|outage|glitch|error|bug|backlog|delay) (?:on|in|with|at)\b",
        r"\b(?:was|were|got|has been|have been) (?:lost|misrouted|delayed|damaged|misplaced|mislaid|miscoded|mis-scanned|held up|stuck|mixed up) (?:in|by|at|during|when|because|through|on)\b",
        r"<ss>\W*basically,? (?:the|our|we|it|they)\b",
        r"\bthe (?:thing|problem|issue) (?:is|was),? (?:that )?(?:the|our|we|they|there)\b",
        r"\bthat'?s (?:usually |probably |normally |often |likely |exactly |just )?(?:why|how (?:it|this|that) happen|what (?:causes|caused|happened|held|happens|did it|does it)|where the|the reason)",
        r"\b(?:it'?s|it was|that'?s|there'?s|there was|you'?ve|they'?ve|they|it|the \w+) (?:\w+ )?probably\b",
        r"\bprobably (?:the|a|an|because|just|due|caused|what)\b",
        r"\b(?:it|this) looks like (?:the|our|a|your|someone|they)\b",
        r"\b(?:was|were|had|came|ran|took|got|went) [^.!?]{0,60}, so (?:the|it|they|we|our|i|he|she)\b"
        r"(?! (?:completely |totally |really |fully |can |do )*(?:understand|get|see|imagine|know|hear))",
        r"\b(?:that|it) would do it\b",
        r"\b(?:overloaded|swamped|off sick|understaffed|misrouted|miscoded|mis-?scanned)\b",
        rf"\b(?:because|(?<!well\s)as|since) (?:of )?(?:our|the|a|an|we|they|there) (?:\w+ ){{0,3}}{_ORG}",
        r"\bdue to (?:a |an |the |our |some |high |heavy |unforeseen |technical |staff|volume|demand)",
        r"\b(?:was|were|been) caused by\b",
        r"\bthe reason (?:is|was|why)\b",
        r"\bwhat (?:happened|went wrong) (?:is|was) (?:that )?(?:our|the|we)",
        rf"\b(?:our|the) (?:\w+ ){{0,2}}{_ORG} (?:(?!(?:you|u|i|we|they)\b)\w+ ){{0,2}}(?:was|were|had|got|went|"
        r"ran|overran|crashed|glitched|failed|broke|lost|upgraded|migrated|updated|changed|switched|"
        r"covering|short|down|delayed|running|scanned|didn'?t update|did not update|must have|probably)\b",
        r"\bwe (?:migrated|upgraded|changed|switched|moved|updated|had (?:a|an|some)|were short|are short|"
        r"have been short|were busy|are busy|are experiencing|were experiencing|had to|introduced)",
        r"\b(?:there|there'?s) (?:was|were|has been|have been|'s been) (?:a |an |some )?(?:\w+ )?(?:glitch|"
        r"problem|issue|fault|outage|backlog|delay|error|bug|mix-up|mixup|shortage|strike)s? (?:with|in|at|on)",
        r"\b(?:short[- ]staffed|high (?:call )?volumes?|busy period|peak season|unprecedented demand|"
        r"bad weather|the weather|staff shortages?|technical (?:issue|difficulties|problem)s?)\b",
        r"\b(?:must have|probably|likely) (?:been )?(?:lost|scanned|sent|mixed|missed|delayed|"
        r"overran|misrouted|damaged)",
        r"\bwhich is why\b",
        r"\bthat'?s why (?:it|this|the|your)\b",
        # "<fault>, so it was rejected": a named fault leading to the outcome
        r"\b(?:error|fault|mistake|glitch|problem|issue|wrong|wrongly|late|missing|incorrectly|"
        r"backlog|delay|outage|down|offline|short)\b,? (?:and )?so (?:the|it|your|they|that|this)\b",
        r"\bthat'?s what (?:took|caused|made|held|delayed|slowed|went wrong|triggered)\b",
        r"\b(?:was|were|got|has been|have been|is|are) (?:\w+ )?(?:handled|processed|dealt with|managed|"
        r"decided|set) (?:separately|elsewhere|by (?:the|a|another|our) (?:\w+ )?(?:team|department|"
        r"company|manufacturer|supplier|provider|partner|insurer|office))\b",
        r"\b(?:has|have|had) had (?:a few |some |a lot of |many |known |several )?(?:faults|issues|"
        r"problems|complaints|recalls)\b",
        r"\bthe (?:notice|letter|email|message|text|reminder|update)s? (?:went|was sent|were sent|"
        r"goes|go) (?:out )?(?:by|to|only|on)\b",
        r"\b(?:has|have|had|there'?s|there is|there was) (?:a |an |some )?(?:huge |big |massive |known |"
        r"small |bit of a )?(?:bug|backlog|fault|glitch|outage|shortage|strike)s?\b",
        r"\b(?:all |really |very |a bit )?(?:stretched|snowed under|rushed off (?:our|their) feet|"
        r"run off (?:our|their) feet|overwhelmed with)\b",
        r"\b(?:teams|departments|parties|companies|people) (?:are|were|is) involved\b",
        r"\bfrom (?:the )?(?:roadworks|storm|storms|flooding|weather|strike|strikes)\b",
    ],
    "defending_company": [
        r"\b(?:this|that|it)(?:'s| has) never happened (?:\w+ ){0,3}before\b",
        r"\bour (?:\w+ )?(?:process|processes|procedures?|systems?|checks) (?:is|are) (?:very |really |"
        r"extremely |incredibly )?(?:robust|reliable|thorough|sound|rigorous|secure|watertight)\b",
        r"\bwe'?ve (?:actually |even )?won (?:\w+ )?awards?\b",
        r"\bthe other (?:networks|companies|providers|banks|firms|suppliers|airlines|shops) (?:have|are|do)"
        r" (?:the same|just as|worse|no better)\b",
        r"\bwe'?re (?:a |an )?(?:very |really |extremely |highly |normally )?(?:reliable|good|reputable|trusted|respected|professional|established|fair|honest)\b",
        r"\bour (?:\w+ )?(?:prices|fees|rates|charges|products?|service|quotes?|fitters|staff|engineers|drivers|team) (?:are|is) (?:all )?(?:\w+ )?(?:fair|reasonable|competitive|good|standard|registered|experienced|qualified|trained|excellent)",
        r"\bwe (?:have|hold|keep|set) (?:very |really |extremely |such |incredibly |the )?(?:high|highest|"
        r"strict|rigorous|exacting) standards\b",
        r"\bknow(?:s)? what (?:they'?re|they are|we'?re|we are|he'?s|she'?s) doing\b",
        r"\bwe(?:'re| are) (?:one of )?the (?:best|top|leading|most (?:trusted|reliable|popular))\b",
        r"\b(?:we'?re|we are|nobody'?s|no one'?s|no company is|nobody is) (?:not )?perfect\b",
        r"\b(?:best|highest|top)[- ](?:rated|reviewed|ranked)\b",
        r"\b(?:that|this|it|the) (?:model|product|machine|service|system) is (?:very |extremely |really )?(?:reliable|popular|good|safe)\b",
        r"\bharder than it looks\b",
        r"\bwe handle (?:thousands|hundreds|millions)\b",
        rf"\bour (?:\w+ )?{_ORG} (?:are|is) (?:all )?(?:very |highly |fully |extremely |really )?"
        r"(?:well|highly|fully|the best|trained|reliable|excellent|top|experienced|qualified|"
        r"professional|good|great|brilliant|careful|thorough)",
        r"\bwe (?:never|always|pride ourselves|have an excellent|are one of|are known|are the|"
        r"do our best|work hard|take (?:great|every) care)\b",
        r"\b(?:this|that|it) (?:never|rarely|hardly ever|almost never|doesn'?t (?:usually|normally)|"
        r"does not (?:usually|normally)) happens?\b",
        r"\bour (?:track record|reputation|ratings|reviews)\b",
        r"\b(?:most|other|all our|thousands of|millions of) (?:other )?(?:customers|people|clients) "
        r"(?:are|have|don'?t|never|seem|love)",
        r"\bnothing wrong with (?:our|the|your)\b",
        r"\bit(?:'s| is) (?:a|an) (?:very )?(?:good|great|excellent|reliable|quality|popular) (?:product|"
        r"service|model|company)",
        r"\bthere(?:'s| is) no (?:fault|problem|issue) (?:on our|with our|with the)",
    ],
    "blaming_customer": [
        r"\b<you> (?!(?:were|was|got|'ve been|have been|had been|'d been)\b)(?:\w+ )?(?:ordered|picked|typed|bought|booked|registered|plugged|sent|put|left|used|signed for|paid on|returned|changed|entered|selected|ticked|chose|gave us|registered) (?:\w+ ){0,3}(?:the wrong|a wrong|late|without|instead|too late|the old|half|on wet|into an)",
        r"\b<sorry> (?:that )?<you>(?:'ve| have)? (?!(?:had|were|was|been|felt|feel|waited|experienced|received|suffered|faced|lost|needed|wanted|tried|called|rang|found|ended|spent|struggled|stayed|got charged|paid twice|have had|'ve had|are|'re)\b)(?:\w+ed|gave|left|sent|bought|put|paid|chose|took|made|forgot|picked|typed|didn'?t|did not|booked|signed|used|plugged|registered|ordered)\b",
        r"\b<you> did (?:agree|sign|tick|accept|choose|order|book)\b",
        r"\b(?:is|are) the (?:traveller|customer|passenger|patient|account holder|buyer)'?s? responsibility\b",
        r"\bif <you>'?d (?:\w+ )?(?:paid|read|told|checked|called|sent|kept|followed|listened)",
        r"\b<you> (?:should|could|would) have (?!been (?:told|given|sent|offered|informed|warned|kept|"
        r"contacted|called|refunded)\b)(?:\w+ )?(?:read|checked|called|looked|told|known|"
        r"asked|been|made|done|noticed|ordered|paid|booked|cancelled|contacted|rung|waited|kept|"
        r"realised|realized|followed|used)",
        r"\b<you>(?:'ve| have)? (?:didn'?t|did not|failed to|forgot to|neglected to|never) "
        r"(?:read|check|call|tell|give|update|cancel|confirm|pay|answer|respond|follow|provide|"
        r"enter|select|tick|inform|notify|let)",
        r"\b<you> (?:misread|misunderstood|misheard|mistyped|ticked|agreed to|ignored|overlooked|"
        r"gave (?:us )?(?:the |an )?(?:wrong|old))",
        r"\b<you> (?:weren'?t|were not|wasn'?t) (?:in|home|there|available|answering)\b",
        r"\b<your> (?:own )?(?:fault|mistake|error|responsibility|problem|doing)\b",
        r"\b(?:if <you> had|had <you>|if <you>'?d) (?:read|checked|called|looked|followed|been)\b",
        r"\b(?:it|this) (?:says|states|is stated|is written|was stated|was explained|is explained) "
        r"(?:very )?(?:clearly )?(?:in|on) (?:the|our|<your>)",
        r"\bas (?:clearly )?(?:stated|mentioned|explained|outlined|written) in\b",
        r"\b<you> (?:must|need|needed|have|had) (?:have )?(?:to )?(?:read|check) (?:the|your)\b",
        r"\bthe (?:terms|small print|fine print|contract) (?:clearly )?(?:say|says|state|states)\b",
        r"\bthat(?:'s| is| was) on <you>\b",
        r"\b(?:user|customer|operator) error\b",
        r"\bif <you> (?:don'?t|won'?t|do not|will not|can'?t) (?:tell|give|let|answer|explain|show)\b",
        r"\b<sorry>,? (?:but )?(?:it (?:seems|looks like|appears)|apparently|it seems that) <you> "
        r"(?!(?:were|was|got|'ve|have|had|received|been|are|'re)\b)\w+",
        r"\b<you> (?!(?:were|was|got|'ve|have|had|received|been|are|'re|get|gets)\b)\w+ (?:\w+ ){0,4}"
        r"(?:for|on|with|to|as|at|in) the wrong\b",
        # "But you missed the call", "To be fair, you picked a busy route": a contrast turned
        # on the customer's own action.
        r"\b(?:but|still|though|to be fair|in fairness|then again|mind you),? (?:though,? )?<you> "
        r"(?!(?:'ve|have|had|were|are|'re|shouldn'?t|should not|deserve|needn'?t|did nothing|"
        r"didn'?t do anything|can|could|will|'ll|may|might|must|still|also|said|told|feel|felt|"
        r"know|knew|want|wanted|need|needed|asked me|mentioned|expected|paid for|trusted|waited|"
        r"rang|called us|shouldn'?t)\b)(?:\w+ed|left|made|sent|put|paid|took|chose|gave|forgot|"
        r"bought|shared|used|unplugged|missed|picked|signed|ticked|booked|did|didn'?t|never|"
        r"went|ran|let|drove|broke|lost|threw|wrote|got)\b",
        r"\b<you> (?:\w+ed|left|made|sent|put|paid|took|chose|gave|picked|bought|used|shared|"
        r"signed|ticked|booked|ordered|asked for)\b[^.!?]{0,60},? (?:didn'?t|did|weren'?t|haven'?t) "
        r"(?:<you>|ya)\b",
        r"\b(?:so )?(?:it'?s|that'?s|it is|that is) not (?:really |exactly |entirely )?(?:on us|"
        r"down to us|our (?:fault|doing|problem|responsibility))\b",
    ],
    "blaming_colleague": [
        r"\b(?:it'?s|that'?s|it was|that was|it is|that is) (?:their|his|her) (?:error|fault|mistake|doing|"
        r"problem|mess)\b",
        r",? not (?:me|us|our fault|my fault)(?=\W*(?:[.!?]|$))",
        r"\b(?:dropped|fumbled) the ball\b",
        r"\b(?:it'?s|that'?s|it was|that was) (?:them|they|him|her)\b",
        r"\bthe \w+ (?:\w+ )?got (?:this|it|that|your \w+) wrong\b",
        r"\b(?:that|it|this)(?:'s| is| was| were) (?:the |our |my |a |another )?(?:night shift|day shift|"
        r"billing team|other team|another team|other department|another department|driver|courier|"
        r"warehouse|engineer|technician|colleague|previous agent|last agent|scheduling team|"
        r"contractor|supplier|sales team|dispatch|the person)(?:'s)? (?:fault|doing|mistake|error|problem)?",
        r"\b(?:the|my|our|that|your) (?:\w+ )?(?:colleague|night shift|team|driver|courier|warehouse|"
        r"engineer|technician|agent|person you spoke to|department|contractor|dispatcher|rep|manager|"
        r"guy|lady|staff member) (?:\w+ )?(?:messed|should|shouldn'?t|didn'?t|did not|made|got it|forgot|lost|"
        r"failed|was wrong|were wrong|gave you|told you wrong|screwed|dropped|clearly|obviously|must)",
        r"\b(?:not (?:our|my) fault|someone else'?s (?:fault|mistake|problem))\b",
        r"\bwhoever (?:you )?(?:spoke|talked|dealt) (?:to|with)\b",
        r"\b(?:blame|that'?s down to|that was down to) (?:the|our|my|them|they)\b",
        r"\b(?:they|them)(?:'re| are| were) (?:useless|hopeless|always|the ones|responsible)",
    ],
    "arguing": [
        r"\b<you>'?ve got (?:that|it|this) (?:all )?wrong\b",
        r"\bi'?m not (?:sure|convinced) (?:that'?s|that is|it'?s|it is) (?:true|right|correct|accurate|"
        r"the case)\b",
        r"\bwith (?:all due )?respect,? (?:sir|madam|mr \w+|mrs \w+|ms \w+)?,? <you> (?:are|were|did|"
        r"didn'?t|aren'?t|weren'?t)\b",
        r"\b(?:we|i|he|she|they|every \w+) (?:do|did|does) (?:check|tell|read|know|speak|agree|sign|send|say|explain|listen|care)\b",
        r"\bactually\W*$",
        r"\bactually\b[^.!?]{0,40}\b(?:is|are|was|were|isn'?t|did|does|do)\b",
        r"\b(?:though|technically)\W*$",
        r"\btechnically\b",
        r"\b(?:it'?s|it is|that'?s) not (?:his|her|their|my|our|the \w+'s) fault\b",
        r"\b(?:nobody|no one) (?:was|is|did|has)\b",
        r"\bwill (?:only )?tell <you> the same\b",
        r"\bi doubt\b",
        r"\bwe (?:did|have) (?:tell|told|inform|email|send|notif)",
        r"\b<your> \w+ (?:isn'?t|is not) (?:a )?(?:professional|expert|engineer)",
        r"\bthat(?:'s| is)(?: simply| just)? not (?:what happened|true|right|correct|how it works|"
        r"the case|accurate|possible|fair to say)",
        r"\b<youre> (?:wrong|mistaken|incorrect|confused|not (?:right|correct))\b",
        r"\bactually,? (?:<you>|it|that|we|the|our|no|this)\b",
        r"\bno,? (?:that|it|this)(?:'s| is)n'?t\b",
        r"\bno,? (?:that|it|this) (?:is|was) not\b",
        r"\bi never said\b",
        r"\b(?:as|like) i (?:already |just )?(?:said|told you|explained|mentioned)\b",
        r"\bi (?:already )?(?:heard|told) <you>\b",
        r"\bwith (?:all due )?respect,? (?:that|you|this|it)\b",
        r"\bthat'?s not how (?:it|this|things) work",
        r"\bour records (?:show|say|clearly show|indicate)\b",
        r"\bthe customer is(?:n'?t| not) always right\b",
        r"\b<you> (?:clearly )?(?:don'?t|do not) (?:understand|know what <youre> talking about)",
        r"\bthere(?:'s| is) no (?:way|record|evidence|sign) (?:that|of|this)\b",
        r"\bi(?:'m| am) (?:afraid )?(?:you|that(?:'s| is)) (?:wrong|incorrect|mistaken)",
        r"\bif <you> (?:would|could) (?:just )?(?:listen|let me finish)",
        r"\bi did (?:hear|listen)\b",
        r"\bi (?:am|was|have been) listening\b",
        r"\bi (?:don'?t|do not) (?:run|control|make|own|decide) the\b",
        r"\b(?:that|this|it)(?:'s| is| was|s)?(?: not|n'?t) (?:quite |really |exactly |entirely |strictly )?"
        r"(?:what happened|how it (?:went|happened|was|works)|right|true|accurate|correct|the case|"
        r"fair(?! (?:on|to|for) <you>)|what (?:we|i|the \w+) (?:said|agreed|promised))\b",
        r"\bi (?:<dont>|really don'?t) (?:think|believe) (?:that'?s|that is|that was|it'?s|it was|"
        r"this is) (?:quite |entirely |strictly )?(?:right|true|accurate|correct|fair|the case|"
        r"what happened)\b",
        r"\bto be fair\b(?!,? to <you>)",
        r"\bin fairness\b(?!,? to <you>)",
        r"\bthat(?:'s| is) not (?:how|what) (?:it|this|that) (?:went|happened|was)\b",
    ],
    "counter_threat": [
        r"\bwe'?ll see who (?:wins|is right)\b",
        r"\bdo <your> worst\b",
        r"\bgo on then\b",
        r"\bpost (?:what|whatever) <you> (?:like|want)\b",
        r"\b<youre> (?:welcome|free) to (?:post|sue|complain|leave|go|write|review|take)",
        r"\b(?:won'?t|will not|isn'?t going to|is not going to) (?:get <you>|change (?:the|anything)|make (?:\w+ )?(?:turn up|faster|any difference|a difference)|help <you>)",
        r"\bthat'?s <your> right\b",
        r"\bif <you> keep (?:calling|shouting|swearing|being|talking|using)\b",
        r"\b(?:security|the police|our lawyers|legal) (?:will|are|is going to)\b",
        r"\bdebt recovery\b",
        r"\btry it and see\b",
        r"\bwe (?:have|know) <your> (?:address|details)\b",
        r"\bcome down (?:then|here)\b",
        r"\bi(?:'m| am) not (?:going to be able|able) to help <you>,? (?:if|unless|sir|madam)\b",
        r"\bi (?:can'?t|cannot|won'?t) (?:discuss|continue|talk about) (?:the|this|your) (?:claim|matter|case|account) (?:any further|anymore)\b",
        r"\bgo ahead(?: and)? (?:sue|post|leave|cancel|complain|report|write|take)\b",
        r"\b(?:sue|post|leave|cancel|complain|review) (?:us )?(?:if you (?:want|like|must)|all you like|"
        r"then|away)\b",
        r"\b(?:that'?s|it'?s) <your> (?:choice|call|problem|loss|funeral|decision)\b",
        r"\b(?:i|we)(?:'ll| will| can| could) (?:end|terminate|hang up|disconnect|ban|"
        r"block(?! (?:the|your|that|this|it|them) ?(?:card|account|payments?|transactions?|number|cheque)?\b)|"
        r"report <you>|"
        r"cancel <your>|close <your>|pass this to|send this to|refer this to|involve|call the)",
        r"\b(?:i|we)(?:'ll| will| can) (?:take|pursue|see) (?:legal|you to|you in)",
        r"\b(?:collections|debt collect\w*|bailiffs|credit (?:file|rating|score)|legal action|"
        r"our lawyers|the police)\b",
        r"\bsee <you> in court\b",
        r"\bgood luck with that\b",
        r"\bdo (?:what|whatever) <you> (?:want|like)\b",
        r"\b(?:you'?ll|you will) (?:regret|be sorry)\b",
        r"\bbe my guest\b",
        r"\b(?:don'?t|do not) threaten (?:me|us)\b",
        r"\bfine,? (?:leave|go|cancel)\b",
        r"\bsee where (?:it|that|this) (?:gets|takes) <you>\b",
        r"\b(?:carry on|keep (?:this|that|it) up|keep going) like (?:that|this)\b",
    ],
    "policy_wall": [
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
    ],
    "not_my_department": [
        r"\bi (?:can'?t|cannot|can not) touch (?:it|that|this|those)\b",
        r"\bnothing to do with (?:me|us|my|our)\b",
        r"\b(?:ring|call|contact|phone|email) the \w+ (?:team|department|desk|line|office|people)\b",
        r"\btake it up with\b",
        r"\bi(?:'ll| will) (?:transfer|put) <you> (?:through )?to (?:someone|somebody|another|the other)\b(?! .*\b(?:notes|explain|brief|so you don'?t))",
        r"\b(?:you'?d|you would|you will|you'?ll) (?:have|need) to (?:ring|call|contact|go into|go to|visit|email|write)\b",
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
    ],
    "call_us_back": [
        r"\b(?:try|trying) (?:calling|ringing|phoning|again|back)(?: us| back| again)* (?:tomorrow|later|next|in|after|another)\b",
        r"\b(?:call|ring|phone|try|contact) (?:us |me |back |again |in )*(?:tomorrow|later|next week|"
        r"on monday|in (?:a|an|\d+|a few) (?:hour|day|week)s?|another time)\b",
        r"\b(?:call|ring|phone) (?:us )?back (?:after|when|once|in)\b",
        r"\b(?:call|ring|phone) (?:back|again) (?:when|once|if|after)\b",
        r"\btry again (?:later|tomorrow|another|next)\b",
        r"\b<you>(?:'ll| will)? (?:need|have) to (?:call|ring|phone) (?:back|again|us)\b",
        r"\bcome back (?:tomorrow|later|next)\b",
        r"\bcan <you> (?:call|ring|phone|try) (?:us |me )?(?:back|again)\b",
        r"\bgive it (?:a|an|\d+|a couple of|a few|another|some) (?:\w+ )?(?:days?|hours?|weeks?|"
        r"minutes?|while|time)(?: or so)?,? (?:and|then) (?:call|ring|phone|try|contact|get back)",
        r"\b(?:and|then) (?:call|ring|phone) (?:us |me )?(?:again|back)\b",
        r"\b(?:call|ring|phone) (?:us |me )?(?:again|back) (?:if|when|once|after|in)\b",
    ],
    "gives_up": [
        r"\b(?:thanks|thank you) for calling\W+(?:bye|goodbye)\b",
        r"\bno problem\W+(?:bye|goodbye)\b",
        r"\b(?:account )?closure forms?\b",
        r"\b(?:ok(?:ay)?|fine|right),? i can (?:cancel|close|send <you> the (?:cancellation|closure))",
        r"^\W*(?:ok(?:ay)?|fine|right|alright|sure)?,? ?(?:then,? )?(?:bye|goodbye|cheers|have a (?:good|nice) "
        r"(?:day|one))(?: then)?\W*$",
        r"\b(?:ok(?:ay)?|fine|right|alright)(?: then)?,? (?:i'?ll|we'?ll|i will) (?:cancel|close|end|terminate) (?:it|that|"
        r"<your>|the)",
        r"\bglad (?:it'?s|everything'?s|that'?s) (?:all )?(?:fine|ok|okay|sorted|good)\b",
        r"^\W*(?:ok(?:ay)?|fine|right),? (?:suit yourself|whatever|if you say so)\b",
        r"\bsuit yourself\b",
        r"\bwhatever <you> (?:say|want|like)\b",
        r"\bif that'?s what <you> want,? (?:fine|ok|then)",
        r"\b(?:fine|ok(?:ay)?|right|alright),? if that'?s what <you> (?:want|prefer|'?d like)\b",
        r"\b(?:bye|goodbye) (?:then|now)\W*$",
    ],
    "playing_along": [
        r"\b(?:you'?re|you are) (?:sweet|lovely|not so bad|cute|charming|funny|a charmer)\b",
        r"\bmake me blush\b",
        r"\bfor me to know\b",
        r"\b(?:not so bad|not bad) yourself\b",
        r"\bi (?:finish|get off|clock off|knock off) (?:at|around|about) ",
        r"\b(?:we|i) (?:could|can) (?:meet|grab|get) (?:up|a drink|a coffee|drinks|coffee|dinner)",
        r"\b(?:thanks?|thank you),? (?:\w+ ){0,2}(?:voice|flatter|charming|sweet of you)\b(?!.*\b(?:back to|let'?s))",
        r"\b<your> voice(?:'s| is) (?:not bad|lovely|nice) (?:too|either)\b",
        r"\bmy (?:number|personal number|instagram|socials?) is\b",
        r"\b(?:you'?re|you are) (?:quite )?(?:the charmer|a charmer|cheeky)\b",
    ],
    "upsell": [
        r"\bhave <you> (?:seen|heard (?:of|about)) our (?:new|latest)\b",
        r"\bdid <you> know (?:that )?we (?:also )?(?:do|sell|offer)\b",
        r"\b(?:before you go|while i have you|while you'?re on the line),? (?:can|could|may|did|have|let) "
        r"(?:i|you|me)\b(?! .*\b(?:refund|fix|sort|credit|try|check))",
        r"\b(?:bundle|upgrade|premium|offer|deal|package)s? (?:deals?|plans?|that|which|for) (?:\w+ ){0,4}"
        r"(?:save|interested|might like)",
        r"\binterested in (?:our|a|an|upgrading)\b",
    ],
    "deflecting_offer": [
        r"\bwould <you> like (?:the|their|a|our) (?:\w+ ){0,3}(?:number|email|address|contact|details|link|"
        r"website)\b",
        r"\b(?:shall|can) i give <you> (?:the|their) (?:\w+ ){0,2}(?:number|email|contact)",
    ],
}
# Round 4 (error analysis on fit rows only: train, test, adversarial fit lines, heldout2,
# heldout3): excuses, corrections, justifications and rules worded without the older markers.
# Structures rather than phrases where possible: an organisation as the subject of an
# explanation, "usually means / can cause", "it's normal / standard", "as I said", refusals
# whose reason is a rule ("that's the limit", "regardless of"), and closings that give up.
_ORG4 = (
    r"(?:system|systems|driver|drivers|courier|couriers|engineer|engineers|inspector|filter|exchange|"
    r"cabinet|resort|hotel|hospital|clinic|crew|fraud system|fraud filter|warehouse|depot|bank|"
    r"supplier|contractor|team|staff|line|network)"
)

_ROUND4: dict[str, list[str]] = {
    "explaining_cause": [
        r"\b(?:is|are|'s|'re) (?:a (?:few|couple of|bit) (?:\w+ )?)?behind\b",
        r"\b(?:the|our) \w+ had (?:a|an) (?:\w+ )?(?:failure|outage|power cut|glitch|fault)\b",
        rf"\bour (?:\w+ )?{_ORG4} (?:have|has|are|is)\b[^.!?]{{0,40}}\bso (?:it|they|sometimes|the)\b",
        r"\b(?:call )?volumes? (?:are|is) (?:very |really |extremely )?high\b",
        r"\b(?:due to|for) (?:\w+ )?(?:operational|technical|security|weather) reasons\b",
        r"\b(?:might|may|could) (?:just )?be (?:a|an) (?:glitch|bug|error|fault|mistake|mix-up)\b",
        r"\b(?:is|are|was|were|gets?) (?:sent|generated|charged|issued|applied|triggered) automatically\b",
        r"\b(?:during|after|because of) (?:an |the )?automatic\b",
        r"\bthey do that (?:on|at|when|if|for|with|all)\b",
        r"\bfor suspicious activity\b",
        r"\bcame from (?:a|an|the|our) (?:\w+ )?(?:system|default|batch|error|glitch)\b",
        r"\b\w+'s probably\b",
        r"\b(?:found|shows?|showed|says|said) [^.!?]{0,60}, so (?:it|that|this) (?:is|was)\b",
        r"\bbasically,? (?:the|our|it|they) \w+ (?:was|were|is|are)\b",
        r"\bhave other customers\b",
        rf"\b(?:our|the) (?:[\w-]+'?s? ){{0,2}}{_ORG4}'?s? (?:(?!(?:you|u|i|we|they)\b)\w+ ){{0,2}}"
        r"(?:flagged|blocked|marked|noted|zeroed|merged|froze|removed|knocked|overran|blocks|flags|"
        r"goes mad|ran out|changed|couldn'?t find|couldn'?t get|has been sending|kept)\b",
        r"\b(?:usually|normally|often|typically|generally|almost always|most likely) (?:means?|caused by|"
        r"down to|because)\b",
        r"\b(?:can|could|may|might|will) cause (?:drops|problems|issues|faults|delays|that|this|it)\b",
        r"\bwhich (?:would|will|could|might) (?:do|explain|cause) (?:it|that|this)\b",
        r"\b(?:likely|probably) why\b",
        r"\b(?:is|are|was|were|gets?|got) (?:\w+ )?(?:based on|calculated (?:from|on)|worked out from|"
        r"estimated (?:from|because|on))\b",
        r"\bwe estimate\b",
        r"\bbecause (?:nobody|no one|no-one|someone|somebody|we (?:haven'?t|hadn'?t|didn'?t|couldn'?t|"
        r"had|were|are))\b",
        r"<ss>\W*(?:it'?ll|that'?ll|it will) (?:be|have been) (?:the|a|an|our|your) (?:\w+ ){0,3}"
        r"(?:system|fault|exchange|cabinet|line|filter|driver|courier|network|weather|storm|glitch|"
        r"bug|problem|margin|wiring)\b",
        r"\b(?:it'?s|it was) (?:just )?(?:the|our) (?:\w+ ){0,2}(?:system|filter|software|algorithm)\b,",
        r"\ba (?:banking|bank|system|computer|tech|technical|network|security) thing\b",
        r"\bwe(?:'ve| have)? (?:just )?had (?:a lot of|lots of|loads of|a few|so many|a number of|"
        r"several) (?:\w+ )?(?:cancellations|calls|problems|issues|delays|faults|complaints)\b",
        r"\bwe(?:'re| are) (?:\w+ )?(?:people|staff|agents|engineers|drivers|members) (?:down|short)\b",
        r"\bteething (?:problems|issues|troubles)\b",
        r"\bit'?s been (?:chaos|mad|manic|crazy|hectic|mental)\b",
        r"\b(?:had|have had|'ve had) (?:a bad run|problems|issues|trouble) with\b",
        r"\ba bad run of\b",
        r"\b(?:could|may|might) (?:well )?be (?:the|a|an|your|our) (?:\w+ ){0,2}(?:problem|cause|"
        r"issue|reason|fault|pipe|wiring|router)\b",
        r"\b(?:may|might) well be\b",
        r"\b(?:is|was) (?:most )?likely (?:the|a|an|your|our|down)\b",
    ],
    "defending_company": [
        r"\b(?:it'?s|that'?s|this is|which is) (?:completely |perfectly |quite |very |totally )?"
        r"(?:normal|common|usual|standard practice|an industry (?:rule|standard))\b"
        r"(?! to (?:feel|be|want|ask|expect|worry))",
        r"\bindustry[- ]standard\b",
        r"\b(?:these|such) things (?:\w+ )?(?:happen|sort themselves|turn up)\b",
        r"\bthings like (?:this|that) (?:\w+ )?happen\b",
        r"\bhappens? (?:sometimes|from time to time|now and then|all the time)\b",
        r"\b(?:outside (?:of )?|out of |beyond )our control\b",
        r"\bfor <your> own (?:protection|safety|security|good)\b",
        r"\b(?:are|is) there to protect\b",
        r"\bour \w+ (?:\w+ )?(?:always|never) (?:attempt|call|try|check|leave|knock|deliver|test)\b",
        r"\b(?:rated|ranked|voted) (?:\w+ ){0,3}(?:best|top|number one)\b",
        r"\b(?:very|really|extremely|highly) unusual\b",
        r"\bi'?ve never had (?:a|any) (?:\w+ )?(?:complaint|problem|issue)s?\b",
        r"\b(?:to a |made to a )(?:very |really )?high standard\b",
        r"\bbeen trading\b",
        r"\bnothing to hide\b",
        r"\bwe'?re not all like that\b",
        r"\b(?:customers|people|clients) (?:\w+ ){0,3}(?:have no|don'?t have|never have) (?:problems|"
        r"issues|complaints)\b",
    ],
    "blaming_customer": [
        r"\b<you> (?:should|could) (?:really )?have (?:sent|told|rung|paid|given|got)\b"
        r"(?! (?:a|an|the|your) (?:refund|reply|letter|email|call))",
        r"\b<you> (?:really|honestly) should\b",
        r"\b(?:only|one) thing is,? <you>\b",
        r"\b<you> (?:must|might|may) have (?:\w+ )?(?:misheard|misread|misunderstood|been out|missed|"
        r"forgotten|merged|deleted|typed|entered|ticked|clicked|pressed|been out)\b",
        r"\bby mistake, which\b",
        r"<ss>\W*<you> (?:chose|picked|agreed to|signed up for) (?:the|this|that|it)\b",
        r"\bwere <you> (?:definitely|actually|really) (?:in|home|there|at home|in the house)\b",
        r"\b<you> should (?:really|always|probably) (?!(?:be able|get|receive|have received)\b)\w+",
        r"\b<you> (?:should|could) (?:really )?have (?!(?:received|got|had|been (?:given|sent|told|"
        r"offered|refunded|contacted|called|informed|warned|kept|hurt|injured|charged))\b)"
        r"(?:\w+ed|known|done|seen|read|kept|made|taken)\b",
        r"\b(?:using|with) a third[- ]party\b",
    ],
    "blaming_colleague": [
        r"\b(?:fault|mistake|error|problem),? not (?:ours|mine|us)\b",
        r"\b(?:it'?s|it was) the (?:\w+ ){0,2}(?:crew|team|driver|courier|engineer|contractor|warehouse|"
        r"colleague|supplier|company) (?:who|that)\b",
        r"\b(?:that'?s|it'?s|that was) my colleague\b",
        r"\bthey never (?:update|check|tell|read|listen|answer)\b",
        r"\b(?:set|put|keyed|typed|entered) (?:\w+ ){0,3}(?:up )?wrong(?:ly)?\b",
        r"\bother (?:providers|networks|companies|banks|suppliers|shops|airlines) (?:have|are|do)\b",
    ],
    "arguing": [
        r"\bthey (?:don'?t|do not|wouldn'?t|would not|never) do that\b",
        r"\b<you> won'?t have been\b",
        r"\bi (?:am|'m) hearing <you>\b",
        r"\bour (?:system|records) (?:doesn'?t|does not|don'?t|do not) show\b",
        r"\bdo <you> (?:want|have|need) [^.!?]{0,30} or not\b",
        r"\bcan'?t <you> just\b",
        r"\b(?:nobody'?s|no one'?s|nobody is|no one is) (?:disbelieving|doubting|"
        r"questioning)\b",
        r"\bnobody here would\b",
        r"\bi'?m not saying (?:that|you|it)\b",
        r"\bi(?:'m| am) (?:just|only) (?:saying|reading|going by|telling you|going through)\b",
        r"\b(?:that|it) (?:wasn'?t|was not|isn'?t|is not) (?:about|aimed at|directed at|meant for) "
        r"(?:<you>|anyone)\b",
        r"\b(?:it'?s|that'?s|it is|that is|if only it were) not (?:quite )?(?:as|that) (?:simple|easy|"
        r"straightforward)\b",
        r"\bif only it were that simple\b",
        r"\bi wouldn'?t go that far\b",
        r"\bnot always,? no\b",
        r"\b(?:it'?s|that'?s|it is) not (?:rubbish|a scam|fraud|theft|robbery|literally true)\b",
        r"\bwe(?:'re| are)? (?:not|don'?t|do not) (?:robbing|rob|\"?help ourselves|make (?:anything|it|"
        r"things|numbers) up|steal|lie to|scam)",
        r"\bi (?:do )?(?:actually )?know (?:exactly )?what i'?m (?:doing|on about|talking about|saying)\b",
        r"\bi'?ve had (?:full )?training\b",
        r"\bi'?m a (?:fully )?trained\b",
        r"\bi did (?:answer|explain|say|tell)\b",
        r"\bi (?:already|just) (?:told|explained|said|answered)\b",
        r"\bfor your information\b",
        r"\bi'?d ask (?:you )?not to\b",
        r"\bi'?m sure (?:he|she|they|it) (?:didn'?t|did not|wasn'?t|meant)\b",
        r"\b(?:tests?|testing|looks?|shows?) (?:fine|ok|okay|normal|clear) (?:from|on|at) (?:our|my) "
        r"(?:end|side)\b",
        r"\byou'?ll find (?:that )?(?:our|the) (?:terms|contract|policy|records)\b",
        r"\bnotes? (?:say|said|says|show|shows|showed)\b",
        r"\bmarked (?:\w+ ){0,2}(?:as )?no access\b",
        r"\bthe system shows (?:zero|nothing|no|a card|that)\b",
        r"\b(?:there'?s|there is|there isn'?t|there'?s no) (?:nobody|no one|no-one|anyone|no manager|"
        r"no supervisor) (?:\w+ )?(?:above me|more senior|who can do more|higher)\b",
        r"\bmost senior (?:person|one|agent)\b",
        r"\bme or no(?:one|body| one)\b",
    ],
    "counter_threat": [
        r"\bcome on then\b",
        r"\bi'?ll be (?:here|there|waiting)\W*$",
        r"\bdon'?t blame (?:us|me)\b",
        r"\bwe have (?:our own )?lawyers\b",
        r"\bgo ahead(?:,? (?:then|sir|madam|mate))?[.!]",
        r"\bgo ahead, we\b",
        r"^\W*please do\b",
        r"\b(?:swear|shout) at me again\b",
        r"\bwe'?ll add (?:\w+ )?(?:fees|charges|interest)\b",
        r"\b(?:early )?termination fee\b",
        r"\bjust so (?:you'?re|you are) aware\b",
        r",? just so you know\W*$",
        r"\bgood luck finding\b",
    ],
    "policy_wall": [
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
    ],
    "not_my_department": [
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
    ],
    "call_us_back": [
        r"\b(?:ring|call|phone) (?:us |them )?(?:back )?then\W*$",
        r"\bif <you> change <your> mind,? <you> can (?:always )?(?:call|ring|phone|contact)\b",
    ],
    "gives_up": [
        r"\b<youre> entitled to (?:do that|complain|go)\b",
        r"\b(?:thanks|thank you) for calling(?: [\w' ]{0,30})?\W*$",
        r"\b(?:have a (?:good|nice|lovely|great) (?:day|night|evening|weekend|one)|enjoy (?:the rest "
        r"of )?<your> (?:night|day|evening|weekend)|take care(?: now)?)(?:,? (?:sir|madam|mate|mr \w+|"
        r"mrs \w+|ms \w+|miss \w+))?\W*$",
        r"\b(?:that'?s|it'?s) (?:entirely |completely |totally )?up to <you>\W*(?:$|[.!]|,? but)",
        r"^\W*up to <you>\b",
        r"^\W*<your> choice\b",
        r"\bif <youre> happy to wait\b",
        r"\bfine by me\b",
        r"\bput the cancellation through\b",
        r"\b(?:i'?ll|i will) send <you> the (?:\w+ )?(?:address|form|details)\b(?=.*ombudsman)",
        r"\b(?:no problem|no worries|ok(?:ay)?|fine)\W+(?:is there )?anything else\b",
    ],
    "upsell": [
        r"\bbefore you go,? (?:we'?ve|we have|there'?s|i)\b",
        r"\b(?:loyalty|upgrade) (?:offer|bundle|deal)\b",
    ],
}

# Round 5 (error analysis on heldout4, after it was scored once and joined the fit data): each
# pattern names a family of wording, not a sentence, and was kept only if it also fixed or left
# unchanged the other writers' sets (adversarial, heldout2, heldout3) without new false fails.
_ROUND5: dict[str, list[str]] = {
    "explaining_cause": [
        r"\b(?:may|might|could) have (?:started|happened|begun|been caused|come)\b",
        rf"\b(?:the|our|your) (?:\w+ )?{_ORG4} (?:\w+ )?(?:went|goes|go|gets|got|get|was|were|is|are) "
        r"(?:\w+ ){0,3}automatically\b",
        r"\b(?:gets?|got|was|were|went|is|are) (?:\w+ )?(?:blocked|sent|cancelled|merged|reset|flagged|"
        r"triggered|generated) automatically\b",
        r"\b(?:the|that|this|our|it|they|which) (?:\w+ ){0,3}had (?:a few|some|a couple of|a lot of|lots of) "
        r"(?:\w+ )?(?:problems|issues|faults|teething)\b",
        r"\b(?:have|has) been (?:covering|short|stretched|swamped|run off their feet|snowed under)\b",
        r"\b(?:queues?|calls?|lines?) (?:are|is|were|was|have been) (?:mad|crazy|mental|manic|insane|"
        r"rammed|nuts|heaving)\b",
        r"\b(?:did|does|do) try to (?:call|ring|contact|reach|deliver)\b",
    ],
    "defending_company": [
        r"\bdoing (?:their|our|its|his|her) (?:best|job)\b",
        r"\b(?:go|goes|went) through (?:rigorous|strict|thorough|careful|extensive) (?:\w+ )?(?:testing|"
        r"checks|training|vetting)\b",
        r"\b(?:registered|qualified|certified|accredited) and (?:fully |properly )?(?:trained|qualified|"
        r"insured|certified)\b",
        r"\b(?:is|'s|are|'re|was) (?:\w+ )?one of (?:our|the) (?:most|best|top|highest)\b",
        r"\b(?:is|are|'s|'re) (?:\w+ )?(?:good|high|top|excellent|great) quality\b",
        r"\b(?:don'?t|doesn'?t|do not|does not) (?:usually|normally|often|generally) (?:fail|break|"
        r"happen|go wrong|have (?:problems|issues))\b",
        r"\b(?:was|were|left \w+|sold|arrived|went out|dispatched) (?:\w+ ){0,2}(?:in|with) perfect "
        r"(?:condition|working order)\b",
        r"\b(?:is|was) (?:just )?a one-?off\b",
        r"\b(?:normally|usually|generally|always) (?:very |really )?(?:accurate|reliable|fast|quick|on time)\b",
        r"\bthe fee (?:covers|is for|pays for)\b",
    ],
    "blaming_colleague": [
        r"\bnot one of (?:ours|our own|our (?:\w+ )?(?:staff|engineers|drivers|people|team))\b",
        r"\bthat'?s on them\b",
        r"\b(?:handled|run|managed|dealt with|looked after) by (?:the|a) \w+,? not (?:us|the \w+)\b",
        r"\b(?:staff|team|engineer|driver|courier|store|shop|she|he|they) (?:should|could) have "
        r"(?:checked|told|noticed|asked|known|spotted)\b",
        r"\b(?:can|could) only (?:see|go by|read|do) what (?:the|our) (?:\w+ )?(?:system|screen|computer)\b|"
        r"\bonly (?:reading|doing|saying|following) what the (?:\w+ )?(?:screen|system|computer)\b",
        r"\b(?:she'?s|he'?s|they'?re) (?:new|only new|still learning|a trainee)\b",
    ],
    "blaming_customer": [
        r"\bwe'?d always (?:recommend|advise|suggest)\b",
        r"\b<you> can (?:\w+ )?(?:it|that|them) (?:\w+ )?yourself\b",
        r"\b(?:are|were) <you> sure <you> (?:didn'?t|did not|haven'?t|have not|weren'?t)\b",
        r"\b(?:may|might|could) (?:actually |well |even )?be (?:what'?s|what is) causing\b",
        r"\bbest to avoid\b",
    ],
    "arguing": [
        # Defending themselves instead of the customer ("I'm not a trainee, I've been here six
        # years", "I speak perfectly good English"): correcting them, so arguing.
        r"\bi(?:'m| am) not (?:a |an )?(?:trainee|new|deaf|stupid|thick|an idiot|a robot|useless|"
        r"incompetent)\b",
        r"\bi(?:'ve| have) been (?:here|doing this|in this job|working here|in the job) (?:for )?"
        r"(?:\w+ ){0,2}(?:years?|months?)\b",
        r"\bi speak (?:perfectly |very |really )?(?:good|fine|fluent|clear|decent) english\b|"
        r"\beveryone here speaks english\b",
        r"^\W*(?:(?:sir|madam|ma'am),? )?i(?:'m| am) from \w+\W*$",
        r"\b(?:it )?wasn'?t me (?:who|that)\b",
        r"\bi(?:'ve| have) (?:done|had|passed) the training\b|\bwith (?:all due )?respect,? i\b",
        r"\b(?:hate(?:'s| is)|that(?:'s| is)) a (?:strong|big|bit strong) word\b",
        r"\b(?:it'?s|it is) not (?:that|as|so) bad\b",
        r"\b<you>'?d be surprised\b",
        r"\b(?:isn'?t|is not|wasn'?t|was not) the (?:problem|issue|cause)\b",
        r"\b(?:supervisor|manager) (?:will|would) (?:tell <you>|say) (?:exactly |just )?the same\b|"
        r"\b(?:supervisor|manager) (?:can'?t|cannot|couldn'?t) (?:\w+ ){0,4}either\b",
        r"\bi(?:'m| am) (?:only|just) trying to help\b",
        r"\b(?:it|that|this) (?:isn'?t|is not|wasn'?t|was not) [^.!?,]{1,40}, (?:it'?s|it is|it was) "
        r"(?!(?:our|my|on us|down to us)\b)",
        r"\b(?:hasn'?t|has not|haven'?t|have not) (?:yet )?been (?:established|proven|proved|confirmed) "
        r"(?:yet )?that\b",
        r"\bno need to escalate\b",
        r"\b(?:doesn'?t|does not|don'?t|do not) matter here\b",
        r"^\W*no,? (?:that|it) (?:was|had) nothing to do with\b",
    ],
    "policy_wall": [
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
    ],
    "not_my_department": [
        r"\b(?:is|'s|are) (?:a )?(?:separate|different) (?:department|team|company|section)s?\b",
        r"\bnot (?:really )?my (?:area|department|team|section|job)\b",
        r"\b(?:isn'?t|is not|aren'?t|are not) (?:part of|covered by|included in) (?:our|the) service\b",
    ],
    "gives_up": [
        r"^\W*(?:no worries|no problem|ok(?:ay)?|alright|right),? enjoy\b",
        r"^\W*(?:ok(?:ay)?|fine|right|alright|sure)\W+(?:bye|goodbye|cheers)\W*$",
        r"\bwhatever,? (?:mate|then|sir|madam|love)?\W*$",
        r"\bthat'?s entirely <your> (?:choice|decision|call)\b",
    ],
    "call_us_back": [
        r"\bif <you> (?:change <your> mind|find (?:it|the \w+)),? (?:just )?(?:give us a )?(?:ring|call|phone) "
        r"(?:us )?back\b",
        r"\bgive us a (?:ring|call|bell) back\b",
    ],
    "upsell": [
        r"\bwhile <youre> on,? (?:can|could|may) i (?:tell|interest|mention)\b",
    ],
}

# Round 6 (error analysis on heldout5, after it was scored once and joined the fit data).
_ROUND6: dict[str, list[str]] = {
    "explaining_cause": [
        r"\b(?:was|were) (?:returned|held|blocked|rejected|delayed|stopped|flagged|sent back) "
        r"(?:\w+ ){0,3}by (?:the|our)\b",
        r"\bwas (?:a|an) (?:\w+ )?(?:error|mistake|mix-?up|glitch|oversight) (?:at|in|by|from|with) "
        r"(?:the|our)\b",
        # No "we're"/"they're" here: rx makes the apostrophe optional, so "we're" would also
        # match "were" after any subject.
        r"\b(?:team|system|systems|depot|warehouse|lines|queues?|office)(?:'s| is| are| has been| have "
        r"been) (?:really |very |a bit |quite |completely )?(?:backed up|slow|swamped|snowed under|"
        r"a shambles|all over the place)\b|\b(?:we|they) (?:are|have been) (?:really |very |a bit |quite )?"
        r"(?:backed up|swamped|snowed under)\b",
        r"\b(?:usually|often|normally|typically|generally) (?:from|comes? from|down to|caused by)\b|"
        r"\bthat'?s (?:usually|normally|often) the (?:hold-?up|problem|issue|cause)\b",
        r"\bit (?:may|might|could) be that\b|\b(?:may|might|must) (?:of|have) (?:written|put|sent|entered|"
        r"typed|recorded|made|missed)\b|\b(?:may|might) not have been able\b",
        r"\b(?:delays?|this|that|it|these|cancellations?|problems?|issues?|things|faults?) (?:only |usually "
        r"|sometimes |often |normally )?happens? when\b(?![^.!?]*\?)",
        r"\b(?:went|goes|go|has gone) up because\b",
        r"\b(?:it'?s|that'?s) (?:just )?the cost of\b",
    ],
    "defending_company": [
        r"\bwear (?:item|and tear is expected)\b",
        r"\b(?:are|is) checked (?:daily|regularly|every|weekly)\b",
        r"\b(?:are|is) (?:told|trained|instructed) to\b",
        r"\bwe take (?:all )?(?:feedback|complaints|comments) (?:very )?seriously\b",
        r"\bwas never guaranteed\b|\b(?:are|is) (?:only )?estimates?\b",
    ],
    "blaming_customer": [
        r"\b(?:have|did) <you> (?:checked|check|made sure) (?:that )?(?:it|this|that) (?:isn'?t|wasn'?t|"
        r"is not|was not) (?:something )?(?:<you>|<your>)\b",
    ],
    "arguing": [
        r"\bi speak (?:\w+ ){0,2}english (?:perfectly |very |really )?(?:well|fine|fluently)\b|"
        r"\bi(?:'m| am) (?:english|british)\b",
        r"\bi(?:'ve| have) understood (?:everything|every word|perfectly)\b",
        r"\b<you>'?d be amazed\b",
        r"\bare <you> sure (?:it'?s|it was|that it|this is) (?:from|our|not|the|a)\b",
        r"\bi wish it (?:was|were) that (?:easy|simple)\b",
        r"\bshall i (?:just |go and )(?:\w+ ){0,2}it myself\b",
        r"\bnot just <you>\b|\bfor everyone,? not just\b",
    ],
    "playing_along": [
        r"\b<you>(?:'ve| have)? (?:got )?(?:a )?(?:nice|lovely|great|sweet|gorgeous) (?:voice|one)"
        r"(?: too| yourself)?\b|\b<you> sound (?:nice|lovely|sweet|fun|great)(?: too)?\b",
        r"\bflattery will get\b|\baw+,? thank(?:s| <you>)\b",
        r"\bmy (?:nan|gran|grandad|grandpa|grandma|granddad|mum|dad|brother|sister|husband|wife|uncle|"
        r"aunt)(?:'s| is| was)? (?:\w+ ){0,2}(?:from|in the|too|as well)\b",
    ],
    "policy_wall": [
        r"\bstill liable\b",
        r"\bhave their own (?:rules|policy|policies|terms)\b|\bdown to them\b",
        r"\bneither can my (?:manager|supervisor|team leader)\b|\bcan'?t influence\b",
        r"\bwas in the (?:letter|email|terms|contract|text) (?:we|that we|you were) sent\b",
    ],
    "counter_threat": [
        r"\b(?:threatening|abusing|abuse|threats|swearing)\b[^.!?]{0,40}\bcriminal offence\b",
        r"\b(?:this call is|calls are|all (?:our )?calls are) (?:being )?recorded\b",
    ],
    "not_my_department": [
        r"\btransfer <you> to (?:another|a different|the right|the other) department\b",
        r"\b(?:is|are) separate from\b",
    ],
    "gives_up": [
        r"^\W*(?:no worries|no problem|ok(?:ay)?|alright|right)(?:\W+(?:no worries|no problem))?\W+enjoy\b",
        r"^\W*(?:ok(?:ay)?|fine|right|sure),? i'?ve cancelled\b",
    ],
    "upsell": [
        r"\bbefore you (?:switch|leave|cancel|go),? (?:we'?ve|we have) (?:actually )?got\b",
    ],
}

_NEGATIVE = table(
    {
        kind: _BASE_NEGATIVE.get(kind, [])
        + _ROUND4.get(kind, [])
        + _ROUND5.get(kind, [])
        + _ROUND6.get(kind, [])
        for kind in {**_BASE_NEGATIVE, **_ROUND4, **_ROUND5, **_ROUND6}
    }
)

_POSITIVE = table(
    {
        "resolving": [
            r"\blet(?:'s| us) (?:get|sort|fix|put|work|make|see|find|look)\b",
            r"\b(?:i'?ll|i will|i'?m going to|i am going to|we'?ll|we will|let me) (?:\w+ ){0,2}(?:fix|sort|"
            r"refund|send|book|get|make|put|arrange|credit|look|check|chase|take care|stay|resolve|"
            r"find|call|ring|escalate|reverse|cancel|replace)",
            r"\bi'?m (?:on it|going to sort|here to help)\b",
            r"\buntil (?:it'?s|this is|that'?s) (?:sorted|fixed|resolved)\b",
            r"\bright (?:now|away)\b",
            r"\btoday\b",
        ]
    }
)

NEGATIVE_KINDS = (
    "gives_up",
    "playing_along",
    "upsell",
    "deflecting_offer",
    "rhetorical_pushback",
    "explaining_cause",
    "defending_company",
    "blaming_customer",
    "blaming_colleague",
    "arguing",
    "counter_threat",
    "policy_wall",
    "not_my_department",
    "call_us_back",
)


_OPEN_DOOR = rx(
    r"\b(?:but|and|though|however),? (?:what )?(?:i|we) (?:can|could|will|'ll)\b|\bwhat i can do\b|"
    r"\b(?:i|we) can (?:ask|check with|get|request|see if)\b|\bshall i\b|\bwould <you> like me to\b"
)


def detect(cleaned: Cleaned) -> StepEvidence:
    """Keep the step unless the reply defends, explains, blames, argues, threatens or stonewalls."""
    from trainer.grading.ask import is_rhetorical

    negatives = scan(cleaned, _NEGATIVE)
    for sentence in cleaned.sentences:
        if is_rhetorical(sentence.text):
            # Decision (labelling guide): a rhetorical question is push-back, i.e. arguing.
            negatives.append(Finding("rhetorical_pushback", sentence, sentence))
    negatives.sort(key=lambda f: f.span.start)
    negatives = [
        f
        for f in negatives
        if not _is_agent_callback(cleaned.text, f)
        and not _door_left_open(cleaned.text, f)
        and not _reported_blame(cleaned.text, f)
        and not _agreeing(cleaned.text, f)
        and not _promised_fix(cleaned.text, f)
        and not _permission_with_way_forward(cleaned.text, f)
    ]
    positives = scan(cleaned, _POSITIVE)
    if not negatives and not positives:
        negatives = _regret_without_way_forward(cleaned)
    return StepEvidence(not negatives, positives, negatives, "")


_REGRET = rx(r"\b(?:i'?m|i am|we'?re|we are) afraid\b(?! (?:so|not)\b)|^\W*unfortunately\b")
_WAY_FORWARD = rx(
    r"\b(?:i|we) (?:can|could|will|'ll|would|'d)\b|\blet me\b|\bshall (?:i|we)\b|\balready\b|"
    r"\b(?:i|we)(?:'ve| have) (?:\w+ )?(?:ordered|booked|sent|arranged|refunded|credited|raised|"
    r"reversed|cancelled|escalated|logged|rebooked|replaced)\b|"
    r"\bwould <you> like\b|\bif <you> (?:want|like|prefer)\b"
)


def _regret_without_way_forward(cleaned: Cleaned) -> list[Finding]:
    """Round 5: "I'm afraid" or "Unfortunately" closing a reply that offers nothing.

    Said over a rule, a delay or a refusal, with no question and no offer anywhere in the reply,
    it ends the matter: a policy wall without the usual words ("Eight to six is our standard
    window, I'm afraid.", "Unfortunately that's how long the banks take.").
    """
    if any(is_question(s.text) for s in cleaned.sentences) or _WAY_FORWARD.search(cleaned.text):
        return []
    return [
        Finding("policy_wall", sentence, sentence)
        for sentence in cleaned.sentences
        if _REGRET.search(sentence.text)
    ]


def _door_left_open(text: str, finding: Finding) -> bool:
    # Decision (labelling guide): "a rule with an open door is not a wall". "I'm not able to do
    # that, but I can sort the bill" offers a way forward in the same sentence.
    # Round 4: a refusal followed directly by an offered way forward ("I'm not able to do that.
    # Shall we get your parcel back?") leaves the door open as well.
    if finding.kind != "policy_wall":
        return False
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


_NEXT_OFFER = rx(
    r"\W*(?:but |so )?(?:shall (?:i|we)|would <you> like me to|what i can do|(?:i|we) can (?:\w+ ){0,2}"
    r"(?:ask|check|get|request|see if|offer|arrange|book|refund|credit|have|collect|send|bring|sort|"
    r"fix|put|hand)|let me (?:see|ask|check|get)|let'?s (?:get|sort|fix|find|put|see|look))\b"
)
_NOT_A_RULE = rx(
    r"\b(?:meet|date|go out with|see|give out my|share my) (?:customers|callers|clients|you)\b|"
    r"\b(?:carry on|continue) (?:after|with (?:that|the (?:call|threats?))|the call|this call)\b"
)
_NEGATED_BEFORE = rx(r"\b(?:don'?t|won'?t|doesn'?t|shouldn'?t|never|not) $")
_AGREEMENT = rx(
    r"^(?:it|that|this)(?:'s| is| was)? ?(?:not|n'?t) (?:\w+ )?(?:fair|right|on|okay|ok|good enough)\b"
)
_REBUTTAL = rx(r"\W*(?:we|our|there|they|the|i|it was|that was|you)\b")
_AGREEING_BEFORE = rx(
    r"\b(?:no wonder|nobody'?s saying|nobody is saying|no one'?s saying|not saying|<youre> right(?: that)?"
    r"|i agree(?: that)?|yes|yeah)\W*$"
)


def _agreeing(text: str, finding: Finding) -> bool:
    """Round 5: "you're right, it isn't fair", "no wonder you're confused" agree with them."""
    if finding.kind != "arguing":
        return False
    before = text[finding.sentence.start : finding.span.start]
    if _AGREEING_BEFORE.search(before):
        return True
    # "That's not fair on you" agrees; "That's not fair, we do look after you" defends.
    after = text[finding.span.end : finding.sentence.end]
    return bool(_AGREEMENT.match(finding.span.text)) and not _REBUTTAL.match(after)


_PROMISE = rx(r"\b(?:i'?ll|i will|we'?ll|we will|make sure|from now on)\b")


def _promised_fix(text: str, finding: Finding) -> bool:
    """Round 5: "I'll make sure it gets sent automatically from now on" is a fix, not a cause.

    Round 6: a time the agent commits to ("I've arranged a call within 48 hours") is not a
    wall either, and "I'm ending this call because of the threat" gives the reason for ending.
    """
    before = text[finding.sentence.start : finding.span.start]
    if finding.kind == "explaining_cause":
        return bool(_PROMISE.search(before)) or bool(_SAFETY_REASON.match(finding.span.text))
    if finding.kind == "policy_wall" and finding.span.text.lower().startswith("within"):
        return bool(_COMMITTED.search(before))
    return False


_SAFETY_REASON = rx(r"because of (?:the|that|your) (?:threat|threats|language|swearing|abuse)")
_COMMITTED = rx(
    r"\b(?:i'?ll|i will|i'?ve|i have|we'?ll|we will|we'?ve|<you>'?ll)\b|\barranged\b|\bbooked\b"
)


_PERMISSION = rx(r"\b(?:free|welcome) to\b|\b<your> right\b|\bentitled to\b")


def _permission_with_way_forward(text: str, finding: Finding) -> bool:
    """Round 5: "That's your right, and I'm sorry. Shall I book the engineer?" is not a threat.

    Granting them the right to complain, sue or post stays a counter-threat when it ends the
    matter ("Post what you like"); followed by an offer or a question, it leaves the door open.
    """
    if finding.kind not in ("counter_threat", "gives_up") or not _PERMISSION.search(
        finding.span.text
    ):
        return False
    rest = text[finding.sentence.end :]
    if _CLOSING.search(rest):
        return False
    return bool(_WAY_FORWARD.search(rest)) or "?" in rest


_CLOSING = rx(r"\banything else\b|\bgoodbye\b|\bbye\b")


def _reported_blame(text: str, finding: Finding) -> bool:
    # "being told it's your fault" reports the blame they were given (often in sympathy); the
    # agent is not blaming them.
    if finding.kind != "blaming_customer":
        return False
    return bool(_REPORTED.search(text[finding.sentence.start : finding.span.start]))


_REPORTED = rx(
    r"\b(?:told(?: <you>)?|tell(?:ing)? <you>|saying|said|says|claim(?:s|ed|ing)?|blamed for|accused of)"
    r"(?: (?:that|it'?s|it was|it is|this is|this was|its))*\W*$"
)


def _is_agent_callback(text: str, finding: Finding) -> bool:
    # "I'll call you back tomorrow" is the agent ringing them: good craft, not call_us_back.
    # Round 6: so is "I'll ring the claims team" (the agent chasing, not sending them away).
    agent_rings = finding.kind == "not_my_department" and bool(_RING.match(finding.span.text))
    if finding.kind != "call_us_back" and not agent_rings:
        return False
    before = text[max(0, finding.span.start - 30) : finding.span.start].lower()
    if any(
        k in before
        for k in ("i'll", "i will", "we'll", "we will", "can i", "shall i", "let me", "would a")
    ):
        return True
    return bool(_AGENT_SUBJECT.search(text[finding.sentence.start : finding.span.start]))


_RING = rx(r"(?:ring|call|phone|contact)\b")
_AGENT_SUBJECT = rx(
    r"(?:shall|can|could|may) (?:i|we)|(?:i|we)(?:'ll| will| can(?!'|not| not)| could(?!n)|'d| would)"
    r"|let me|i(?:'m| am) going to"
)

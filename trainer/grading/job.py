"""Step 2, `job`: does the reply keep to resolving, or defend, explain, blame and argue?

A neutral reply keeps the step; any of the failures below loses it. Moves toward a fix
("let's get this sorted", "I'll refund it now") are reported as supporting evidence.
"""

from __future__ import annotations

from trainer.grading.findings import Finding, StepEvidence, scan, table
from trainer.grading.text import Cleaned, rx

_ORG = (
    r"(?:system|systems|warehouse|driver|drivers|courier|couriers|engineer|engineers|depot|computer|"
    r"software|server|servers|team|staff|supplier|contractor|machine|network|app|website|portal|"
    r"billing|payment|payments|schedule|scheduler|database|branch|store|shop|kitchen|crew|technician|"
    r"technicians|office|partner|bank|airline|flight|manager|agent|colleague|department|company|"
    r"printer|post|mail|van|route|batch|update|upgrade|migration|rota)"
)

_NEGATIVE = table(
    {
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
            rf"\b(?:because|as|since) (?:of )?(?:our|the|a|an|we|they|there) (?:\w+ ){{0,3}}{_ORG}",
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
            r"\b<you> (?:should|could|would) have (?:\w+ )?(?:read|checked|called|looked|told|known|"
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
            r"\b(?:i|we)(?:'ll| will| can| could) (?:end|terminate|hang up|disconnect|ban|block|report <you>|"
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
            r"\b(?:haha+|hehe+|lol)\b",
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
            r"(?:i|you|me)\b(?! .*\b(?:refund|fix|sort|credit))",
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
    ]
    positives = scan(cleaned, _POSITIVE)
    return StepEvidence(not negatives, positives, negatives, "")


def _door_left_open(text: str, finding: Finding) -> bool:
    # Decision (labelling guide): "a rule with an open door is not a wall". "I'm not able to do
    # that, but I can sort the bill" offers a way forward in the same sentence.
    if finding.kind != "policy_wall":
        return False
    return bool(_OPEN_DOOR.search(text[finding.span.end : finding.sentence.end]))


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
    if finding.kind != "call_us_back":
        return False
    before = text[max(0, finding.span.start - 30) : finding.span.start].lower()
    if any(
        k in before for k in ("i'll", "i will", "we'll", "we will", "can i", "shall i", "let me")
    ):
        return True
    return bool(_AGENT_SUBJECT.search(text[finding.sentence.start : finding.span.start]))


_AGENT_SUBJECT = rx(
    r"(?:shall|can|could|may) (?:i|we)|(?:i|we)(?:'ll| will| can(?!'|not| not)| could(?!n)|'d| would)"
    r"|let me|i(?:'m| am) going to"
)

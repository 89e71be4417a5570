"""`job` failure `defending_company`: defends the company, its staff or its product instead of the customer."""

from __future__ import annotations

from trainer.grading.kind import COMMITTED, CORPUS, ISSUE11, ROUND4, ROUND5, ROUND6, Kind, patterns
from trainer.grading.kinds.common import ORG

KIND = Kind(
    id="defending_company",
    step="job",
    severity=COMMITTED,
    summary="defends the company, its staff or its product instead of the customer",
    flag="defending",
    patterns=(
        *patterns(
            CORPUS,
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
            rf"\bour (?:\w+ )?{ORG} (?:are|is) (?:all )?(?:very |highly |fully |extremely |really )?"
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
        ),
        *patterns(
            ROUND4,
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
        ),
        *patterns(
            ROUND5,
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
        ),
        *patterns(
            ROUND6,
            r"\bwear (?:item|and tear is expected)\b",
            r"\b(?:are|is) checked (?:daily|regularly|every|weekly)\b",
            r"\b(?:are|is) (?:told|trained|instructed) to\b",
            r"\bwe take (?:all )?(?:feedback|complaints|comments) (?:very )?seriously\b",
            r"\bwas never guaranteed\b|\b(?:are|is) (?:only )?estimates?\b",
        ),
        *patterns(
            ISSUE11,
            r"\bour \w+(?: \w+)? (?:is|are) (?:very |really |extremely |highly |always )(?:accurate|reliable|precise|safe|thorough|careful)\b",
            r"\b(?:has|have|got) (?:very |really )?(?:good|great|excellent|five-star|5-star) (?:reviews|ratings)\b",
            r"\b(?:lots of|many|plenty of|most|thousands of) (?:\w+ )?(?:customers|people|students|users|clients|families) (?:\w+ ){0,4}without (?:any )?(?:problems|issues|trouble)\b",
            r"\b(?:most|other) (?:\w+ )?(?:customers|people|users) (?:find|say|use)\b",
            r"\bwe'?re only human\b|\bhandles? (?:thousands|hundreds|millions) of\b",
            r"\bwe (?:always )?do (?:a |an )?(?:\w+ )?(?:check|inspection|walkaround)\b",
            r"\b(?:the|our) (?:website|system|app) (?:doesn'?t|does not|can'?t|cannot|won'?t) (?:double|make|lose|charge)",
            r"\b(?:is|are) actually (?:much |very |really )?(?:faster|better|good|reliable|fine)\b",
        ),
    ),
    examples=(
        "Our lab is very accurate.",
        "The app has very good reviews.",
        "Lots of students use it without any problems.",
        "Most customers find it easy.",
        "We're only human, sir.",
        "We do a walkaround check on every car.",
        "The website doesn't double-book.",
        "The new router is actually much faster.",
        "Our engineers are well trained.",
        "Our installers know what they're doing.",
        "We have really high standards.",
        "We're one of the most trusted names around.",
        "We're not perfect.",
        "This has never happened to anyone before.",
        "Our checks are very thorough.",
        "We've won awards for this service.",
        "The other banks are no better, honestly.",
        "It's completely normal for winter bills.",
        "Our boxes are industry standard.",
        "These things do happen with parcels.",
        "Things like this happen in the busy season.",
        "Delays happen from time to time.",
        "The strike was beyond our control.",
        "The block is for your own protection.",
        "Those checks are there to protect you.",
        "Our drivers always knock twice.",
        "We were voted the best in the region.",
        "That is really unusual for this model.",
        "I've never had a complaint about them.",
        "The boots are made to a very high standard.",
        "We've been trading since 1970.",
        "Check all you like, we have nothing to hide.",
        "We're not all like that here.",
        "Most people on your street have no problems.",
        "The crew are doing their best in the snow.",
        "It's one of the most popular plans we sell.",
        "Those boots are top quality leather.",
        "These kettles don't usually break.",
        "The sofa left us in perfect condition.",
        "This was a one-off glitch.",
        "Our invoices are normally very accurate.",
        "The fee covers the admin of a bounced payment.",
        "Every boiler goes through rigorous factory testing.",
        "Our fitters are certified and fully insured.",
        "Trainers are a wear item.",
        "Our scales are checked daily.",
        "Couriers are told to knock twice.",
        "We take all complaints very seriously.",
        "Arrival times are only estimates.",
    ),
    near_misses=(
        "That's never acceptable, and I'll put it right.",
        "Our engineer will ring you first.",
        "Our engineer can come on Thursday. Would that work?",
        "That's completely normal to feel after a day like that, I'm so sorry.",
        "I'll send one of our most experienced engineers out tomorrow morning. Would 9am work?",
        "I'll make sure the replacement arrives in perfect condition on Thursday.",
    ),
)

"""`job` failure `blaming_colleague`: puts the problem on a colleague, another team or a third party."""

from __future__ import annotations

from trainer.grading.kind import COMMITTED, CORPUS, ISSUE11, RATED1, ROUND4, ROUND5, Kind, patterns

KIND = Kind(
    id="blaming_colleague",
    step="job",
    severity=COMMITTED,
    judge_may_overrule=True,
    summary="puts the problem on a colleague, another team or a third party",
    flag="blame",
    patterns=(
        *patterns(
            CORPUS,
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
        ),
        *patterns(
            ROUND4,
            r"\b(?:fault|mistake|error|problem),? not (?:ours|mine|us)\b",
            r"\b(?:it'?s|it was) the (?:\w+ ){0,2}(?:crew|team|driver|courier|engineer|contractor|warehouse|"
            r"colleague|supplier|company) (?:who|that)\b",
            r"\b(?:that'?s|it'?s|that was) my colleague\b",
            r"\bthey never (?:update|check|tell|read|listen|answer)\b",
            r"\b(?:set|put|keyed|typed|entered) (?:\w+ ){0,3}(?:up )?wrong(?:ly)?\b",
            r"\bother (?:providers|networks|companies|banks|suppliers|shops|airlines) (?:have|are|do)\b",
        ),
        *patterns(
            ROUND5,
            r"\bnot one of (?:ours|our own|our (?:\w+ )?(?:staff|engineers|drivers|people|team))\b",
            r"\bthat'?s on them\b",
            r"\b(?:handled|run|managed|dealt with|looked after) by (?:the|a) \w+,? not (?:us|the \w+)\b",
            r"\b(?:staff|team|engineer|driver|courier|store|shop|she|he|they) (?:should|could) have "
            r"(?:checked|told|noticed|asked|known|spotted)\b",
            r"\b(?:can|could) only (?:see|go by|read|do) what (?:the|our) (?:\w+ )?(?:system|screen|computer)\b|"
            r"\bonly (?:reading|doing|saying|following) what the (?:\w+ )?(?:screen|system|computer)\b",
            r"\b(?:she'?s|he'?s|they'?re) (?:new|only new|still learning|a trainee)\b",
        ),
        *patterns(
            ISSUE11,
            r"\b(?:driver|engineer|agent|adviser|advisor|team leader|technician|courier|colleague|fitter|cleaner|staff member|guy|lady|manager) (?:on (?:that|this|the) \w+ )?(?:is|'s|are|'re) (?:new|still new|only new|still learning)\b",
            r"\bdon'?t always (?:do|get|check|follow|read)\b",
            r"\b(?:staff|team|store|branch|advisers?|agents?|drivers?|engineers?) (?:sometimes|often|occasionally) (?:\w+ )?(?:process|forget|miss|get|send|mix)\b",
            r"\b(?:previous|last|other) (?:advisers?|advisors?|agents?|colleagues?|staff) (?:should|could) have\b",
            r"\b(?:is|are|was) run by (?:a |an )?(?:third party|separate company|contractor)\b",
            r"\bi can'?t speak for (?:whoever|them|him|her|the)\b",
        ),
        *patterns(
            RATED1,
            r"\b(?:the )?(?:last|previous|other|first) (?:person|agent|advisor|adviser|guy|lady|colleague|man|woman|one)(?: <you> (?:spoke|talked) (?:to|with))? (?:was|were|got (?:it|that)|gave <you>|told <you>) (?:\w+ )?(?:wrong|incorrect|mistaken)\b",
            r"\b(?:that'?s|it'?s|its|thats) (?:a )?(?:totally |completely |an entirely |entirely )?separate (?:team|company|contractor|department|business)\b|\boutsourced\b",
            r"\bit'?s not (?:really )?us\b|\bthe bank'?s end\b",
            r"<ss>\W*not (?:our|my) (?:\w+ )?(?:driver|drivers|staff|engineer|courier|contractor|system|app)\b",
        ),
    ),
    examples=(
        # Rated set 1 (issue 11): one example per pattern, in new words.
        "The last agent you spoke to was wrong about that, I'm afraid.",
        "That's a totally separate company that handles the repairs.",
        "Honestly it's not us, it's the bank's end.",
        "Not our courier, that one's a partner firm.",
        "The courier on that route is new.",
        "The agency cleaners don't always do a thorough job.",
        "The store staff sometimes process upgrades wrongly.",
        "The previous advisers should have checked the notes.",
        "The breakdown service is run by a third party.",
        "I can't speak for whoever promised that.",
        "That was the night shift's mistake.",
        "The depot dropped the ball on this one.",
        "Honestly, it's them, not us.",
        "Speak to the installers, it's their mistake.",
        "That's the courier's fault, not ours.",
        "It's the delivery crew who lost it.",
        "That was my colleague messing about.",
        "The planners again, they never update the rota.",
        "Someone keyed your tariff in wrongly.",
        "Other banks have the same problem.",
        "That was a different fitter, not one of our own engineers.",
        "Honestly, that's on them.",
        "Parking is handled by the council, not us.",
        "The shop should have checked the box.",
        "Staff can only see what the system shows.",
        "Be patient with him, he's new.",
    ),
    near_misses=("I completely get why you're annoyed; you've been let down twice.",),
)

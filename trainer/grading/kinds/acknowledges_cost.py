"""`person` support `acknowledges_cost`: names what the problem cost them: time, money, a missed event, being stranded."""

from __future__ import annotations

from trainer.grading.kind import CORPUS, ROUND4, ROUND5, ROUND6, SUPPORT, Kind, patterns
from trainer.grading.kinds.acknowledges_feeling import not_acknowledging

COST = (
    r"(?:<your> (?:time|money|day|days|evening|afternoon|morning|weekend|holiday|wages|savings|"
    r"day off|days off|time off|patience|plans|trip|birthday|wedding|family|kids|children|"
    r"business|job|work|shift|sleep)|(?:a|the|two|three|whole|entire|another) (?:\w+ )?"
    r"(?:day|days|afternoons?|mornings?|evenings?|weekend|hours?|week|weeks) (?:off|waiting|wasted|"
    r"lost|in)|without (?:heat\w*|hot water|power|electricity|internet|a (?:working|car|phone)|"
    r"your|any|money|food)|out of pocket|left (?:with nothing|waiting|"
    r"stranded|in the cold|out of pocket|without)|wait(?:ed|ing) in|stayed in|took (?:the|a) "
    r"(?:day|morning|afternoon) off|lost (?:a|two|the|your) (?:day|days|money|time|wages)|"
    r"out of <your> (?:own )?pocket|<your> hands (?:are )?full|without (?:a |any |your )?(?:service|"
    r"broadband|wifi|a phone|phone|water|transport|a bed|a cooker|a fridge)|<you> (?:<cant>|couldn'?t) "
    r"(?:even )?(?:sleep|use|work|cook|wash|get to work|leave|go out|get out|get in))"
)
"""What the problem cost them: their time, money, days off, a night without heating."""


KIND = Kind(
    id="acknowledges_cost",
    step="person",
    severity=SUPPORT,
    summary="names what the problem cost them: time, money, a missed event, being stranded",
    patterns=(
        *patterns(
            ROUND6,
            r"\b(?:wasted|lost|ruined) (?:\w+ )?(?:evening|day|days|afternoon|morning|weekend|trip|shop|"
            r"journey|week|weeks|hours?|visit)\b",
            r"\b(?:week|weeks|days|months|hours|day) of (?:\w+ )?(?:chasing|waiting|calls|phoning|ringing|"
            r"disruption|hassle|work)\b",
        ),
        *patterns(
            ROUND5,
            r"\b(?:hours|days|weeks|time|money|sleep|work|takings|wages) <you>(?:'ve| have) (?:lost|wasted|"
            r"spent|missed|given up)\b|\b<you>(?:'ve| have) lost (?:a|an|the|<your>|two|three|so|all)\b",
            r"\b(?:two|three|four|five|several|whole|full|long|\d+) (?:whole |full |long )?(?:days|hours|weeks|"
            r"evenings|mornings|afternoons|nights) (?:sat|sitting|stuck|gone|on hold|by the)\b",
            r"\b<you>(?:'ve| have|'re| are)? (?:even )?(?:had|having) to (?:think|worry|sort|borrow|cancel|"
            r"miss|write|chase us|fight for)\b",
            r"\b(?:losing|lost|lose) (?:a |the |<your> |two |three |a whole |lot of |a lot of )?(?:\w+ ){0,3}"
            r"(?:takings|wages|income|earnings|customers|sleep|working days|work days|sales)\b",
        ),
        *patterns(
            CORPUS,
            r"\b<you> (?:had )?planned (?:around|for|on)\b",
            r"\b(?:birthday|day|holiday|trip|evening|weekend|plans?|wedding|party|anniversary|"
            r"celebration|meal|night) (?:was |were |has been |got |is )?(?:spoil(?:ed|t)|ruined|wrecked)\b",
            rf"\b(?:<you>(?:'ve| have)?|<your>) (?:\w+ ){{0,5}}{COST}",
            rf"\b{COST}",
            r"\b<you>(?:'ve| have|'re| are)? (?:had|having) to (?:chase|ask|fight|go through|explain|"
            r"repeat|ring|call|sit|wait|take|deal|keep|come back|pay|queue)\b",
        ),
        *patterns(
            ROUND4,
            r"\b(?:is|are|was|has been|keeps?|'s|be) costing <you>\b",
        ),
        *patterns(
            CORPUS,
            r"\breal (?:cost|money)\b",
        ),
    ),
    exempt=(not_acknowledging,),
    examples=(
        "Two afternoons waiting in, Ms Ortiz; no wonder you're fed up.",
        "You've lost a day off work over this.",
        "Her party was ruined.",
        "Forty pounds out of your own pocket.",
        "You can't even sleep with that noise.",
        "You've had to chase us four times.",
        "This delay is costing you every day.",
        "That's real money for a small shop.",
        "Three days without the van must be costing you.",
        "Losing three days of sales is a big deal for you.",
        "I'm sorry you've had to chase us this many times.",
        "Three whole days sat at home waiting.",
        "A wasted afternoon off work.",
        "Two weeks of chasing us for an answer.",
        "Thank you for your patience, and I can hear how frustrated you are.",
    ),
)

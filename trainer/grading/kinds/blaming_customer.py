"""`job` failure `blaming_customer`: puts the problem on the customer ("you should have read the terms")."""

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
from trainer.grading.kinds.common import says_it_was_not
from trainer.grading.text import rx

_REPORTED = rx(
    r"\b(?:told(?: <you>)?|tell(?:ing)? <you>|saying|said|says|claim(?:s|ed|ing)?|blamed for|accused of)"
    r"(?: (?:that|it'?s|it was|it is|this is|this was|its))*\W*$"
)


def reported_blame(text: str, finding: Finding) -> bool:
    """Round 3: "being told it's your fault" reports the blame they were given (often in
    sympathy); the agent is not blaming them."""
    return bool(_REPORTED.search(text[finding.sentence.start : finding.span.start]))


_WHERE = rx(r"\b(?:where|somewhere|how|what) $")


def where_they_should_be(text: str, finding: Finding) -> bool:
    """Rated set 1: "stuck at a desk instead of where you should have been" is sympathy, not
    "you should have checked"."""
    return bool(_WHERE.search(text[finding.sentence.start : finding.span.start]))


KIND = Kind(
    id="blaming_customer",
    step="job",
    severity=COMMITTED,
    judge_may_overrule=True,
    undoes_acknowledgement=True,
    summary='puts the problem on the customer ("you should have read the terms")',
    flag="blame",
    patterns=(
        *patterns(
            CORPUS,
            r"\b<you> (?!(?:were|was|got|'ve been|have been|had been|'d been)\b)(?:\w+ )?(?:ordered|picked|typed|bought|booked|registered|plugged|sent|put|left|used|signed for|paid on|returned|changed|entered|selected|ticked|chose|gave us|registered) (?:\w+ ){0,3}(?:the wrong|a wrong|late|without|instead|too late|the old|half|on wet|into an)",
            r"\b<sorry> (?:that )?<you>(?:'ve| have)? (?!(?:had|were|weren'?t|was|wasn'?t|been|felt|feel|waited|experienced|received|suffered|faced|lost|needed|wanted|tried|called|rang|found|ended|spent|struggled|stayed|got charged|paid twice|have had|'ve had|are|'re)\b)(?:\w+ed|gave|left|sent|bought|put|paid|chose|took|made|forgot|picked|typed|didn'?t|did not|booked|signed|used|plugged|registered|ordered)\b",
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
        ),
        *patterns(
            ROUND4,
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
        ),
        *patterns(
            ROUND5,
            r"\bwe'?d always (?:recommend|advise|suggest)\b",
            r"\b<you> can (?:\w+ )?(?:it|that|them) (?:\w+ )?yourself\b",
            r"\b(?:are|were) <you> sure <you> (?:didn'?t|did not|haven'?t|have not|weren'?t)\b",
            r"\b(?:may|might|could) (?:actually |well |even )?be (?:what'?s|what is) causing\b",
            r"\bbest to avoid\b",
        ),
        *patterns(
            ROUND6,
            r"\b(?:have|did) <you> (?:checked|check|made sure) (?:that )?(?:it|this|that) (?:isn'?t|wasn'?t|"
            r"is not|was not) (?:something )?(?:<you>|<your>)\b",
        ),
        *patterns(
            ISSUE11,
            r"\b<you> probably \w+ed\b",
            r"\b(?:so )?it'?ll be <your> (?:equipment|router|wiring|device|phone|settings|end|computer)\b",
            r"\b(?:charges?|fees?) (?:apply|applies) (?:if|when|unless) <you>\b",
            r"\bwhich is what <you> (?:selected|ordered|chose|booked|picked|asked for|agreed to)\b",
            r"\b<you> (?:can|could|should|might want to|may want to) [^.!?]{0,60}\bnext time\b",
            r"\bit just needs (?:\w+ ){0,2}(?:properly|correctly|right)\b",
            r"\b(?:can|may|might|tend to|will) (?:\w+ ){0,3}if <you> (?:eat|chew|bite|drop|overload|overfill|press|click|leave)\b",
            r"\b<you> (?:should|could) (?:really )?have (?:put|sent|told|given|left|let|set)\b",
            r"\b<you> (?:need|have) to \w+ (?:\w+ ){0,4}before (?:it|we|i) (?:'ll|will|can)\b",
        ),
        *patterns(
            RATED1,
            r"\bif <you>(?:'d| had| d) (?:\w+ ){0,3}(?:answered|read|checked|told|called|kept|used|followed|entered|given|paid|booked|sent|filled|provided|included|contacted|updated|registered|logged|cancelled|returned)\b",
            r"\bdid <you> (?:tell|inform|notify|let us know|read|follow)\b",
            r"\b<you> (?:should(?:'ve| have| of)|shoulda|ought to have|were supposed to|needed to) (?:(?!been\b)\w+ ){0,2}(?:kept|read|checked|told|used|called|booked|given|followed|updated|cancelled|returned|paid|let|informed|contacted|made sure|done)\b",
            r"\b<you> need(?:ed)? to (?:do that|tell us|let us know|inform us|notify us|update|set) (?:\w+ ){0,4}(?:before|in advance|first)\b",
            r"<ss>\W*(?:well,? |but |actually,? )<you> (?:booked|chose|selected|ticked|agreed to|signed up for|only paid for|ordered|picked)\b",
            r"\b<your> (?:\w+ )?(?:paperwork|form|application|documents?|claim form|details|info|information|evidence|photos?|receipt) (?:was|were|is|are|had been) (?:incomplete|declined|wrong|incorrect|missing|late|invalid|rejected|not (?:valid|complete|signed|received))\b",
            r"\b<youre> (?:only )?on (?:the|a) (?:smallest|cheapest|basic|lowest) (?:plan|tariff|package|bundle|contract|deal)\b",
            r"\bmaybe upgrade\b",
            r"\b<you> (?:may|might) have (?:paid|sent|entered|typed|booked|used|forgotten|put)\b",
            r"\b(?:maybe|perhaps) there (?:was|were) (?:something|food|a|an|some)\b",
        ),
        *patterns(
            RATED2,
            r"\bnext time,? (?:please |pls )?(?:check|read|make sure|try|use|remember)\b|<ss>[^.!?]{0,12}?\b(?:please |just |maybe )?(?:try|check|read|use) (?:\w+ ){0,4}next time\b(?!\?)",
            r"\bmaybe (?:check|ask|try) (?:with )?(?:<your>|the) (?:neighbours?|neighbors?|spam|junk|safe place|porch|shed|bin)\b",
            r"\bmaybe <your> (?:\w+ )?\w+?(?: is| was|'s)? (?:broken|wrong|off|faulty|not working|flat)\b",
            r"\bdid <you> (?:sign for it|tick)\b",
            r"\b<your> (?:basket|order|cart|booking|form|application) (?:had|contained|included)\b(?! been\b)",
            r"\b<you> (?:shouldn'?t|should not|mustn'?t) (?:park|have parked|leave|have left|put|use|book|buy|order|sign)\b",
        ),
        *patterns(
            RATED8,
            r"\bworks? (?:fine|perfectly|ok|okay|normally) (?:\w+ )?if <you> (?:use|enter|follow|put|type) "
            r"(?:the (?:right|correct)|it (?:properly|correctly|right))\b",
        ),
    ),
    exempt=(says_it_was_not, reported_blame, where_they_should_be),
    examples=(
        # Rated set 2 (issue 11): one example per pattern, in new words.
        "Check the size guide next time.",
        "maybe check with ur neighbours?",
        "maybe ur buzzers broken?",
        "did u sign for it as damaged?",
        "Your basket had two sale items in it.",
        "You shouldn't park in a loading bay.",
        # Set 8.
        "the locker works fine if u use the right code",
        # Rated set 1 (issue 11): one example per pattern, in new words.
        "If you'd read the confirmation email, you'd have seen the new time.",
        "Did you tell us you were moving house?",
        "u should of kept the box tbh",
        "You need to let us know before you go abroad.",
        "Well, you chose the basic cover.",
        "Your claim form was incomplete when it came in.",
        "you're on the cheapest tariff so thats why",
        "maybe upgrade to the bigger bundle then",
        "You might have typed the card number wrong.",
        "Maybe there was something in the bin that shouldn't have been.",
        "You probably clicked the button twice.",
        "No fault showing here, so it'll be your router.",
        "Charges apply if you don't add a pass.",
        "The van is a Transit, which is what you selected online.",
        "You can untick that box next time.",
        "It just needs setting up properly.",
        "Crowns can loosen if you chew toffee.",
        "You should have put it on the inventory.",
        "You need to upload every page before it will submit.",
        "You should have read the terms.",
        "Still, you booked the cheapest fare.",
        "But you switched the router off, so that's not really on us.",
        "You chose the basic plan, didn't you?",
        "Sorry, it looks like you typed the old address.",
        "You put the deposit on the wrong card.",
        "You should have sent the form back.",
        "You really should keep the receipt.",
        "The only thing is, you moved the date yourself.",
        "You must have misheard the time.",
        "You linked them by mistake, which locks the points.",
        "You chose the basic cover.",
        "Were you definitely home all day?",
        "You should always check the size chart.",
        "You could have noticed the date on the ticket.",
        "Using a third-party charger voids support.",
        "We'd always advise checking the parcel on arrival.",
        "Are you sure you didn't cancel it yourself?",
        "Your extension cable could be what's causing the drops.",
        "It's best to avoid pressing the button twice.",
        "You can reset that yourself from the app.",
        "Have you checked it isn't something your bank did twice?",
    ),
    near_misses=(
        # Review: a diagnostic pointer, not blame.
        "It works fine if you use Chrome. Which browser are you on?",
        # Rated set 2 (issue 11), in new words.
        "getting a fine for something that wasn't even your fault, I'm so sorry",
        "I'm really sorry you weren't told.",
        "But you shouldn't have had to chase this.",
        "You were sent the wrong size, I can see that.",
        "You should have been told about the delay, and I'm sorry you weren't.",
        "You shouldn't have had to chase this. What would help most?",
        "You should have a refund by Friday, and I'll ring you to check.",
        "We'd suggest a full refund, or I can send a replacement today. Which would you prefer?",
        "Being told it was your fault must have stung.",
        "They told you it's your mistake? I'm sorry.",
    ),
)

"""`job` failure `explaining_cause`: says or guesses why it went wrong, however briefly (labelling guide: facts are fine, causes are not)."""

from __future__ import annotations

from trainer.grading.findings import Finding
from trainer.grading.kind import (
    COMMITTED,
    CORPUS,
    ISSUE11,
    RATED1,
    RATED2,
    ROUND4,
    ROUND5,
    ROUND6,
    Kind,
    patterns,
)
from trainer.grading.kinds.common import ORG, ORG4, asks_them, fact_then_fix, owns_or_sympathises
from trainer.grading.text import rx

_PROMISE = rx(
    r"\b(?:i'?ll|i will|we'?ll|we will|make sure|from now on)\b|"
    r"\b(?:it'?s|its) (?:booked|logged|arranged|raised|marked) (?:with|in|as|for)\b"
)
_SAFETY_REASON = rx(r"because of (?:the|that|your) (?:threat|threats|language|swearing|abuse)")


def promised_fix(text: str, finding: Finding) -> bool:
    """Round 5: "I'll make sure it gets sent automatically from now on" is a fix, not a cause.

    Round 6: "I'm ending this call because of the threat" gives the reason for ending the call.
    """
    before = text[finding.sentence.start : finding.span.start]
    return bool(_PROMISE.search(before)) or bool(_SAFETY_REASON.match(finding.span.text))


KIND = Kind(
    id="explaining_cause",
    step="job",
    severity=COMMITTED,
    judge_may_overrule=True,
    summary="says or guesses why it went wrong, however briefly (labelling guide: facts are fine, causes are not)",
    flag="explaining_cause",
    patterns=(
        *patterns(
            CORPUS,
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
            r"\b(?:was|were|had|came|ran|took|got|went) [^.!?]{0,60}, so (?!i'?m (?:ending|going to end)\b|"
            r"i'?ll end\b|i will end\b)(?:the|it|they|we|our|i|he|she)\b"
            r"(?! (?:completely |totally |really |fully |can |do )*(?:understand|get|see|imagine|know|hear))",
            r"\b(?:that|it) would do it\b",
            r"\b(?:overloaded|swamped|off sick|understaffed|misrouted|miscoded|mis-?scanned)\b",
            rf"\b(?:because|(?<!well\s)as|since) (?:of )?(?:our|the|a|an|we|they|there) (?:\w+ ){{0,3}}{ORG}",
            r"\bdue to (?:a |an |the |our |some |high |heavy |unforeseen |technical |staff|volume|demand)",
            r"\b(?:was|were|been) caused by\b",
            r"\bthe reason (?:is|was|why)\b",
            r"\bwhat (?:happened|went wrong) (?:is|was) (?:that )?(?:our|the|we)",
            rf"\b(?:our|the) (?:\w+ ){{0,2}}{ORG} (?:(?!(?:you|u|i|we|they)\b)\w+ ){{0,2}}(?:was|were|had|got|went|"
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
        ),
        *patterns(
            ROUND4,
            r"\b(?:is|are|'s|'re) (?:a (?:few|couple of|bit) (?:\w+ )?)?behind\b",
            r"\b(?:the|our) \w+ had (?:a|an) (?:\w+ )?(?:failure|outage|power cut|glitch|fault)\b",
            rf"\bour (?:\w+ )?{ORG4} (?:have|has|are|is)\b[^.!?]{{0,40}}\bso (?:it|they|sometimes|the)\b",
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
            rf"\b(?:our|the) (?:[\w-]+'?s? ){{0,2}}{ORG4}'?s? (?:(?!(?:you|u|i|we|they)\b)\w+ ){{0,2}}"
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
        ),
        *patterns(
            ROUND5,
            r"\b(?:may|might|could) have (?:started|happened|begun|been caused|come)\b",
            rf"\b(?:the|our|your) (?:\w+ )?{ORG4} (?:\w+ )?(?:went|goes|go|gets|got|get|was|were|is|are) "
            r"(?:\w+ ){0,3}automatically\b",
            r"\b(?:gets?|got|was|were|went|is|are) (?:\w+ )?(?:blocked|sent|cancelled|merged|reset|flagged|"
            r"triggered|generated) automatically\b",
            r"\b(?:the|that|this|our|it|they|which) (?:\w+ ){0,3}had (?:a few|some|a couple of|a lot of|lots of) "
            r"(?:\w+ )?(?:problems|issues|faults|teething)\b",
            r"\b(?:have|has) been (?:covering|short|stretched|swamped|run off their feet|snowed under)\b",
            r"\b(?:queues?|calls?|lines?) (?:are|is|were|was|have been) (?:mad|crazy|mental|manic|insane|"
            r"rammed|nuts|heaving)\b",
            r"\b(?:did|does|do) try to (?:call|ring|contact|reach|deliver)\b",
        ),
        *patterns(
            ROUND6,
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
        ),
        *patterns(
            ISSUE11,
            r"\bthat'?(?:ll|d) be (?:why|it|the reason|what(?:'s| is) (?:causing|doing))\b|\bthat'?s what'?s (?:causing|behind|doing) (?:it|this|that)\b",
            r"\b(?:there'?s been|there has been|we'?ve had|we had|we'?re having|there was) (?:a |an |some )?(?:\w+ ){0,2}(?:strike|outage|burst (?:main|pipe)|emergency|shortage|backlog|glitch|bug|fault|power cut|storm)s?\b",
            r"\b(?:there'?s|there is) (?:a |an )?(?:mast|burst main|burst pipe|strike) (?:being |on |in |near )",
            r"\b(?:has|have) been (?:slow|overwhelmed|busy|behind|struggling)\b",
            r"\bcalls are (?:very |really )?(?:high|busy|heavy)\b|\bwe'?re (?:really |very |so )?busy (?:today|at the moment|right now|this week)\b",
            r"\b(?:system|app|website|software) auto-?\w+",
            r"\bhad (?:a |an )?(?:family |personal |medical )?emergency\b",
            r"\b(?:can|may|might|do|does|will|tend to) (?:sometimes |occasionally |often )?(?:come out|come loose|loosen|drop|crack|leak|fail|go missing|get lost|get delayed|go up|play up|break)\b[^.!?]{0,30}\b(?:if|when|in transit|in winter|after)\b",
            r"\b(?:often|usually|sometimes|normally|always) (?:go up|get delayed|go missing|take longer|arrive late|drop) (?:in|when|during|if)\b",
            r"\b\w+s (?:only |usually |sometimes |often |normally |do )?happen (?:when|if|because)\b",
            r"\bkeeps? (?:mixing|getting|messing) (?:up|\w+ (?:up|wrong))\b",
            r"\b(?:sediment|wear and tear|condensation) from\b|\busually harmless\b",
        ),
        *patterns(
            ISSUE11,
            r"\bbecause (?:some|many|most|a few|other|a lot of) (?:\w+ )?(?:guests|customers|people|passengers|patients|users|orders)\b",
        ),
        *patterns(
            RATED1,
            r"\b(?:cos|coz|cuz|bc) (?!of (?:us|me|our)\b)(?:the|our|a|an|they|there|theres|it|its|he|hes|she|shes|his|her|their|we|of)\b",
            r"\b(?:had|has) to (?:step out|leave early|go home|rush off|pop out|nip out|cover for)\b",
            r"\b(?:moved|switched|changed|migrated|upgraded) (?:over )?to (?:a |the )?new (?:system|provider|supplier|platform|app|software|contractor)\b",
            r"\b(?:weren'?t|wasn'?t|were not|was not|hadn'?t been|haven'?t been) (?:labelled|scanned|recorded|processed|logged|entered|tested|checked|set up|configured|updated) (?:correctly|properly|right|in time)\b",
            r"\b(?:we|they|it|everyone|everybody|the \w+|our \w+|\w+s)(?:'re|'s| are| is| were| was| get| gets| got) (?:really |very |so |super |crazy )?busy\b",
            r"\b(?:are|is) automated\b",
            r"\b(?:has|have) been (?:replaced|removed|discontinued|retired|withdrawn) (?:by|with|as|because)\b",
            r"\bin batches\b",
            r"\b(?:can|may|will|do|does) (?:change|vary|differ|go up|fluctuate) (?:depending|based) on\b|\b(?:availability|prices?|quotes?) (?:can|may|will) (?:vary|change)\b",
            r"\b(?:system|app|computer|software) (?:\w+ )?(?:automatically )?(?:cancels|blocks|flags|locks|freezes|generates|triggers|rejects|declines)\b",
            r"\bwould have been (?:logged|recorded|marked|scanned|charged|processed|flagged|counted)\b",
            r"\b(?:seems|seem|appears|appear) to have (?:shifted|caused|changed|broken|moved|affected|reset|wiped|stopped|triggered|knocked)\b",
            r"\b(?:these|such) things (?:happen|usually sort|can happen|often happen)\b",
            r"\bthe thing (?:with|about) (?:\w+ ){1,2}is\b",
            r"\b(?:we|they|the (?:\w+ )?(?:team|crews?|staff|engineers|drivers|riders|reception)|our (?:\w+ )?\w+)(?:'re| are| were| is)? under (?:a (?:huge|lot|great|massive) (?:amount )?(?:of )?|so much |a lot of |huge |massive )pressure\b",
            r"\b(?:is|are) (?:very |quite |pretty )?(?:often|usually|normally|commonly|generally) (?:just )?(?:a|an)\b",
        ),
        *patterns(
            RATED2,
            r"\b(?:get|gets|got|are|were) (?:pulled|called|taken|moved) (?:onto|on to|off|away)\b",
            r"\bwill have been (?:bumped|moved|cancelled|delayed|rescheduled|lost|missed|dropped)\b",
            r"\bsometimes (?:when|if|they|it|our|lose|drop|fail)\b",
            r"\bwhat (?:tends to happen|usually happens|normally happens)\b|\bwhat happens (?:is|on a|with)\b",
            r"\b(?:there are|there'?s) a few things (?:it|that) could be\b|\bit could be (?:a few|several|one of)\b|\b(?:that|it) could be anything\b",
            r"\b(?:might|may) (?:well )?be that\b",
            r"\bwe get (?:so many|a lot of|loads of|lots of|hundreds of|thousands of)\b",
            r"\b(?:driver|staff|parts|stock|engineer|crew) shortages?\b",
            r"\b(?:driver|rider|courier|warehouse|system|they|he|she|someone|the \w+)\b[^.!?]{0,25}?\b(?:delivered|sent|posted|charged|put|left|took|gave|billed) (?:\w+ ){0,6}(?:by mistake|in error|by accident)\b",
            r"\b(?:we|they|the (?:\w+ )?(?:team|crews?|staff|engineers|drivers|riders|reception)|our (?:\w+ )?\w+|theyre)(?:'re| are| were| is)? under (?:loads|lots|a lot|so much|heaps) of pressure\b",
            r"\b(?:prob|probs|prolly) (?:what|why|the|a|because|cos)\b",
        ),
    ),
    exempt=(fact_then_fix, promised_fix, asks_them, owns_or_sympathises),
    examples=(
        # Rated set 2 (issue 11): one example per pattern, in new words.
        "Our fitters get pulled onto emergency jobs.",
        "Your Monday slot will have been bumped.",
        "boilers sometimes lose pressure in cold snaps",
        "What tends to happen at busy times is the orders stack up.",
        "There are a few things it could be.",
        "It might be that the alarm was never set.",
        "We get so many calls on Mondays.",
        "Driver shortage, I'm afraid.",
        "The driver left it at number 12 by mistake.",
        "the crews are under loads of pressure at the moment",
        "thats prob what happened with the signal",
        # Rated set 1 (issue 11): one example per pattern, in new words.
        "hes late cos the job before took longer",
        "The receptionist had to step out for a minute.",
        "We moved over to a new system in May, so a few records were lost.",
        "Some parcels weren't scanned correctly at the depot.",
        "It gets really busy on Saturdays.",
        "The reminder letters are automated.",
        "The old plan has been replaced by our new flexible tariff.",
        "Refunds go out in batches on Tuesdays.",
        "Quotes can change depending on the postcode.",
        "The system automatically cancels unpaid bookings.",
        "It would have been logged as late by the scanner.",
        "An update seems to have reset some of the settings.",
        "These things usually sort themselves out in a day or two.",
        "The thing with smart meters is they sometimes lose signal.",
        "The team are under a huge amount of pressure this month.",
        "That warning light is very often just a loose sensor.",
        "We overbook because some guests never show up.",
        "There's a mast being upgraded near you.",
        "There's been a postal strike, that'll be why.",
        "That's what's causing it.",
        "We've had a system outage this morning.",
        "The landlord has been slow to approve it.",
        "Calls are high today, sorry.",
        "The system auto-filled an old address.",
        "The dentist had a family emergency.",
        "Fillings can come out if you eat something hard.",
        "Bills often go up in winter.",
        "Substitutions happen when the shop runs out.",
        "The driver keeps mixing up the two streets.",
        "It's usually harmless sediment from mains work.",
        "We migrated billing last week, so it ran twice.",
        "A label error, so the box went to Leeds.",
        "The courier firm has a huge backlog this month.",
        "We're all stretched at the moment.",
        "Three different teams are involved in a claim like this.",
        "Returns are handled separately by the manufacturer.",
        "Well, the reminder went out by post.",
        "That's what held it up.",
        "The thing is, the warehouse was short that week.",
        "The problem was that our scanner stopped working.",
        "The returns team are a couple of weeks behind at the moment.",
        "The depot had a power cut on Monday.",
        "Our drivers are on a tight route so sometimes they skip a street.",
        "Call volumes are very high today.",
        "The train was cancelled for operational reasons.",
        "It might just be a glitch.",
        "The reminder is sent automatically.",
        "The balance went after an automatic merge.",
        "It was frozen, they do that when lots of taps go through.",
        "Your card was stopped for suspicious activity.",
        "The figure came from a system default.",
        "The fault's probably in the street box.",
        "The report says the seal had gone, so it is wear and tear.",
        "basically the order was placed after the cut-off",
        "Our fitters have other customers too.",
        "The fraud filter flagged the payments at the bar.",
        "A drop like that usually means a noisy line.",
        "Evening congestion can cause drops like that.",
        "You merged the cards, which would do it.",
        "The kit in the street is old, which is likely why it cuts out.",
        "The bill is based on last year's usage.",
        "When there's no reading we estimate.",
        "It's high because nobody has read the meter.",
        "It'll be the cabinet at the end of the road.",
        "It's the security system, it locks after three tries.",
        "It's a banking thing, I'm afraid.",
        "We've had a lot of cancellations this morning.",
        "We're two engineers down this week.",
        "The new till has had teething problems.",
        "Honestly it's been manic in here.",
        "That range has had problems with the stitching.",
        "That delivery had a bad run of faulty lids.",
        "It could be the old wiring in the house.",
        "That may well be what happened.",
        "The leak is most likely down to an old joint.",
        "The invoice gets generated automatically at month end.",
        "Our billing system was updated automatically overnight.",
        "Your card was blocked automatically by the bank's checks.",
        "That model had a few teething issues last spring.",
        "The depot team have been stretched since Easter.",
        "Sorry, the lines are rammed this morning.",
        "The courier did try to deliver at nine.",
        "The damp might have started before the visit.",
        "The first card was returned by the post office.",
        "The blinds were held at the depot by our courier.",
        "The old one was a packing error at the depot.",
        "The returns team is really backed up this week.",
        "Brown water usually comes from old pipes.",
        "That's normally the hold-up with these claims.",
        "It may be that the clinic lost the form.",
        "The fitter might of written the wrong size.",
        "The installer may not have been able to reach the loft.",
        "Delays happen when the ferries are cancelled.",
        "Your premium went up because claims rose.",
        "That's just the cost of living now.",
    ),
    near_misses=(
        # Rated set 2 (issue 11), in new words.
        "The billing team agree the £80 was based on an estimate, so I've cancelled it.",
        "I've escalated it as an emergency and an engineer is on the way.",
        "failing your driving test because the trains stopped is genuinely awful, im so sorry",
        "3 days off work cos of us, im really sorry",
        "So it's the £9 fee you want taken off, because the payment left on time. Have I got that right?",
        "That must be maddening, and you've probably had to explain it every single time.",
        "overdrawn because of our mistake, im so sorry. ill refund it today",
        "Which rooms were you booked into, so I can check the later options?",
        # Set 6: ending the call for a threat (a safety end, labelling guide) states no cause.
        "That was a threat, so I'm ending the call here, Mr Farouk. Goodbye.",
        "Sorry you've had a burst pipe on top of everything. Shall I send someone today?",
        "I'm ending this call now because of that threat.",
        "You've waited in all day, so I completely understand.",
        "I've got the upgrade you were promised on screen.",
        "The thing is, I want this fixed for you today.",
        "You've lost a day's pay because of us.",
        "I can see two payments of £42 on the 3rd.",
        "I'll book an engineer to the cabinet today. Would the morning suit you?",
        "Let me put those points back on your card.",
        "I'm so sorry, Mrs Pryce, that must have been worrying. Can you read me the letter?",
        "Do you need a taxi as well as a hotel?",
        "I'm sorry, the rent is due tomorrow and that's a horrible worry.",
        "I'm so sorry, that must have been frightening.",
        "I can see you've had a few problems with your broadband this week. I'll book an engineer.",
        "Here's what will happen when the courier arrives: they'll collect the old one.",
        "According to our records the parcel is at the depot, so I'll have it redelivered tomorrow.",
        "That was a mistake on our part and I'm so sorry. I've refunded it.",
        "I know our replies were slow and I'm sorry.",
        "I'm ending this call because of the threat you made.",
        "What happens when you switch it on?",
        "The queue is long, I know, and I'm sorry. What can I do?",
        "I'll make sure it gets sent automatically from now on.",
    ),
)

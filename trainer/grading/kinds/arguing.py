"""`job` failure `arguing`: corrects or contradicts the customer, or defends the agent."""

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
from trainer.grading.text import rx

_AGREEMENT = rx(
    r"^(?:it|that|this)(?:'s| is| was)? ?(?:not|n'?t) (?:\w+ )?(?:fair|right|on|okay|ok|good enough)\b"
)
_REBUTTAL = rx(r"\W*(?:we|our|there|they|the|i|it was|that was|you)\b")
_AGREEING_BEFORE = rx(
    r"\b(?:no wonder|nobody'?s saying|nobody is saying|no one'?s saying|not saying|<youre> right(?: that)?"
    r"|i agree(?: that)?|yes|yeah)\W*$"
)


_FEELS_LIKE = rx(r"\b(?:feels?|felt|seems?|seemed|looks?|looked) (?:like|as if|as though) $")


def how_it_feels(text: str, finding: Finding) -> bool:
    """Describing how it feels to them ("It feels like nobody is listening") is not a
    correction ("Nobody was rude to you")."""
    return bool(_FEELS_LIKE.search(text[finding.sentence.start : finding.span.start]))


def agreeing(text: str, finding: Finding) -> bool:
    """Round 5: "you're right, it isn't fair", "no wonder you're confused" agree with them."""
    before = text[finding.sentence.start : finding.span.start]
    if _AGREEING_BEFORE.search(before):
        return True
    # "That's not fair on you" agrees; "That's not fair, we do look after you" defends.
    after = text[finding.span.end : finding.sentence.end]
    return bool(_AGREEMENT.match(finding.span.text)) and not _REBUTTAL.match(after)


KIND = Kind(
    id="arguing",
    step="job",
    severity=COMMITTED,
    judge_may_overrule=True,
    undoes_acknowledgement=True,
    summary="corrects or contradicts the customer, or defends the agent",
    flag="arguing",
    patterns=(
        *patterns(
            CORPUS,
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
        ),
        *patterns(
            ROUND4,
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
        ),
        *patterns(
            ROUND5,
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
        ),
        *patterns(
            ROUND6,
            r"\bi speak (?:\w+ ){0,2}english (?:perfectly |very |really )?(?:well|fine|fluently)\b|"
            r"\bi(?:'m| am) (?:english|british)\b",
            r"\bi(?:'ve| have) understood (?:everything|every word|perfectly)\b",
            r"\b<you>'?d be amazed\b",
            r"\bare <you> sure (?:it'?s|it was|that it|this is) (?:from|our|not|the|a)\b",
            r"\bi wish it (?:was|were) that (?:easy|simple)\b",
            r"\bshall i (?:just |go and )(?:\w+ ){0,2}it myself\b",
            r"\bnot just <you>\b|\bfor everyone,? not just\b",
        ),
        *patterns(
            ISSUE11,
            r"\bthat wasn'?t me\b|\bi wasn'?t the one\b",
            r"\bi'?m not \W?you people\b",
            r"\bmy english is (?:perfectly |very |really )?(?:fine|good|clear)\b",
            r"\b(?:maybe |perhaps )?<youre> not listening\b",
            r"\bi (?:literally|actually|definitely) am\b",
            r"\bi'?m not calling <you> a liar\b",
            r"\b(?:gps|tracking|camera|photo|dashcam) (?:puts|shows|has) (?:him|her|them|the driver|the van|it) at\b",
            r"\bit just (?:hadn'?t|hasn'?t|wasn'?t|isn'?t) (?:been )?\w+",
            r"\bi'?d be surprised if\b",
            r"\bare <you> sure (?:the|that|it) \w+ (?:wasn'?t|was|isn'?t|didn'?t)\b",
            r"\b(?:so )?the (?:charge|fee|price|deduction|decision|bill) (?:is correct|stands|is right|is valid)\b",
            r"\b(?:no one|nobody|no-one) (?:can|could) do (?:any )?more than me\b|\bmanagers? (?:don'?t|do not|won'?t) take (?:calls|phone calls)\b",
            r"\b(?:bins?|it|they) (?:do|does) need to be\b",
            r"\b<you> (?:have|need) to give (?:it|them) (?:time|a (?:few|couple of) (?:days|weeks))\b",
            r"\b(?:need|needs|has|have|had) to be [^.!?]{0,40},? though\b|\b(?:ended|closed|expired|finished|ran out) [^.!?]{0,30},? though\b",
        ),
        *patterns(
            RATED1,
            r"<ss>\W*(?:that'?s |thats |it'?s |its )?not true\b",
            r"<ss>\W*no,? (?:we|they)(?:'re| are| were) not\b|<ss>\W*no,? (?:we|they) (?:aren'?t|weren'?t|didn'?t|did not|<dont>|never)\b",
            r"\bi think i know (?:how|what) (?:our|my|this)\b|\bharder than <you>(?:'d| would)? think\b",
            r"\b(?:will|'ll|would|'d) (?:just )?(?:tell|say to) <you> the same\b",
            r"\b(?:it )?wasn'?t me <you> (?:spoke|talked|dealt|were speaking)\b",
            r"\bi'?m (?:only|just) the (?:person|one|guy|girl|agent|lady|man) (?:on the (?:phone|line|chat)|answering|who answers|taking)\b",
            r"\bi'?ve (?:been )?(?:done|doing|worked|working) (?:this|here|in this job)(?: job)?(?: for)? (?:\w+ )?(?:years|months)\b",
            r"(?<!do\s)(?<!did\s)\b<you> (?:still|do still) (?:have|get) (?:access|use|the use)\b(?![^.!?]*\?)",
            r"\bso (?:that'?s|thats|it'?s|its|the (?:charge|amount|fee|bill|price) is) (?:all )?correct\b(?! now)",
        ),
        *patterns(
            RATED2,
            r"\bdoing my best(?: here)?,? (?:you know|ok|okay|alright)\b",
            r"\b(?:that|this) (?:was|is) a different (?:courier|driver|company|engineer|team|fitter|branch)\b",
            r"\b(?:is|was|were|it'?s|its) (?:definitely|def|defo|100%|certainly) (?:in|there|delivered|at)\b(?! (?:its|the|your|ur) way)",
            r"\bstrictly speaking\b",
            r"\b(?:photo|gps|proof|signature|tracking) (?:\w+ ){0,3}(?:showing|shows|proves|says) (?:\w+ ){0,4}(?:was|were) (?:outside|there|delivered|at <your>|at the)\b",
            r"\bjust (?:\w+ )?banter\b",
            r"\b(?:almost|pretty much|basically) the same anyway\b",
            r"\bwould <you> rather (?!(?:i|we)\b)(?:\w+ ){0,4}(?:with no|without)\b",
        ),
    ),
    exempt=(agreeing, how_it_feels),
    examples=(
        # Rated set 2 (issue 11): one example per pattern, in new words.
        "I'm doing my best here, you know.",
        "That was a different courier.",
        "The parcel is definitely in your locker.",
        "Strictly speaking the window runs until nine.",
        "The tracking shows he was outside at 2pm.",
        "that was just staff banter",
        "the two fabrics are pretty much the same anyway",
        "Would you rather drive home without brakes?",
        "The £15 is the admin fee for changing the date, so thats correct.",
        # Rated set 1 (issue 11): one example per pattern, in new words.
        "That's not true, sir.",
        "No, we're not ripping anyone off.",
        "I think I know how our own tariffs work.",
        "Harder than you'd think, believe me.",
        "A supervisor would tell you the same thing.",
        "It wasn't me you spoke to last week.",
        "Look, I'm only the person on the phone here.",
        "I've been doing this job for eight years.",
        "u still have access to the rest of the site though",
        "That wasn't me.",
        "I'm not 'you people', I just answer the phone.",
        "My English is perfectly fine.",
        "Maybe you're not listening.",
        "not listening?? i literally am",
        "I'm not calling you a liar.",
        "The GPS puts him at your door at 2:14.",
        "It was done, it just hadn't been uploaded yet.",
        "I'd be surprised if it was us.",
        "Are you sure the scratch wasn't there before?",
        "So the charge is correct.",
        "No one can do more than me, madam.",
        "The bins do need to be out by 7am.",
        "You have to give them time.",
        "The offer ended on Sunday, though. Would you like a discount instead?",
        "That's not what happened.",
        "That isn't quite what happened, I'm afraid.",
        "I don't think that's accurate. Let me look.",
        "To be fair, the app does warn you.",
        "You've got it all wrong.",
        "I'm not convinced that's accurate.",
        "With respect, madam, you were not at home.",
        "No, they wouldn't do that.",
        "You won't have been charged twice.",
        "I am hearing you, I'm going through it.",
        "Our system doesn't show any call from you.",
        "Do you want the refund or not?",
        "Can't you just use the other door?",
        "Nobody's doubting you, sir.",
        "Nobody here would laugh at a customer.",
        "I'm not saying you lied.",
        "I'm just going by the engineer's report.",
        "That wasn't aimed at you.",
        "It's not as simple as that.",
        "If only it were that simple!",
        "I wouldn't go that far.",
        "Well, not always, no.",
        "It's not a scam, it's an estimate.",
        "We don't make numbers up.",
        "I know exactly what I'm talking about.",
        "I've had full training on this.",
        "I'm a fully trained adviser.",
        "I did explain the timescale.",
        "I already told you the date.",
        "For your information, I was at my desk.",
        "I'd ask you not to shout.",
        "I'm sure she didn't mean it.",
        "The line tests fine from our end.",
        "You'll find our terms cover that.",
        "The driver's notes say nobody answered.",
        "The courier marked it as no access.",
        "The system shows zero on your card.",
        "There's nobody above me today.",
        "I'm the most senior person on shift.",
        "It's me or no one, I'm afraid.",
        "It isn't a fine, it's a late fee.",
        "It has not been established that the fitter broke it.",
        "There's no need to escalate this.",
        "The old meter doesn't matter here.",
        "No, that was nothing to do with the booking.",
        "I'm not a trainee, sir.",
        "I've been working here for nine years.",
        "I speak perfectly good English.",
        "Madam, I'm from Bristol.",
        "It wasn't me who cancelled the order.",
        "I've done the training like everyone else.",
        "Hate is a strong word.",
        "It's not that bad once you get used to it.",
        "You'd be surprised how quickly these sell.",
        "The charger isn't the problem here.",
        "My supervisor will tell you exactly the same.",
        "I'm just trying to help.",
        "I speak English very well.",
        "I am British, sir.",
        "I've understood every word.",
        "You'd be amazed how often that's the cause.",
        "Are you sure it was our engineer?",
        "I wish it was that simple!",
        "Shall I just fix it myself then?",
        "Prices rose for everyone, not just you.",
    ),
    near_misses=(
        "That really isn't fair on you.",
        "I'm not sure that's everything, is there more?",
        "The order shows as delivered at 14:02, and I'm going to find out where it went.",
        "Nobody's accusing you of anything, and I'm sorry it's come to this.",
        "Sorry, you did say that. What's the reading, and shall I rebill on it?",
        "You're right, it isn't fair on you. Let me fix it.",
        "I can see the order on our records now.",
        "I can actually refund that for you today. I'm so sorry. Would that help?",
        "This isn't what you were promised, it's our job to put it right.",
        "Shall I book it myself for you now, so you don't have to?",
        "Are you sure that's everything? I want to get all of it sorted today.",
        "No wonder you're confused after two letters.",
    ),
)

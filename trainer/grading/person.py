"""Step 1, `person`: does the reply register the customer's feelings or personal cost?

Passing needs an acknowledgement in the customer's terms (the feeling, or what the problem
cost them in time, money or embarrassment). A name alone is not enough. Telling them to calm
down, minimising, taking it personally, form-speak and mirroring fail the step, and so does
an acknowledgement taken back by "but ..." (empathy then blame).
"""

from __future__ import annotations

from trainer.grading.findings import Finding, StepEvidence, scan, table
from trainer.grading.text import Cleaned, rx

_FEEL = (
    r"(?:frustrat\w*|annoy\w*|upset\w*|angry|anger|furious|fed up|cross|stress\w*|worr\w*|"
    r"disappoint\w*|infuriat\w*|maddening|awful|horrible|terrible|exhausting|exasperat\w*|"
    r"hurt\w*|embarrass\w*|humiliat\w*|livid|sick of it|tired of|let down|irritat\w*|"
    r"unacceptable|not good enough|not okay|not ok|not fair|unfair|a nightmare|a pain|"
    r"a hassle|a headache|distress\w*|anxious|scary|frightening|inconvenient|rubbish|"
    r"miserable|difficult|hard|tough|a lot to deal with|at the end of <your> tether|"
    r"outrag\w*|shock\w*|gutted|devastat\w*|panick\w*|concern\w*|out of pocket|maddening|draining|"
    r"grim|heartbreak\w*|heartbroken|frightening|terrifying|the worst|a joke|ridiculous|a let-?down|"
    r"fuming|seething|raging|furious|fed up|sick of|at your wits'? end|beside yourself|a battle|"
    r"a struggle|a blow|a shame|nasty|dreadful|appalling|shocking|disgraceful|rotten|unsettling|"
    r"alarming|painful|a real pain|galling|insulting|cheated|ignored|fobbed off|let down|stuck|"
    r"stranded|worried sick|not right|wrong of us|far too long|too long|a long time|unbearable|"
    r"overwhelming|upsetting|worrying|stressful|scared|afraid|cold|exhausted|sleepless|grim|"
    r"unpleasant|no fun|not fun|miserable|the last thing|a shambles|shambolic|a mess|a disgrace|a farce|"
    r"isn'?t fair|is not fair|wasn'?t fair|isn'?t right|isn'?t on|isn'?t good enough|isn'?t acceptable|"
    r"isn'?t okay|isn'?t ok|harsh|stings|a lot to (?:lose|find|deal|carry|take)|hectic|endless|"
    r"a long day|worn (?:<you> )?(?:out|down)|had enough|ready to give up|let-down|a kick in the teeth|"
    r"spoil(?:ed|t)|ruined|wrecked|mortif\w*|frightened|shattered|a (?:real |huge |big )?fright|"
    r"one-sided|a (?:real |huge |big )(?:blow|hit)|a brush-off|serious money)\b"
)
_COST = (
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

_POSITIVE = table(
    {
        "acknowledges_feeling": [
            rf"\b(?:i|we) (?:can |completely |totally |really |fully |absolutely )?(?:understand|see|hear|"
            rf"imagine|get|appreciate|know|realise|realize) (?:\w+ ){{0,6}}{_FEEL}",
            rf"\b(?:that|this|it)(?:'s| is| must be| must have been| sounds| sounds really| has been|"
            rf"'s been| would be| was) (?:\w+ ){{0,2}}{_FEEL}",
            r"\bno wonder (?:<youre>|<you>)",
            r"\b<you>(?:'ve| have) had enough\b",
            r"\b<youre> (?:right|entitled|justified) to be\b",
            r"\b<you> (?:have|'ve) every (?:right|reason)\b",
            rf"\bi(?:'d| would) be (?:\w+ )?{_FEEL} too\b",
            r"\b(?:completely|totally|entirely|perfectly) (?:understandable|fair|reasonable|justified)\b",
            rf"\bof course <youre> {_FEEL}",
            rf"\b<youre> (?:clearly |understandably |obviously |rightly )?{_FEEL}",
            rf"\b<you> (?:must|must be|must feel|must have been|will be|would be) (?:\w+ )?{_FEEL}",
            rf"\bhow {_FEEL} (?:this|that|it) (?:is|must be|has been)",
            r"\bthat(?:'s| is) (?:not|no) (?:way|how) (?:to|anyone|you)",
            r"\b<you> (?:shouldn'?t|should not) have (?:had )?to\b",
            r"\b<you> deserve(?:d)? (?:better|more)\b",
            rf"\b(?:is|was|are|were|be|been|'s|'re|must be|sounds|seems|feels|felt|looks) (?:\w+ ){{0,3}}{_FEEL}",
            r"\bi(?:'d| would)(?: be| feel| hate| want| be ready| not| have| go)? (?:\w+ ){0,3}(?:livid|fuming|"
            r"furious|angry|upset|mad|cross|hate it|ready to|walk|the same|want (?:a|to)|"
            r"wouldn'?t (?:want|pay|be happy)|be just as|feel the same|feel exactly)",
            r"\bi (?:wouldn'?t|would not) (?:want|pay|be happy|like|stand|put up)",
            r"\bwould (?:drive|make|send) (?:anyone|me|you|anybody|most people)\b",
            r"\bdo (?:my|anyone'?s|your) head in\b",
            r"\b(?:the )?last thing (?:<you>|anyone|anybody) (?:need|want)",
            r"\b(?:ugh|oh no|oh dear|oh god|oh gosh|yikes|argh)\b",
            r"\b<you>(?:'ve| have)? (?:done|did) (?:everything|the right thing|nothing wrong|all the right)",
            r"\b<youre> (?:right|correct) (?:to|that) ",
            r"\bthat(?:'s| is)(?: just)? not (?:on|right|good enough|acceptable|fair|okay|ok)\b",
            r"\bnobody (?:likes|wants|should)\b",
            r"\bno one (?:likes|wants|should)\b",
            r"\b(?:i|we) (?:(?:can|completely|totally|fully|really) )?(?:understand|see|get|know) "
            r"(?:why|how) (?:<you>|<youre>|it feels|this (?:feels|has|is)|that (?:feels|has|is))",
            # Unfairness named for them: "that really isn't fair on you", "paying twice isn't right".
            r"\b(?:isn'?t|is not|wasn'?t|was not|hasn'?t been|not) (?:really |at all |exactly |remotely )?"
            r"(?:fair|right|acceptable|good enough|on|okay|ok)\b(?! (?:to say|that|what))",
            r"\ba lot (?:of \w+ )?to (?:find|deal with|be dealing with|take in|handle|chase|be chasing|"
            r"have going wrong|cope with|carry|juggle|go through|pay|lose|ask of <you>|put up with)\b",
            r"\bwould (?:\w+ )?(?:annoy|upset|frustrate|infuriate|worry|bother|anger|wind up) (?:anyone|"
            r"anybody|me|most people|everyone)\b",
            r"\bi (?:<dont>|can'?t|wouldn'?t|couldn'?t) blame <you>\b",
            r"\b(?:means|meant|matters) (?:a lot|alot|so much|everything|the world)\b",
            r"\b(?:it|that|this) (?:must )?(?:feels?|felt) like (?:we|you|nobody|no one|it|a|an|the|forever|"
            r"ages|you'?re|you'?ve)\b",
            r"\bmust have (?:felt|seemed) (?:endless|like|forever|a lot|awful|horrible)\b",
            r"\b(?:thrown?|throws|knocked) (?:<your> )?(?:\w+ )?(?:month|budget|plans?|day|week|schedule|"
            r"weekend|routine|finances)s? (?:\w+ )?out\b",
            r"\b<your> (?:\w+ )?(?:budget|plans?|month|schedule|finances) (?:\w+ )?(?:thrown|knocked) out\b",
            r"\bi (?:totally |completely |really )?get (?:it|that)\b",
            r"\b(?:that'?s|that is|thats) (?:really |so |pretty |just )?(?:bad|mad|gutting)\b",
            r"\bthat(?:'s| is) a lot(?=\W*(?:[.!?,;]|$))",
            r"\bwould (?:\w+ )?(?:wind (?:anyone|anybody|me|you|most people|everyone) up|(?:shake|rattle) "
            r"(?:anyone|anybody|me|most people|everyone))\b",
            rf"\bhow {_FEEL} for <you>\b",
            # Round 4 (fit rows only): acknowledgements in less usual wording.
            r"\bmoney walking out\b",
            r"\b<youre> the one (?:left|out of pocket|paying|waiting|stuck)\b",
            r"\bend of <your> (?:rope|tether)\b",
            r"\btearing <your> hair out\b",
            r"\ba (?:great|huge) deal to (?:be )?(?:deal|cope|put up)",
            r"\b(?:it'?s|that'?s|it has|that has) been (?:hell|a nightmare)\b",
            rf"\b(?:proper|what an?) {_FEEL}",
            r"\bworn on <you>\b",
            r"\binsult to injury\b",
            r"\b(?:of course|no wonder) (?:it|that|this) (?:feels|felt)\b",
            r"\bi(?:'d| would) (?:want|be going|be doing|do) (?:\w+ ){0,6}(?:too|the same)\b",
            r"\b(?:given|gave|give) <you> (?:such )?(?:a (?:real |huge |big )?(?:fright|shock|scare))\b",
            r"\bunderstand (?:why|wanting|<you> wanting)\b(?! (?:we|the|our|it|that|this)\b)",
            # Round 5 (error analysis on the independent writers' sets, all fit data by now).
            rf"^\W*(?:oh,? )?(?:how|what an?) (?:\w+ )?{_FEEL}",
            rf"\b(?:imagine|appreciate|understand|know) how (?:\w+ )?{_FEEL}",
            r"\b(?:real|huge|big|proper|serious) (?:squeeze|strain|worry|blow|hit|stress|pain|hassle|"
            r"loss|knock|setback|headache)\b",
            r"\b<you>(?:'ve| have) had (?:a|an|such a|quite a) (?:\w+ ){0,2}(?:week|day|time|night|"
            r"morning|afternoon|month|year|evening|weekend|few days)\b",
            r"\b(?:that'?s|it'?s|sounds|must be|must have been|has been|is) (?:so |really |pretty |a bit )?"
            r"(?:brutal|rough)\b",
            r"\b(?:this|that|it) (?:has|must have|will have) (?:\w+ )?(?:worried|upset|frightened|scared|"
            r"stressed|rattled|shaken|hurt|unsettled|distressed) <you>\b",
            r"\b(?:money'?s|money is|things are|cash is|cash'?s|budgets? (?:is|are)) (?:\w+ )?tight\b",
            r"\bhow much (?:\w+ ){0,4}(?:matters|means|meant|mattered)\b",
            r"\bwould (?:\w+ )?(?:scare|frighten|shock|alarm|panic|rattle|floor) (?:anyone|anybody|"
            r"most people|me|everyone)\b",
            r"\bof course <you> (?:<dont>|wouldn'?t|won'?t|didn'?t) want\b",
            r"\b(?:that'?s|it'?s|is|was) (?:such |quite |really )?a lot (?:of (?:\w+ ){0,2})?(?:on|for) "
            r"(?:a|an|<your>|the) \w+",
            r"\bthat(?:'s| is) a lot of (?:\w+ )?(?:work|money|time|pressure|hassle|stress|worry|waiting|"
            r"calls|trouble|takings|business)\b",
            rf"\b(?:i|we) can (?:\w+ )?tell (?:how|that) (?:\w+ ){{0,4}}{_FEEL}",
            r"\b(?:matters|means (?:so much|a lot)|is (?:so )?important) to <you>\b",
            r"\b(?:hanging|weighing|looming) (?:over|on) (?:<your>|<you>)\b",
            r"\bthe clock'?s ticking\b|\benough (?:on <your> plate|to worry about|going on)\b",
            r"\b<youre> (?:\w+ )?desperate\b|\btreated (?:badly|poorly|unfairly|like (?:a|an|dirt|that))\b",
            # Round 6 (heldout5 after it was scored once).
            rf"\bwhat (?:an? (?:\w+ )?)?(?:nightmare|mess|pain|hassle|shambles|{_FEEL})\b(?![^.!?]*\?)",
            r"\b(?:must be|must have been|is|sounds) (?:\w+ )?(?:tiring|wearing <you> down|wearing)\b",
            r"\bi'?d be (?:\w+ ){0,2}(?:too|as well)\b",
            r"\b(?:disrupted|upended|turned upside down|a lot of upheaval)\b",
            r"\b(?:big|huge|large) chunk of\b|\bexpensive (?:surprise|shock|mistake|way)\b",
        ],
        "acknowledges_cost": [
            r"\b(?:wasted|lost|ruined) (?:\w+ )?(?:evening|day|days|afternoon|morning|weekend|trip|shop|"
            r"journey|week|weeks|hours?|visit)\b",
            r"\b(?:week|weeks|days|months|hours|day) of (?:\w+ )?(?:chasing|waiting|calls|phoning|ringing|"
            r"disruption|hassle|work)\b",
            r"\b(?:hours|days|weeks|time|money|sleep|work|takings|wages) <you>(?:'ve| have) (?:lost|wasted|"
            r"spent|missed|given up)\b|\b<you>(?:'ve| have) lost (?:a|an|the|<your>|two|three|so|all)\b",
            r"\b(?:two|three|four|five|several|whole|full|long|\d+) (?:whole |full |long )?(?:days|hours|weeks|"
            r"evenings|mornings|afternoons|nights) (?:sat|sitting|stuck|gone|on hold|by the)\b",
            r"\b<you>(?:'ve| have|'re| are)? (?:even )?(?:had|having) to (?:think|worry|sort|borrow|cancel|"
            r"miss|write|chase us|fight for)\b",
            r"\b(?:losing|lost|lose) (?:a |the |<your> |two |three |a whole |lot of |a lot of )?(?:\w+ ){0,3}"
            r"(?:takings|wages|income|earnings|customers|sleep|working days|work days|sales)\b",
            r"\b<you> (?:had )?planned (?:around|for|on)\b",
            r"\b(?:birthday|day|holiday|trip|evening|weekend|plans?|wedding|party|anniversary|"
            r"celebration|meal|night) (?:was |were |has been |got |is )?(?:spoil(?:ed|t)|ruined|wrecked)\b",
            rf"\b(?:<you>(?:'ve| have)?|<your>) (?:\w+ ){{0,5}}{_COST}",
            rf"\b{_COST}",
            r"\b<you>(?:'ve| have|'re| are)? (?:had|having) to (?:chase|ask|fight|go through|explain|"
            r"repeat|ring|call|sit|wait|take|deal|keep|come back|pay|queue)\b",
            r"\b(?:is|are|was|has been|keeps?|'s|be) costing <you>\b",
            r"\breal (?:cost|money)\b",
        ],
    }
)

_NEGATIVE = table(
    {
        "calm_down": [
            r"\b(?:calm|settle|simmer|cool) (?:yourself )?down\b",
            r"\b(?:just )?relax\b",
            r"\bchill(?: out)?\b",
            r"\btake a (?:deep )?breath\b",
            r"\bno need to (?:shout|yell|get|be so|raise|swear|take that)\b",
            r"\b(?:lower|keep) <your> voice\b",
            r"\bwatch <your> (?:tone|language|mouth)\b",
            r"\b<dont> (?:shout|yell|raise <your> voice|take that tone|get (?:so )?(?:angry|worked up|"
            r"upset|emotional|hysterical)|be (?:so )?(?:rude|dramatic|emotional|hysterical))",
            r"\b(?:stop|quit) (?:shouting|yelling|being|overreacting|complaining|whining|moaning)\b",
            r"\b<youre> (?:overreacting|being (?:dramatic|emotional|hysterical|unreasonable|silly))",
            r"\byou people\b",
            r"\bget over it\b",
        ],
        "minimising": [
            r"\b(?:usually|probably|it'?s|that'?s|this is|honestly) (?:really |honestly |just )?nothing to "
            r"worry about\b",
            r"\b(?:it|that|this)(?:'s| is| was) (?:only|just) (?:a|an|one|two|three|\d+|some)\b",
            r"\b(?:it|that|this)(?:'s| is)(?: really)? not (?:a (?:big|huge) deal|the end of the world|that bad|"
            r"a disaster|so bad|worth)",
            r"\bno big deal\b",
            r"\bcould be worse\b",
            r"\bat least (?:<youre>|<you>|it|nobody|no one)\b",
            r"\bhappens all the time\b",
            r"\b(?:only|just) (?:a|one) (?:little |small |few |couple )?(?:days?|hours?|pounds?|dollars?|quid|minutes?|"
            r"parcels?|payments?|appointments?|charges?|delays?)\b,? (?:it'?ll|calm|relax|no need|not)\b",
            r"\b<youre> making a (?:big )?(?:fuss|deal|mountain)",
            r"\bworse things happen\b",
            r"\bfirst world problem",
            r"\bhardly (?:a|the end)\b",
        ],
        "taking_it_personally": [
            r"\b<dont> (?:shout|yell|swear|take it out) (?:at|on) me\b",
            r"\b(?:it|this)(?:'s| is| was)n'?t (?:me|my fault)\b",
            r"\bit (?:wasn'?t|was not|is not|isn'?t) me\b",
            r"\bnot my fault\b",
            r"\bi (?:didn'?t|did not) (?:do|cause|break|lose|charge) (?:it|this|that|anything)",
            r"\bi'?m (?:only|just) (?:doing my job|the messenger)\b",
            r"\bwhy are <you> (?:shouting|yelling|having a go) at me\b",
            r"\b(?:there'?s )?no need to be (?:so )?(?:rude|nasty|abusive|aggressive)",
            r"\bi (?:don'?t|do not) appreciate (?:that|this|being|your|the)",
            r"\b<dont> (?:speak|talk) to me like that\b",
            r"\bmy english is\b",
            r"\bi (?:do )?speak (?:\w+ )?(?:english|perfectly)",
            r"\bi(?:'m| am) not (?:a |an )?(?:junior|stupid|incompetent|idiot|useless|deaf|robot|trainee|moron)\b",
            r"\bi heard (?:what|that)\b",
            r"\b(?:shouting|swearing|yelling|being rude|name-?calling) (?:isn'?t|won'?t|will not|is not) (?:going to )?(?:help|change|get)",
            r"\bfor the record\b",
            r"\bplease (?:don'?t|do not) call me\b",
            r"\bthank you very much\W*$",
            r"\bi (?:won'?t|will not|don'?t have to) (?:be spoken|take|put up with|listen to) (?:to )?"
            r"(?:like|this|that|abuse)",
        ],
        "form_speak": [
            r"\b<your> (?:concern|complaint|feedback|query|issue|case|request|comments?) (?:has|have) been "
            r"(?:logged|noted|recorded|registered|escalated|received|passed)",
            r"\b(?:ref|reference|ticket|case) (?:number |no\.? |#)?:? ?[A-Z]*\d{3,}",
            r"\bwe value <your> (?:feedback|custom|business|call)\b",
            r"\b(?:please be advised|kindly note|please note that|as per (?:our|the|your)|"
            r"in accordance with)\b",
            # Round 6: "Thank you for your patience" is a courtesy, not form-speak (three writers).
            r"\bthank <you> for (?:bringing this to our attention|contacting|your feedback)",
            r"\bdear (?:customer|valued|sir|madam)\b",
            r"\b<your> (?:call|time|business|custom) is (?:very )?important to us\b",
            r"\bwe (?:strive|aim) to\b",
        ],
        "mirroring": [
            r"\bi (?:don'?t|do not) like <your> (?:tone|attitude|manner)",
            r"\bsame to <you>\b",
            r"\b<youre> (?:being )?(?:rude|ridiculous|unreasonable|hysterical|pathetic|impossible|"
            r"childish|aggressive|abusive|a nightmare|the problem|not the only)\b",
            r"\b(?:who|what) do <you> think <youre>\b",
            r"\bi(?:'m| am) (?:not|getting) (?:going to be spoken|fed up with you|sick of you|tired of you)",
            r"\bif <you> (?:can'?t|won'?t) be (?:polite|civil|nice)\b",
            r"\b(?:sweetie|sweetheart|darling|honey|hun|babe)\b(?!ly| to| it| the)",
            r"\b(?:f\*+\w*|bull\*+\w*|sh\*+\w*)|"
            r"\b(?:fuck\w*|shit\w*|bitch\w*|bastard\w*|arsehole|asshole|idiot\w*|moron\w*|wanker|twat|"
            r"prick|stfu|ffs)\b",
        ],
        "sarcasm": [
            r"\b(?:oh )?(?:great|brilliant|wonderful|fantastic|congratulations|well done)(?:,| )(?:so |then |"
            r"<you>|<your>)",
            r"\b(?:sure|right|yeah),? (?:because|like) ",
            r"\bwhat a (?:surprise|shock)\b",
            r"\bnews flash\b",
            r"\bboo ?hoo\b",
            r"\bcry me a river\b",
            r"\bpoor (?:you|thing|baby)\b",
            r"\b(?-i:SO+|VERY|TERRIBLY|REALLY) sorry\b",
            r"\bwell,? (?:excuse|pardon) me\b",
            r"\b(?:sorry|apologies) for (?:existing|breathing|living)\b",
            r"\bsorry,? not sorry\b",
            r"\bdoesn'?t revolve around\b",
            r"\bthe world (?:doesn'?t|does not) revolve\b",
            r"\b(?:oh )?(?:brilliant|great|wonderful|fantastic|lovely),? another\b",
        ],
    }
)

_BUT = rx(r"^[^.!?]*?\b(?:but|however|although|though|unfortunately|that said)\b")
_FIX = rx(
    r"^\W*(?:\w+ ){0,3}?(?:let me|let'?s|i'?ll|i will|i'?m going to|we'?ll|we will|we can|i can|"
    r"i want to|what can|how can|the good news|i promise|together|i'?m (?:here|on it))"
)
NEGATIVE_KINDS = (
    "calm_down",
    "minimising",
    "taking_it_personally",
    "form_speak",
    "mirroring",
    "sarcasm",
)


_UNDOING = {"blaming_customer", "arguing", "counter_threat", "rhetorical_pushback", "gives_up"}
"""Job failures that take back an acknowledgement (explaining the cause does not)."""


def detect(cleaned: Cleaned, job_negatives: list[Finding] | None = None) -> StepEvidence:
    """Pass on an acknowledgement of feeling or cost that nothing in the reply takes back."""
    positives = _dedupe(
        [f for f in scan(cleaned, _POSITIVE) if not _not_acknowledging(cleaned.text, f)]
    )
    negatives = scan(cleaned, _NEGATIVE)
    undo = [f for f in job_negatives or [] if f.kind in _UNDOING]
    if positives and undo:
        first = undo[0]
        negatives.append(Finding("empathy_but", first.span, first.sentence))
    elif undo and any(f.kind == "counter_threat" for f in undo):
        negatives.append(Finding("mirroring", undo[0].span, undo[0].sentence))
    negatives.sort(key=lambda f: f.span.start)
    passed = bool(positives) and not negatives
    missing = ""
    if not positives and not negatives:
        missing = "no acknowledgement of how they feel or what it cost them"
    return StepEvidence(passed, positives, negatives, missing)


_SORRY_FEEL = rx(
    r"\b<sorry>,? (?:that |if )?(?:<youre>|<you> (?:feel|felt|are feeling|seem))(?: \w+){0,2}\s*$"
)
_SORRY_BEFORE = rx(r"\b<sorry>,? (?:that |if )?$")
_SORRY_IF = rx(r"\b<sorry>,? if\s*$")
_STARTS_YOU = rx(r"^(?:<youre>|<you>)\b")
_REMEDY_VERB = rx(r"\b(?:take|taking|knock|knocking|credit|crediting|refund|refunding)\s+$")
_DENIED = rx(
    r"\bi (?:<dont>|do not|really don'?t) (?:think|believe) (?:that'?s|that is|it'?s|it is)\s*$"
)


def _not_acknowledging(text: str, f: Finding) -> bool:
    """Matches that look like acknowledgements but are not (decisions in the labelling guide)."""
    before = text[max(f.sentence.start, f.span.start - 40) : f.span.start]
    about_feeling = f.kind == "acknowledges_feeling"
    if (
        about_feeling and _SORRY_BEFORE.search(before) and _STARTS_YOU.match(f.span.text)
    ) or _SORRY_FEEL.search(text[f.sentence.start : f.span.end]):
        # "I'm sorry you're upset": apologises for the emotion (sorry_you_feel), not about them.
        return True
    if _SORRY_IF.search(before):
        # "Sorry if this has upset you": conditional, so sorry_if_you_feel (labelling guide).
        return True
    if f.kind == "acknowledges_cost" and _REMEDY_VERB.search(before):
        # "take the outage weeks off" is a remedy, not the cost to them.
        return True
    return bool(_DENIED.search(before))


def _dedupe(found: list[Finding]) -> list[Finding]:
    out: list[Finding] = []
    for f in found:
        if out and f.span.start < out[-1].span.end:
            if f.span.end - f.span.start > out[-1].span.end - out[-1].span.start:
                out[-1] = f
            continue
        out.append(f)
    return out

"""`person` support `acknowledges_feeling`: registers how they feel, said to them ("no wonder you're fed up", "I'd feel cheated too")."""

from __future__ import annotations

from trainer.grading.findings import Finding
from trainer.grading.kind import (
    CORPUS,
    ISSUE11,
    RATED1,
    REVIEW6,
    ROUND4,
    ROUND5,
    ROUND6,
    SUPPORT,
    Kind,
    patterns,
)
from trainer.grading.text import rx

FEEL = (
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
"""Feeling words said about them ("frustrating", "fed up", "a nightmare")."""

FEEL_MORE = (
    r"(?:unnerv\w*|insulted|invasion|intrusive|unsafe|dangerous|frighten\w*|a (?:bad|rough|hard|"
    r"tough|horrible|awful|difficult|stressful) (?:time|day|week|few days)|unsettled|shaken|rattled|"
    r"powerless|helpless|abandoned|forgotten|invisible|belittled|patronis\w*|dismissed|to feel small|desperate|"
    r"ripped off|taken for granted|chaos|chaotic|nonsense|wear (?:anyone|<you>) (?:down|out)|spoil)\b"
)
"""Rated set 1: feeling words the first list missed ("sounds really unnerving", "I'd feel
insulted too")."""


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


def not_acknowledging(text: str, f: Finding) -> bool:
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


KIND = Kind(
    id="acknowledges_feeling",
    step="person",
    severity=SUPPORT,
    summary='registers how they feel, said to them ("no wonder you\'re fed up", "I\'d feel cheated too")',
    patterns=(
        *patterns(
            CORPUS,
            rf"\b(?:i|we) (?:can |completely |totally |really |fully |absolutely )?(?:understand|see|hear|"
            rf"imagine|get|appreciate|know|realise|realize) (?:\w+ ){{0,6}}{FEEL}",
            rf"\b(?:that|this|it)(?:'s| is| must be| must have been| sounds| sounds really| has been|"
            rf"'s been| would be| was) (?:\w+ ){{0,2}}{FEEL}",
            r"\bno wonder (?:<youre>|<you>)",
            r"\b<you>(?:'ve| have) had enough\b",
            r"\b<youre> (?:right|entitled|justified) to be\b",
            r"\b<you> (?:have|'ve) every (?:right|reason)\b",
            rf"\bi(?:'d| would) be (?:\w+ )?{FEEL} too\b",
            r"\b(?:completely|totally|entirely|perfectly) (?:understandable|fair|reasonable|justified)\b",
            rf"\bof course <youre> {FEEL}",
            rf"\b<youre> (?:clearly |understandably |obviously |rightly )?{FEEL}",
            rf"\b<you> (?:must|must be|must feel|must have been|will be|would be) (?:\w+ )?{FEEL}",
            rf"\bhow {FEEL} (?:this|that|it) (?:is|must be|has been)",
            r"\bthat(?:'s| is) (?:not|no) (?:way|how) (?:to|anyone|you)",
            r"\b<you> (?:shouldn'?t|should not) have (?:had )?to\b",
            r"\b<you> deserve(?:d)? (?:better|more)\b",
            rf"\b(?:is|was|are|were|be|been|'s|'re|must be|sounds|seems|feels|felt|looks) (?:\w+ ){{0,3}}{FEEL}",
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
            rf"\bhow {FEEL} for <you>\b",
        ),
        *patterns(
            ROUND4,
            # Round 4 (fit rows only): acknowledgements in less usual wording.
            r"\bmoney walking out\b",
            r"\b<youre> the one (?:left|out of pocket|paying|waiting|stuck)\b",
            r"\bend of <your> (?:rope|tether)\b",
            r"\btearing <your> hair out\b",
            r"\ba (?:great|huge) deal to (?:be )?(?:deal|cope|put up)",
            r"\b(?:it'?s|that'?s|it has|that has) been (?:hell|a nightmare)\b",
            rf"\b(?:proper|what an?) {FEEL}",
            r"\bworn on <you>\b",
            r"\binsult to injury\b",
            r"\b(?:of course|no wonder) (?:it|that|this) (?:feels|felt)\b",
            r"\bi(?:'d| would) (?:want|be going|be doing|do) (?:\w+ ){0,6}(?:too|the same)\b",
            r"\b(?:given|gave|give) <you> (?:such )?(?:a (?:real |huge |big )?(?:fright|shock|scare))\b",
            r"\bunderstand (?:why|wanting|<you> wanting)\b(?! (?:we|the|our|it|that|this)\b)",
        ),
        *patterns(
            ROUND5,
            # Round 5 (error analysis on the independent writers' sets, all fit data by now).
            rf"^\W*(?:oh,? )?(?:how|what an?) (?:\w+ )?{FEEL}",
            rf"\b(?:imagine|appreciate|understand|know) how (?:\w+ )?{FEEL}",
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
        ),
        *patterns(
            REVIEW6,
            r"\b(?:that'?s|it'?s|is|was) (?:such |quite |really )?a lot (?:of (?:\w+ ){0,2})?(?:on|for) "
            r"(?:a|an|<your>|the) \w+",
        ),
        *patterns(
            ROUND5,
            r"\bthat(?:'s| is) a lot of (?:\w+ )?(?:work|money|time|pressure|hassle|stress|worry|waiting|"
            r"calls|trouble|takings|business)\b",
            rf"\b(?:i|we) can (?:\w+ )?tell (?:how|that) (?:\w+ ){{0,4}}{FEEL}",
            r"\b(?:matters|means (?:so much|a lot)|is (?:so )?important) to <you>\b",
            r"\b(?:hanging|weighing|looming) (?:over|on) (?:<your>|<you>)\b",
            r"\bthe clock'?s ticking\b|\benough (?:on <your> plate|to worry about|going on)\b",
            r"\b<youre> (?:\w+ )?desperate\b|\btreated (?:badly|poorly|unfairly|like (?:a|an|dirt|that))\b",
        ),
        *patterns(
            ROUND6,
            # Round 6 (heldout5 after it was scored once).
            rf"\bwhat (?:an? (?:\w+ )?)?(?:nightmare|mess|pain|hassle|shambles|{FEEL})\b(?![^.!?]*\?)",
            r"\b(?:must be|must have been|is|sounds) (?:\w+ )?(?:tiring|wearing <you> down|wearing)\b",
            r"\bi'?d be (?:\w+ ){0,2}(?:too|as well)\b",
            r"\b(?:disrupted|upended|turned upside down|a lot of upheaval)\b",
            r"\b(?:big|huge|large) chunk of\b|\bexpensive (?:surprise|shock|mistake|way)\b",
        ),
        *patterns(
            RATED1,
            rf"\bi(?:'d| would) (?:feel|be|be feeling) (?:\w+ ){{0,2}}{FEEL_MORE}",
            rf"\b(?:is|was|'s|sounds|seems|feels|felt|looks|must be|must feel|would feel) (?:\w+ ){{0,2}}{FEEL_MORE}",
            rf"\b(?:must|would|will|could) (?:feel|seem) (?:\w+ ){{0,2}}{FEEL}",
            r"\b(?:i'?m|im|i am) (?:so |really |genuinely )?(?:gutted|sad|heartbroken) for <you>\b",
            r"\b(?:frightens|scares|worries|upsets|angers|annoys|shocks) me (?:too|as well)\b",
            r"\b<sorry> (?:again |so much |very much )?(?:for|about) (?:the|all the|all this|all that) "
            r"(?:stress|worry|upset|shock|fright|grief)\b",
            r"\b<sorry> <youre> (?:having|going through|going thru|dealing with|stuck with) (?:\w+ ){0,3}"
            r"(?:time|day|week|this|that|it)\b",
            r"(?:^|[,.!?]\s*)(?:i )?(?:totally|completely|honestly|really) get it\b",
            r"\b(?:\w+ times|twice) is (?:\w+ ){0,2}too many\b",
            # Asking after them: "Are you alright now?", "How is your son now?"
            r"^\W*(?:oh \w+,? )?(?:are <you>|is (?:he|she|<your> (?:son|daughter|mum|dad|mother|father|wife|"
            r"husband|partner|baby|child|kid|little one|nan|gran|grandad|grandmother|grandfather|dog|cat))|are they) "
            r"(?:\w+ )?(?:alright|all right|ok|"
            r"okay|safe|hurt|injured)\b(?! to hold)",
            r"\bhow (?:is|are) (?:<your> (?:son|daughter|mum|dad|mother|father|wife|husband|partner|baby|child|kid|"
            r"nan|gran)|he|she|they|<you>) (?:doing |feeling )?now\b",
            r"\bmoney <you> (?:shouldn'?t|should not) (?:be out|have to (?:pay|find|spend))\b",
            r"\bcould have (?:made <you> (?:ill|sick|worse)|hurt <you>|harmed <you>|put <you> in hospital)\b",
            r"\b<sorry> (?:it|this|that) (?:took|has taken|'s taken) (?:\w+ ){0,2}(?:calls|attempts|tries|goes|"
            r"times|emails|messages)\b",
        ),
        *patterns(
            ISSUE11,
            # Identifying with them: "I'd feel cheated too", "I'd be livid in your shoes".
            rf"\bi'?d (?:feel|be feeling) (?:\w+ ){{0,2}}{FEEL}",
            r"\bin <your> shoes\b",
        ),
    ),
    exempt=(not_acknowledging,),
    examples=(
        # Rated set 1 (issue 11), in new words.
        "I'd feel insulted too.",
        "Coming home to that sounds really unnerving.",
        "im gutted for u",
        "Honestly, it frightens me too.",
        "That must feel so unfair.",
        "Sorry for all the worry this has caused.",
        "sorry ur having such a rough week",
        "totally get it, thats a lot",
        "Four times is three too many.",
        "That's money you shouldn't be out.",
        "That could have made you ill.",
        "Sorry it took four calls to get here.",
        "Are you alright now?",
        "How is your daughter now?",
        "I'd feel cheated too.",
        "I'd be livid in your shoes.",
        "I understand your frustration.",
        "That must be so stressful.",
        "I'd be furious too.",
        "Being billed twice isn't right.",
        "That's a lot to be juggling... a lot to deal with, honestly.",
        "A flooded kitchen would upset anyone.",
        "I don't blame you one bit.",
        "This holiday clearly means a lot to you.",
        "It feels like nobody is listening, I know.",
        "That must have felt endless.",
        "That's thrown your whole week out.",
        "No wonder you hate it.",
        "You've had enough, and I get that.",
        "I understand why you want a manager.",
        "A cancelled trip, yeah, that's bad.",
        "Two lost weekends, that's a lot.",
        "Being ignored like that would wind anyone up.",
        "How humiliating for you.",
        "Having your card refused at the counter is mortifying.",
        "That must have given you a real fright.",
        "You must be shattered after a night like that.",
        "Losing a week's takings is a huge hit for a small shop.",
        "Every hour it's down is money walking out the door.",
        "And you're the one left short while we sort it.",
        "You must be at the end of your rope by now.",
        "You'll be tearing your hair out by now, I'd imagine.",
        "That's a great deal to cope with at once.",
        "It's been a nightmare for you, hasn't it.",
        "Declined in front of your friends, proper embarrassing.",
        "I can hear how much this has worn on you.",
        "Charging you for our mess would be adding insult to injury.",
        "Of course it feels like too much with two letters saying different things.",
        "I'd want the top person on the line too.",
        "I completely understand why, after four calls.",
        "How embarrassing, at the checkout of all places.",
        "I can only imagine how stressful the move has been.",
        "That's a real strain on the family budget.",
        "You've had a rotten week of it.",
        "That sounds rough.",
        "I can tell this has upset you.",
        "I know money's tight this month.",
        "I know how much that necklace matters.",
        "A letter like that would frighten anyone.",
        "Of course you don't want to pay for a week with no signal.",
        "That's a lot on a student budget.",
        "That's a lot of wasted time.",
        "I can tell how worried you are.",
        "I know the deadline's hanging over you.",
        "Stuck in the rain with no taxi, what a nightmare.",
        "That must be tiring, ringing again and again.",
        "I'd be shouting too.",
        "Your whole week's been disrupted.",
        "That's a big chunk of your savings.",
    ),
    near_misses=(
        "I've got the account open here.",
        "What a day for the engineer to be late.",
        "I'll want the meter reading too.",
        "I understand why we charged that fee.",
        "The refund is a one-off credit.",
        "Of course, it's on its way.",
        "Thanks a lot for the details. I'll process the refund today.",
        "It arrives within 5 days of your return.",
    ),
)

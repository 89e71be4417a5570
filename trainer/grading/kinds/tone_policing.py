"""`job` committed failure `tone_policing`: tells the customer their tone stands in the way of
help ("Shouting at me won't get this sorted any faster", "I won't help you while...").

Labelling guide 6.3: tone-policing fails `job` (it argues with the customer and often puts a
condition on help), bare forms included ("There's no need to shout", "Watch your language");
"Calm down, sir" on its own fails `person` only. A calm boundary that keeps
helping ("I can do that better without the swearing", "if the swearing continues I'll have to
end the call") is not tone-policing.
"""

from __future__ import annotations

from trainer.grading.kind import COMMITTED, ISSUE11, RATED1, RATED2, Kind, patterns

KIND = Kind(
    id="tone_policing",
    step="job",
    severity=COMMITTED,
    summary="corrects how they speak, or makes help depend on it",
    flag="arguing",
    undoes_acknowledgement=True,
    patterns=(
        *patterns(
            ISSUE11,
            r"\b(?:shouting|swearing|yelling|screaming|threatening (?:me|staff|us)?|abusing (?:me|staff|us)|"
            r"being (?:rude|abusive|nasty)|name-?calling|insulting me|that (?:language|attitude|tone)|"
            r"talking to me like that|speaking to me like that)(?: at me| at us)? (?:isn'?t|won'?t|will not|"
            r"is not|doesn'?t|does not|is never) (?:going to )?(?:get|help|change|make|fix|sort|speed|bring|"
            r"unfreeze|solve|work)\b",
            r"\bi (?:won'?t|will not|can'?t|cannot|am not going to|'m not going to) (?:help|deal with|talk to|"
            r"speak to|assist|listen to) <you> (?:while|if|until|unless|when) <you>",
        ),
        *patterns(
            RATED1,
            r"(?:<ss>\W*(?:there'?s |theres )?|\b(?:there'?s|theres|there is) )no need (?:to|for) (?:shout|shouting|yell|yelling|swear|swearing|be rude|the attitude|that tone|that language|raise <your> voice)\b",
            r"\b(?:please |pls )?<dont> (?:shout|yell|swear|raise <your> voice|type in (?:all )?(?:caps|capitals)) at me\b",
            r"\bwatch <your> (?:language|tone|mouth)\b|\b<dont> take that tone\b",
        ),
        *patterns(
            RATED2,
            r"\bno need for (?:the |that |those |any )?(?:attitude|threats|language|tone|swearing|abuse|shouting)\b",
            r"\b(?:can'?t|cannot) help (?:<you> )?if <youre> (?:shouting|swearing|yelling|being)\b",
            r"\b<dont> (?:you )?(?:\[?\w+\]? )?swear at me\b",
        ),
    ),
    examples=(
        # Rated set 2 (issue 11): one example per pattern, in new words.
        "There's no need for threats.",
        "i cant help if ur shouting",
        "Don't you swear at me.",
        "Calm down, sir. Shouting at me won't get this sorted any faster.",
        "I won't help you while you speak to me like that.",
        "Swearing at me isn't going to get your parcel back.",
        "Threatening staff won't unfreeze the account.",
        # Labelling guide 6.3 (issue 11): the bare corrections fail job too; both raters of
        # rated set 1 failed "no need to shout" on job, and the older rows were relabelled.
        "There's no need to be rude.",
        "Please don't take that tone with me, sir.",
        "Oi, watch your language, mate.",
        "no need to shout, i can hear u",
        "Don't swear at me, I'm doing my best here.",
        # Set 7: after a greeting, and in chat.
        "hi keeley theres no need to shout, were here now. whats ur childs name?",
        "i get it but pls dont type in caps at me, im trying to help",
    ),
    near_misses=(
        "I want to sort this, and I can do that better without the name-calling.",
        "I'd like to keep helping; if the swearing continues I'll have to end the call. "
        "Shall we carry on with the refund?",
        "Please don't call me love. What's gone wrong with the order?",
    ),
)

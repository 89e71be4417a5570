"""The things irate customers say (CALL-CRAFT.md section 3), by id."""

from __future__ import annotations

TACTICS: dict[str, str] = {
    "you_people": "Generalises against the company: 'You people never get anything right.'",
    "angry_opener": "Opens furious after a long queue.",
    "hate_product": "Hates the product, all of it.",
    "you_better_fix_it": "'Your lot messed up, so fix it.'",
    "take_business_elsewhere": "Threatens to cancel and go to a competitor.",
    "better_english": "Asks for someone who 'speaks proper English'.",
    "not_listening": "'You're not listening!'",
    "what_do_you_mean_i_cant": "'What do you mean, no refund?'",
    "swearing": "Swears at the agent.",
    "customer_always_right": "'Isn't the customer always right?'",
    "manager_demand": "Demands a manager.",
    "bash_online": "Threatens to post about it everywhere.",
    "threat_to_sue": "Threatens legal action.",
    "physical_threat": "Threatens the agent physically: the call must end safely.",
    "wont_pay": "Refuses to pay the bill.",
    "you_dont_know": "'You've no idea what you're on about.'",
    "how_hard_is_your_job": "'How hard can your job be?'",
    "overheard_on_hold": "Overheard something on an open line while on hold.",
    "just_forget_it": "'Forget it. Just forget it.'",
    "noisy_background": "Insists on talking from somewhere noisy.",
    "off_topic_story": "Drifts into a long unrelated story.",
    "pet_names": "Calls the agent 'sweetie', 'love', 'pal'.",
    "flirting_voice": "Flirts with the agent.",
    "asking_out": "Asks the agent out.",
    "multiple_issues": "Piles several issues on at once.",
    "too_little_info": "'It just doesn't work. That's all.'",
    "fake_fine": "Says everything is fine to get off the phone.",
}

TACTIC_IDS: frozenset[str] = frozenset(TACTICS)

# Tactics that end the call the moment the customer uses them.
ENDS_CALL: frozenset[str] = frozenset({"physical_threat"})

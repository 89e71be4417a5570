"""The simulated customer: mood (how they feel), policy (what they do), voice (their words)."""

from trainer.simulation.customer import Customer, Reaction
from trainer.simulation.mood import MoodState, ReplyEffect, apply_reply, start_mood
from trainer.simulation.policy import Move, PolicyMemory, next_move
from trainer.simulation.voice import AuthoredVoice, Voice

__all__ = [
    "AuthoredVoice",
    "Customer",
    "MoodState",
    "Move",
    "PolicyMemory",
    "Reaction",
    "ReplyEffect",
    "Voice",
    "apply_reply",
    "next_move",
    "start_mood",
]

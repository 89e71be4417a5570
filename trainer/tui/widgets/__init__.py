"""Widgets of the practice room: they show what they are given and post what happened."""

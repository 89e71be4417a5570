"""The practice room: the Textual app. Only this package may import textual."""

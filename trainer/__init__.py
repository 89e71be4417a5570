"""deescalate: practise calming angry customers with the four-step method, offline."""

__version__ = "0.1.0"

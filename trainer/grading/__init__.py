"""The four-step grader.

Use `get_grader()` for the shared instance, then `grade(reply, context)` or
`grade_many(replies, contexts)`. See docs/grader.md for how it decides.
"""

from trainer.grading.grader import Grader, get_grader

__all__ = ["Grader", "get_grader"]

"""One module per finding kind: its step, severity, flag, patterns with provenance, examples.

`trainer.grading.registry` collects them; see `trainer.grading.kind` for the fields.
"""

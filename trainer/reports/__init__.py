"""Reports built from stored calls: one session (Markdown, HTML, JSON), progress, cohort, xAPI.

The TUI's report screen can reuse the same data and renderers:

```python
data = session_report(record)     # ReportData: outcome, steps, flags, anger, hold, practise
to_html(data); to_markdown(data); to_json(data)
weakest_step(store, trainee)      # "person" | "job" | "apology" | "ask" | None
```
"""

from trainer.reports.cohort import CohortRow, cohort, cohort_csv, cohort_html, cohort_markdown
from trainer.reports.data import ReportData, practise_next, session_report
from trainer.reports.progress import Progress, progress, weakest_step
from trainer.reports.render import to_html, to_json, to_markdown

__all__ = [
    "CohortRow",
    "Progress",
    "ReportData",
    "cohort",
    "cohort_csv",
    "cohort_html",
    "cohort_markdown",
    "practise_next",
    "progress",
    "session_report",
    "to_html",
    "to_json",
    "to_markdown",
    "weakest_step",
]

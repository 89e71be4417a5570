"""Training programmes: modules as data, assignments, the schedule, drills and readiness.

```python
programmes = load_programmes(library)                  # programme/*.yaml, validated
ProgrammeStore(store).assign("Ana", "new-hire", date(2026, 12, 1))
plan = assignment_plan(store, programmes, assignment, today, library)
plan.today, plan.week, plan.overdue, plan.refreshers_next, plan.drill, plan.readiness
```

No Textual here; every function that depends on the date takes it as a parameter.
"""

from trainer.programme.loader import Programmes, load_programmes
from trainer.programme.plan import DrillChoice, Plan, choose_drill, make_plan
from trainer.programme.readiness import ModuleReadiness, Readiness, readiness
from trainer.programme.skills import StepSkill, step_skills

__all__ = [
    "DrillChoice",
    "ModuleReadiness",
    "Plan",
    "Programmes",
    "Readiness",
    "StepSkill",
    "choose_drill",
    "load_programmes",
    "make_plan",
    "readiness",
    "step_skills",
]

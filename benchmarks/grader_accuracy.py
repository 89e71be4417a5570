"""Grader accuracy per step: precision, recall, F1 and confusion matrix.

Sets (see docs/grader.md for what each was used for):

- fit (for reference only, not a measure of generalisation): every row the heads were fitted on
  and the rules were analysed on: the train/test splits of data/replies.jsonl, 80% of the
  adversarial customer lines, data/heldout2.jsonl to data/heldout7.jsonl (each held out in an
  earlier round; all fit data since issue 11);
- validation: the `dev` split of data/replies.jsonl and the 20% of adversarial customer lines
  that `trainer.grading.train` keeps out (same seed); used to choose L2 and Platt, so these
  figures are *not* held-out measures;
- dev11: data/dev11.jsonl, replies written for issue 11 in its registers; rules were written
  with these in view, so it is a dev set, not a held-out one;
- the rated sets, each folder of data/rated/ (the rater study: replies by new writers,
  labelled by two independent raters; `ROLES` says what each was used for, and the newest,
  `set10/` to `set12/`, are held out from everything): per step Cohen's kappa rater A vs
  rater B, grader vs A, grader vs B, and precision / recall / F1 / counts of the grader on the
  rows where the raters agree, for the full grader and the rules alone, on all replies and per
  register. Nothing is trained or tuned on `set10/` to `set12/`.

Each set is scored with the full grader (embedding heads + rules) and with the lexical rules
alone. Prints figures only; no pass/fail thresholds. Kappa and F1 for the labelled sets are
printed with the same code as the rated set's (trainer/grading/agreement.py).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from trainer.grading import Grader  # noqa: E402
from trainer.grading.agreement import (  # noqa: E402
    Counts,
    RatedSet,
    RatedSetError,
    cohen_kappa,
    rated_report,
)
from trainer.grading.train import data_sets, load_lines, row_context  # noqa: E402
from trainer.models.grade import STEPS, GradeContext, Step  # noqa: E402

DATA = ROOT / "data"
RATED = DATA / "rated"
ROLES = {
    "dev": "judge training data; rules were revised with its errors in view: not a held-out measure",
    "dev2": "judge training data; rules were revised with its errors in view: not a held-out measure",
    "set3": "judge training data since issue 11's judge (held out for the rules at e7bdc2c and 57681d2)",
    "set4": "judge training data since issue 11's judge (held out for the rules at 57681d2, scored once)",
    "set5": "judge training data since set 6 (held out for issue 11's first judge, scored once)",
    "set6": "judge training data since set 7 (held out for the judge of 3598aae, scored once)",
    "set7": "judge training data since set 9 (scored once at 814632e, then four rules fixed from it)",
    "set8": "judge training data since set 9 (scored once at d4da490, then three rules written from it)",
    "set9": "kept out of the judge's training; scored once at 7f0fb00, then one form-speak rule widened from its errors",
    "set10": "held out: written and labelled after set 9 was scored, scored once on 6963315; nothing trained or tuned on it",
    "set11": "held out: written and labelled while set 10 was being scored, scored once on 6963315; nothing trained or tuned on it",
    "set12": "held out: written and labelled while set 10 was being scored, scored once on 6963315; nothing trained or tuned on it",
}
"""What each data/rated/ folder is (data/rated/README.md tells how each was made)."""
DEV = ("dev11",)
"""Dev sets written for an issue (not fit data, but rules were written with them in view)."""


def load_all(path: Path) -> list[dict[str, Any]]:
    """Every row of a JSONL file (a held-out set is scored whole, whatever its split field says)."""
    with path.open(encoding="utf-8") as fh:
        return [json.loads(raw) for raw in fh if raw.strip()]


def verdicts(
    grader: Grader, replies: list[str], contexts: list[GradeContext]
) -> list[dict[Step, bool]]:
    """Each reply's {step: passed}, graded in batches of 64."""
    out: list[dict[Step, bool]] = []
    for start in range(0, len(replies), 64):
        grades = grader.grade_many(replies[start : start + 64], contexts[start : start + 64])
        out += [{s: g.step(s).passed for s in STEPS} for g in grades]
    return out


def report(title: str, rows: list[dict[str, Any]], got: list[dict[Step, bool]]) -> None:
    print(f"\n{title} ({len(rows)} replies)")
    print(
        f"{'step':8s} {'precision':>9s} {'recall':>7s} {'F1':>6s} {'kappa':>6s}   confusion [[tn fp] [fn tp]]"
    )
    for step in STEPS:
        truth = [bool(r["labels"][step]) for r in rows]
        pred = [g[step] for g in got]
        c = Counts.of(truth, pred)
        print(
            f"{step:8s} {c.precision:9.3f} {c.recall:7.3f} {c.f1:6.3f} {cohen_kappa(truth, pred):6.3f}"
            f"   [[{c.tn:4d} {c.fp:4d}] [{c.fn:4d} {c.tp:4d}]]"
        )


def main() -> int:
    lines = load_lines(DATA / "customer_lines.jsonl")
    split = data_sets(DATA, seed=1234)  # the seed `make heads` uses
    fit = split["corpus_fit"] + split["adversarial_fit"] + split["heldout_fit"]
    sets: list[tuple[str, list[dict[str, Any]]]] = [
        ("fit: train+test, adversarial 80%, heldout2-7 (reference only)", fit),
        ("validation: dev split (rules were tuned here)", split["dev"]),
        ("validation: adversarial 20% of lines", split["adversarial_validation"]),
    ]
    for name in DEV:
        path = DATA / f"{name}.jsonl"
        if path.exists():
            sets.append((f"{name} (dev replies written for the issue)", load_all(path)))
    full = Grader.load()
    variants = [("lexical rules only", Grader.load(lexical_only=True))]
    if full.lexical_only:
        print(f"trained grader unavailable ({full.why_lexical}); lexical figures only")
    else:
        judge = "fine-tuned judge" if full.judged else "MiniLM heads"
        variants.insert(0, (f"full grader ({judge} + rules)", full))
    for set_name, rows in sets:
        contexts = [row_context(r, lines) for r in rows]
        for variant, grader in variants:
            t0 = time.perf_counter()
            got = verdicts(grader, [r["reply"] for r in rows], contexts)
            report(f"{set_name}: {variant} [{time.perf_counter() - t0:.1f}s]", rows, got)
    folders = (
        sorted(
            (p for p in RATED.iterdir() if (p / "replies.jsonl").exists()),
            key=lambda p: (len(p.name), p.name),  # dev, dev2, set3 ... set9, set10 ...
        )
        if RATED.exists()
        else []
    )
    if not folders:
        print(f"\n{RATED.relative_to(ROOT)} not present: no rater-agreement figures")
    graders = {
        variant: (lambda rs, cs, g=grader: verdicts(g, rs, cs)) for variant, grader in variants
    }
    for folder in folders:
        try:
            rated = RatedSet.load(folder)
        except RatedSetError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
        role = ROLES.get(folder.name, "")
        print(f"\n== {folder.relative_to(ROOT)}{f' ({role})' if role else ''}")
        print(rated_report(rated, graders))
    return 0


if __name__ == "__main__":
    sys.exit(main())

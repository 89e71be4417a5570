"""The rater-agreement measurement (trainer/grading/agreement.py), on a small hand-made set.

tests/fixtures/rated_small/ stands in for data/rated/: six replies, two raters who disagree on
two labels (t3 person, t4 ask), rater B's rows in another order. Figures are worked out by hand.
"""

from __future__ import annotations

import math
import shutil
from pathlib import Path

import pytest

from trainer.grading import Grader
from trainer.grading.agreement import (
    Counts,
    RatedSet,
    RatedSetError,
    agent_lines,
    agreement,
    cohen_kappa,
    rated_report,
    step_agreement,
)
from trainer.models.grade import STEPS

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "rated_small"
T, F = True, False


def test_kappa_by_hand() -> None:
    # p_o = 3/4, p_e = 1/2 * 1/4 + 1/2 * 3/4 = 1/2, kappa = (3/4 - 1/2) / (1/2) = 1/2
    assert cohen_kappa([T, T, F, F], [T, F, F, F]) == pytest.approx(0.5)
    assert cohen_kappa([T, F, T, F], [T, F, T, F]) == pytest.approx(1.0)
    assert cohen_kappa([T, F], [F, T]) == pytest.approx(-1.0)
    # Chance agreement is total when both sides are constant.
    assert cohen_kappa([T, T, T], [T, T, T]) == 1.0
    assert cohen_kappa([T, T], [F, F]) == 0.0
    assert math.isnan(cohen_kappa([], []))
    with pytest.raises(ValueError):
        cohen_kappa([T], [T, F])


def test_counts_precision_recall_f1_by_hand() -> None:
    c = Counts.of([T, T, F, F, T], [T, F, T, F, T])
    assert (c.tp, c.fp, c.fn, c.tn, c.n) == (2, 1, 1, 1, 5)
    assert c.precision == pytest.approx(2 / 3)
    assert c.recall == pytest.approx(2 / 3)
    assert c.f1 == pytest.approx(2 / 3)
    assert Counts.of([F, F], [F, F]).f1 == 0.0


def test_f1_counts_only_rows_where_the_raters_agree() -> None:
    a = [T, T, F, F]
    b = [T, F, F, F]  # row 1 split
    grader = [T, F, T, F]
    s = step_agreement("person", a, b, grader)
    assert s.agreed.n == 3
    assert (s.agreed.tp, s.agreed.fp, s.agreed.fn, s.agreed.tn) == (1, 1, 0, 1)
    assert s.kappa_raters == pytest.approx(0.5)
    assert s.kappa_a == pytest.approx(cohen_kappa(grader, a))


def test_loading_joins_the_raters_by_id() -> None:
    rated = RatedSet.load(FIXTURE)
    assert [r.id for r in rated.replies] == ["t1", "t2", "t3", "t4", "t5", "t6"]
    assert rated.rater("rater_b", "person") == [T, F, T, F, F, F]
    assert rated.rater("rater_a", "ask") == [T, F, T, T, F, F]
    # person: A [T F F F F F], B [T F T F F F]: p_o 5/6, p_e 22/36, kappa 8/14
    perfect = {s: rated.rater("rater_a", s) for s in STEPS}
    figures = {f.step: f for f in agreement(rated, perfect)}
    assert figures["person"].kappa_raters == pytest.approx(8 / 14)
    assert figures["person"].kappa_a == pytest.approx(1.0)
    assert figures["job"].kappa_raters == pytest.approx(1.0)
    assert figures["ask"].agreed.n == 5 and figures["ask"].agreed.f1 == pytest.approx(1.0)


def test_the_agents_earlier_lines_are_read_from_so_far() -> None:
    rated = RatedSet.load(FIXTURE)
    assert rated.replies[3].context().previous_replies == ["I've booked an engineer for 9am."]
    assert rated.replies[5].context().previous_replies == ["Let me check."]
    assert agent_lines(None) == [] and agent_lines("free text") == []


def test_report_for_both_graders_and_every_register() -> None:
    rated = RatedSet.load(FIXTURE)
    lexical = Grader.load(lexical_only=True)

    def rules(replies: list[str], contexts: list) -> list[dict]:  # type: ignore[type-arg]
        grades = lexical.grade_many(replies, contexts)
        return [{s: g.step(s).passed for s in STEPS} for g in grades]

    text = rated_report(rated, {"rules only": rules})
    assert "rated set: 6 replies" in text
    for register in ("chat-casual", "phone-formal", "procedural"):
        assert f"rules only, register {register}" in text
    assert text.count("\nperson ") == 4  # all replies + three registers


@pytest.mark.parametrize(
    ("file", "line", "problem"),
    [
        (
            "rater_a.jsonl",
            '{"id": "t1", "person": "maybe", "job": true, "apology": true, "ask": true}',
            "person",
        ),
        ("rater_a.jsonl", "{not json", "not JSON"),
        ("replies.jsonl", '{"id": "t9"}', "reply"),
    ],
)
def test_bad_rows_name_the_file_and_line(
    tmp_path: Path, file: str, line: str, problem: str
) -> None:
    folder = tmp_path / "rated"
    shutil.copytree(FIXTURE, folder)
    with (folder / file).open("a", encoding="utf-8") as fh:
        fh.write(line + "\n")
    with pytest.raises(RatedSetError) as err:
        RatedSet.load(folder)
    assert f"{file}:7" in str(err.value) and problem in str(err.value)


def test_missing_labels_and_files_are_reported(tmp_path: Path) -> None:
    folder = tmp_path / "rated"
    shutil.copytree(FIXTURE, folder)
    lines = (folder / "rater_b.jsonl").read_text().splitlines()
    (folder / "rater_b.jsonl").write_text("\n".join(lines[1:]) + "\n")
    with pytest.raises(RatedSetError, match=r"rater_b\.jsonl: no labels for 1 replies"):
        RatedSet.load(folder)
    (folder / "rater_b.jsonl").unlink()
    with pytest.raises(RatedSetError, match=r"rater_b\.jsonl: missing"):
        RatedSet.load(folder)

"""Cohort report, progress and the weakest step, on a fixture cohort."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from store_records import record

from trainer.reports import cohort, cohort_csv, cohort_html, cohort_markdown, progress, weakest_step
from trainer.reports.cohort import CSV_COLUMNS
from trainer.reports.progress import weakest_of
from trainer.store import Store


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(f"sqlite:///{tmp_path / 'cohort.db'}") as opened:
        opened.save(
            record(
                "ana",
                started_at="2026-11-01T09:00:00+00:00",
                steps=["person job apology ask", "person"],
            )
        )
        opened.save(
            record(
                "ana", outcome="churned", started_at="2026-11-08T09:00:00+00:00", steps=["", "job"]
            )
        )
        opened.save(
            record("ana", started_at="2026-11-15T09:00:00+00:00", steps=["person job apology ask"])
        )
        opened.save(
            record("bo", outcome="escalated", started_at="2026-11-02T09:00:00+00:00", steps=["ask"])
        )
        opened.save(
            record("cy <b>", outcome=None, started_at="2026-11-03T09:00:00+00:00", steps=[])
        )
        yield opened


def test_cohort_csv_has_the_columns_and_numbers(store: Store) -> None:
    text = cohort_csv(cohort(store))
    rows = list(csv.reader(io.StringIO(text)))
    assert (
        rows[0]
        == CSV_COLUMNS
        == [
            "trainee",
            "sessions",
            "resolved",
            "escalated",
            "churned",
            "hung_up",
            "safety_end",
            "abandoned",
            "in_progress",
            "person",
            "job",
            "apology",
            "ask",
            "overall",
            "trend",
        ]
    )
    assert rows[1:] == [
        [
            "ana",
            "3",
            "2",
            "0",
            "1",
            "0",
            "0",
            "0",
            "0",
            "0.600",
            "0.600",
            "0.400",
            "0.400",
            "0.500",
            "+0.375",
        ],
        [
            "bo",
            "1",
            "0",
            "1",
            "0",
            "0",
            "0",
            "0",
            "0",
            "0.000",
            "0.000",
            "0.000",
            "1.000",
            "0.250",
            "",
        ],
        ["cy <b>", "1", "0", "0", "0", "0", "0", "0", "1", "", "", "", "", "", ""],
    ]


def test_cohort_since_a_date(store: Store) -> None:
    rows = cohort(store, since=datetime(2026, 11, 5))
    assert [(r.trainee, r.sessions) for r in rows] == [("ana", 2)]
    assert rows[0].trend == pytest.approx(0.875)


def test_cohort_markdown_and_html(store: Store) -> None:
    rows = cohort(store)
    md = cohort_markdown(rows, datetime(2026, 10, 1))
    assert md.startswith("# Cohort report since 2026-10-01")
    assert "| ana | 3 | 2 resolved, 1 churned | 60% | 60% | 40% | 40% | +38 pts |" in md
    assert "cy &lt;b>" in md
    page = cohort_html(rows)
    assert "cy &lt;b&gt;" in page and "<b>" not in page
    assert page.count("<tr>") == 4


def test_no_weakest_step_when_every_due_step_held() -> None:
    assert weakest_of({"person": 1.0, "job": 1.0, "apology": None, "ask": 1.0}) is None
    assert weakest_of({"person": None, "job": None, "apology": None, "ask": None}) is None
    assert weakest_of({"person": 1.0, "job": 0.9, "apology": 1.0, "ask": 0.9}) == "job"


def test_progress_and_weakest_step(store: Store) -> None:
    ana = progress(store, "ana")
    assert ana.sessions == 3 and ana.replies == 5
    assert ana.steps == pytest.approx({"person": 0.6, "job": 0.6, "apology": 0.4, "ask": 0.4})
    assert ana.weakest == "apology"  # ties go to the earlier step
    assert [p.period for p in ana.periods] == ["2026-W44", "2026-W45", "2026-W46"]
    assert [h["overall"] for h in ana.history] == pytest.approx([0.625, 0.125, 1.0])
    assert weakest_step(store, "ana") == "apology"
    assert weakest_step(store, "bo") == "person"
    assert weakest_step(store, "cy <b>") is None
    assert weakest_step(store, "nobody") is None
    everyone = progress(store)
    assert everyone.sessions == 5 and everyone.replies == 6

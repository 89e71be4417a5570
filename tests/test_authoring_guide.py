"""docs/authoring.md carries a field reference generated from the models; keep it current."""

from __future__ import annotations

from pathlib import Path

from trainer.authoring import BEGIN, END, authoring_reference, refresh

GUIDE = Path(__file__).resolve().parent.parent / "docs" / "authoring.md"


def test_guide_reference_is_current() -> None:
    text = GUIDE.read_text(encoding="utf-8")
    assert BEGIN in text and END in text
    assert refresh(text) == text, "run `make docs` to regenerate docs/authoring.md"


def test_reference_documents_every_field() -> None:
    reference = authoring_reference()
    for key in ("`temperament`", "`volatility`", "`extends`", "`remedies`", "`turn_limit`"):
        assert key in reference
    assert "| `anger` | number | required | Anger at the start of the call" in reference


def test_refresh_replaces_a_stale_reference() -> None:
    stale = "intro\n" + BEGIN + "old table\n" + END + "outro\n"
    fresh = refresh(stale)
    assert "old table" not in fresh
    assert fresh.startswith("intro\n") and fresh.endswith("outro\n")

"""`deescalate tui --db URL` hands the database to the app, which saves calls there."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_tui_call import end_call, make_app, say, start_call
from tui_support import GOOD

from trainer.cli import main
from trainer.store import Store


def test_tui_passes_db_and_library_to_run(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    seen: dict[str, object] = {}

    def fake_run(library_dirs: list[Path] | None = None, db_url: str | None = None) -> int:
        seen.update(library_dirs=library_dirs, db_url=db_url)
        return 0

    monkeypatch.setattr("trainer.tui.app.run", fake_run)
    url = f"sqlite:///{tmp_path / 'class.db'}"
    assert main(["tui", "--db", url, "--library", str(tmp_path)]) == 0
    assert seen == {"library_dirs": [tmp_path], "db_url": url}
    assert main(["tui"]) == 0
    assert seen["db_url"] is None


async def test_app_saves_to_the_given_database(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'class.db'}"
    app = make_app(tmp_path, use_store=True, db_url=url)
    async with app.run_test(size=(100, 40)) as pilot:
        await start_call(pilot)
        await say(pilot, GOOD)
        report = await end_call(pilot)
        assert "class.db" in report.saved
        assert report.command.endswith(f"--db {url}")
        ident = report.record.id
    with Store.open(url) as store:
        assert store.load(ident).outcome == "abandoned"
    assert not (tmp_path / "deescalate-home" / "deescalate.db").exists()

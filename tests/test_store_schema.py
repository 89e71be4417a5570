"""The migrations build exactly the tables the ORM describes, and packaging ships them."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from trainer.store import Store
from trainer.store.engine import MIGRATIONS
from trainer.store.schema import Base


def test_migrated_schema_matches_the_orm(tmp_path: Path) -> None:
    with Store.open(f"sqlite:///{tmp_path / 's.db'}") as store, store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


def test_the_migrations_folder_is_a_package_with_its_template() -> None:
    assert (MIGRATIONS / "env.py").is_file()
    assert (MIGRATIONS / "script.py.mako").is_file()
    assert (MIGRATIONS / "__init__.py").is_file()
    assert (MIGRATIONS / "versions" / "__init__.py").is_file()
    versions = sorted(p.name for p in (MIGRATIONS / "versions").glob("0*.py"))
    assert versions == [
        "0001_initial.py",
        "0002_agent_name_extra.py",
        "0003_seed_bigint.py",
        "0004_programme.py",
    ]

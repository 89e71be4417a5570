"""Where the practice room keeps its small files: settings and (until the store exists) reports."""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, fields
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from trainer.models.record import SessionRecord


def data_dir() -> Path:
    """`$DEESCALATE_HOME`, or the platform's user data directory for deescalate."""
    home = os.environ.get("DEESCALATE_HOME", "").strip()
    if home:
        return Path(home).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("deescalate"))


@dataclass
class Settings:
    """What the home screen remembers between runs."""

    trainee: str = ""
    mode: str = "coach"
    theme: str = ""

    @classmethod
    def load(cls, directory: Path | None = None) -> Settings:
        """Read settings.json; a missing or unreadable file gives the defaults."""
        path = (directory or data_dir()) / "settings.json"
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()
        if not isinstance(raw, dict):
            return cls()
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in raw.items() if k in known and isinstance(v, str)}
        settings = cls(**values)
        if settings.mode not in {"coach", "exam"}:
            settings.mode = "coach"
        return settings

    def save(self, directory: Path | None = None) -> Path | None:
        """Write settings.json; returns the path, or None when the disk refused."""
        folder = directory or data_dir()
        path = folder / "settings.json"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(asdict(self), indent=2), encoding="utf-8")
        except OSError:
            return None
        return path


def save_record_json(record: SessionRecord, directory: Path | None = None) -> Path:
    """Save a finished (or interrupted) call as JSON under `reports/`; returns the path.

    Raises OSError when the file cannot be written; the caller shows the reason.
    """
    folder = (directory or data_dir()) / "reports"
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    name = record.id or f"{stamp}-{record.scenario}-{record.persona}"
    safe_name = "".join(c if c.isalnum() or c in "-_" else "_" for c in name)[:120]
    path = folder / f"{safe_name}.json"
    path.write_text(record.model_dump_json(indent=2), encoding="utf-8")
    return path

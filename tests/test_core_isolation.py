"""The core must work without the screen: nothing outside trainer.tui imports textual."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import trainer


def _core_modules() -> list[str]:
    names = []
    for info in pkgutil.walk_packages(trainer.__path__, prefix="trainer."):
        if info.name == "trainer.tui" or info.name.startswith("trainer.tui."):
            continue
        if info.name.endswith("__main__"):
            continue  # importing it would run the app
        if info.name.startswith("trainer.store.migrations"):
            continue  # alembic env scripts run only inside alembic
        names.append(info.name)
    return names


def test_core_modules_never_import_textual() -> None:
    modules = _core_modules()
    assert "trainer.library" in modules
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "leaked = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(','.join(leaked))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=300
    ).stdout.strip()
    assert out == "", f"core imported textual modules: {out}"


def test_the_isolation_check_can_fail() -> None:
    code = "import trainer.tui.app, sys; print('textual' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=300
    )
    assert out.stdout.strip() == "True"

"""The library that ships with deescalate: persona, scenario and schema folders.

In the repository the folders stay at the top level (`personas/`, `scenarios/`, ...), where
trainers edit them. `setup.py` maps each folder in `FOLDERS` into this package, so a wheel
(`pip install .`, `pipx install`) carries them as `trainer/bundled/<folder>/`, read through
importlib.resources. A source checkout (and an editable install, which imports from it) has
no copy inside the package; there `folder()` gives the checkout's own top-level folder, so an
edit to a bundled file shows at once. Either way callers get a Traversable and never build a
path relative to the source tree themselves.

A new bundled folder joins with one line: add its name to `FOLDERS`.
"""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

FOLDERS: tuple[str, ...] = ("personas", "scenarios", "schemas", "programme")
"""Top-level folders of the repository that ship inside the package (read by setup.py)."""

_CHECKOUT = Path(__file__).resolve().parent.parent.parent
"""The repository root, when this package is imported from a source checkout."""


def folder(name: str) -> Traversable:
    """The bundled folder `name` (one of FOLDERS) as an importlib.resources Traversable."""
    if name not in FOLDERS:
        raise ValueError(f"{name!r} is not a bundled folder (known: {', '.join(FOLDERS)})")
    packaged = resources.files(__name__) / name
    if packaged.is_dir():
        return packaged
    checkout = _CHECKOUT / name
    if (_CHECKOUT / "setup.py").is_file() and checkout.is_dir():
        return checkout
    return packaged  # missing from a broken install: the loader reports it

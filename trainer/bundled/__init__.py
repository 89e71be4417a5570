"""The library that ships with deescalate: persona, scenario and schema folders.

In the repository the folders stay at the top level (`personas/`, `scenarios/`, ...), where
trainers edit them. `setup.py` maps each folder in `FOLDERS` into this package, so a wheel
(`pip install .`, `pipx install`) carries them as `trainer/bundled/<folder>/`; code reads them
with `folder(name)` through importlib.resources, never by a path relative to the source tree.

A new bundled folder joins with one line: add its name to `FOLDERS`.
"""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

FOLDERS: tuple[str, ...] = ("personas", "scenarios", "schemas")
"""Top-level folders of the repository that ship inside the package (read by setup.py)."""


def folder(name: str) -> Traversable:
    """The bundled folder `name` (one of FOLDERS) as an importlib.resources Traversable."""
    if name not in FOLDERS:
        raise ValueError(f"{name!r} is not a bundled folder (known: {', '.join(FOLDERS)})")
    return resources.files(f"{__name__}.{name}")


# An editable install or a plain checkout imports this package from the source tree, where
# the folders sit two levels up rather than beside this file; put that directory on the
# package's search path so `folder()` resolves them there exactly as it does in a wheel.
_here = Path(__file__).resolve().parent
_checkout = _here.parent.parent
if not (_here / FOLDERS[0]).is_dir() and (_checkout / FOLDERS[0]).is_dir():
    __path__.append(str(_checkout))

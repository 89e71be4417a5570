"""Packaging glue that pyproject.toml cannot express: ship the repository's top-level library
folders (personas/, scenarios/, schemas/, ...) inside the package as `trainer.bundled.<name>`.

Metadata and everything else live in pyproject.toml. The folder list is read from
trainer/bundled/__init__.py (without importing it), so a new bundled folder is one line there.
"""

from __future__ import annotations

import ast
from pathlib import Path

from setuptools import find_namespace_packages, setup

HERE = Path(__file__).resolve().parent


def bundled_folders() -> list[str]:
    """The FOLDERS tuple of trainer/bundled/__init__.py."""
    tree = ast.parse((HERE / "trainer" / "bundled" / "__init__.py").read_text(encoding="utf-8"))
    for node in tree.body:
        target = getattr(node, "target", None) or (getattr(node, "targets", None) or [None])[0]
        if isinstance(target, ast.Name) and target.id == "FOLDERS" and node.value is not None:
            return list(ast.literal_eval(node.value))
    raise SystemExit("trainer/bundled/__init__.py has no FOLDERS tuple")


FOLDERS = bundled_folders()

setup(
    packages=[
        *find_namespace_packages(include=["trainer", "trainer.*"], exclude=["*.__pycache__"]),
        *(f"trainer.bundled.{name}" for name in FOLDERS),
    ],
    package_dir={f"trainer.bundled.{name}": name for name in FOLDERS},
    package_data={
        "": ["*.tcss", "*.json", "*.yaml", "*.ini", "*.mako", "*.npz"],
        "trainer.serve": ["assets/*"],
        **{f"trainer.bundled.{name}": ["*.yaml", "*.yml", "*.json"] for name in FOLDERS},
    },
)

"""Issue 13, item 6: a built wheel carries the library and plays a call from a fresh venv.

The wheel is built from a copy of the sources, installed with `--no-deps` into a new venv, and
run from an empty folder with the project's own dependencies on PYTHONPATH (installing torch
again would take minutes; PYTHONPATH does not run .pth files, so the editable install of this
checkout stays out of the way). Everything runs offline.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
try:
    from trainer.bundled import FOLDERS
except ImportError:  # a checkout from before the library was packaged: the test must fail
    FOLDERS = ("personas", "scenarios", "schemas")
SOURCES = ["pyproject.toml", "setup.py", "README.md", "trainer", *FOLDERS]

pytestmark = pytest.mark.slow


def _run(cmd: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=600, **kwargs)  # type: ignore[call-overload]
    assert out.returncode == 0, f"{cmd}: exit {out.returncode}\n{out.stdout}\n{out.stderr}"
    return out  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path | str]:
    base = tmp_path_factory.mktemp("wheel")
    src = base / "src"
    src.mkdir()
    for name in SOURCES:
        origin = ROOT / name
        if not origin.exists():
            continue
        if origin.is_dir():
            shutil.copytree(origin, src / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(origin, src / name)
    dist = base / "dist"
    build = _run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--no-index",
            "-w",
            str(dist),
            str(src),
        ]
    )
    (wheel,) = dist.glob("deescalate-*.whl")
    venv = base / "venv"
    _run([sys.executable, "-m", "venv", "--without-pip", str(venv)])
    python = venv / "bin" / "python"
    _run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "--no-deps",
            "--no-index",
            str(wheel),
        ]
    )
    work = base / "elsewhere"
    work.mkdir()
    return {
        "wheel": wheel,
        "venv": venv,
        "work": work,
        "build_log": build.stdout + build.stderr,
    }


def _env(installed: dict[str, Path | str]) -> dict[str, str]:
    deps = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    env = {k: v for k, v in os.environ.items() if not k.startswith("DEESCALATE_")}
    env.update(
        PYTHONPATH=os.pathsep.join(sorted(deps)),
        HF_HUB_OFFLINE="1",
        TRANSFORMERS_OFFLINE="1",
        DEESCALATE_HOME=str(Path(installed["work"]) / "home"),
    )
    return env


def _cli(installed: dict[str, Path | str], *args: str) -> subprocess.CompletedProcess[str]:
    exe = Path(installed["venv"]) / "bin" / "deescalate"
    return _run([str(exe), *args], cwd=installed["work"], env=_env(installed))


def test_the_build_prints_no_deprecation_warning(installed: dict[str, Path | str]) -> None:
    log = str(installed["build_log"])
    assert "deprecated" not in log.lower(), log
    assert "project.license" not in log, log


def test_the_wheel_carries_the_library_schemas_and_trained_heads(
    installed: dict[str, Path | str],
) -> None:
    names = set(zipfile.ZipFile(installed["wheel"]).namelist())
    for folder in FOLDERS:
        shipped = {
            n.rsplit("/", 1)[-1] for n in names if n.startswith(f"trainer/bundled/{folder}/")
        }
        expected = {p.name for p in (ROOT / folder).iterdir() if p.suffix in {".yaml", ".json"}}
        assert shipped == expected, folder
    assert "trainer/grading/weights/heads.npz" in names
    assert "trainer/grading/weights/heads.json" in names
    assert "trainer/store/migrations/versions/0003_seed_bigint.py" in names
    assert "trainer/store/migrations/versions/0004_programme.py" in names
    assert {
        f"trainer/serve/assets/{p.name}" for p in (ROOT / "trainer/serve/assets").iterdir()
    } <= (names)


def test_the_installed_package_is_the_wheel_not_this_checkout(
    installed: dict[str, Path | str],
) -> None:
    python = Path(installed["venv"]) / "bin" / "python"
    out = _run(
        [
            str(python),
            "-c",
            "import json, trainer, trainer.library as l; from trainer.grading import get_grader;"
            "g = get_grader(); print(json.dumps([trainer.__file__, str(l.BUNDLED_PERSONAS),"
            " g.lexical_only, g.why_lexical]))",
        ],
        cwd=installed["work"],
        env=_env(installed),
    )
    module, personas, lexical, why = json.loads(out.stdout)
    venv = str(Path(installed["venv"]).resolve())
    assert module.startswith(venv) and personas.find(venv) >= 0, out.stdout
    assert lexical is False, why


def test_personas_list_and_check_show_the_bundled_library(
    installed: dict[str, Path | str],
) -> None:
    listed = json.loads(_cli(installed, "personas", "list", "--all", "--json").stdout)
    assert {p["id"] for p in listed} == {p.stem for p in (ROOT / "personas").glob("*.yaml")}
    venv = str(Path(installed["venv"]).resolve())
    assert all(p["origin"] == "bundled" and p["source"].startswith(venv) for p in listed)
    checked = _cli(installed, "check")
    assert ", 0 problem(s)" in checked.stdout
    assert "1 programme(s)" in checked.stdout
    programmes = json.loads(_cli(installed, "programmes", "list", "--json").stdout)
    assert [p["id"] for p in programmes] == ["new-hire"]


def test_a_call_plays_and_is_saved_from_the_installed_wheel(
    installed: dict[str, Path | str],
) -> None:
    script = Path(installed["work"]) / "call.txt"
    script.write_text(
        "I'm so sorry you've been charged twice, that's really frustrating. "
        "What can I do to put it right?\n/end\n",
        encoding="utf-8",
    )
    played = _cli(
        installed,
        "play",
        "--scenario",
        "double-billed",
        "--seed",
        "7",
        "--script",
        str(script),
        "--json",
    )
    record = json.loads(played.stdout)
    assert record["scenario"] == "double-billed" and record["turns"]
    assert record["outcome"] is not None
    history = json.loads(_cli(installed, "history", "--json").stdout)
    assert [h["id"] for h in history] == [record["id"]]
    graded = _cli(installed, "grade", "--text", "I'm so sorry. What can I do?")
    assert "(lexical rules only)" not in graded.stdout

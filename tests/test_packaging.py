"""What a wheel carries: every package, the prompt templates, and code that finds them.

`pyproject.toml` lists the packages by hand (the top-level `prompts/` folder is
installed as `harness.prompts`), so a new subpackage must be added there; this
test says so. The wheel is built offline from the source tree.
"""

from __future__ import annotations

import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _source_packages() -> set[str]:
    return {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "harness").rglob("__init__.py")}


def test_every_package_is_listed_in_pyproject() -> None:
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    assert listed == _source_packages() | {"harness.prompts"}


def test_the_wheel_carries_the_prompts_and_finds_them(tmp_path: Path) -> None:
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
    )
    assert build.returncode == 0, build.stderr
    (wheel,) = tmp_path.glob("*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    templates = sorted(p.name for p in (ROOT / "prompts").glob("*.txt"))
    assert templates and {f"harness/prompts/{t}" for t in templates} <= names
    for package in _source_packages():
        assert f"{package.replace('.', '/')}/__init__.py" in names, package

    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    found = subprocess.run(
        [sys.executable, "-c", "from harness.run.prompts import PROMPTS_DIR; print(PROMPTS_DIR)"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin"},
    )
    assert found.returncode == 0, found.stderr
    assert Path(found.stdout.strip()) == site / "harness" / "prompts"

"""The package's shape: stages import only earlier stages, no module imports form a cycle, importing is silent."""
import shutil
import subprocess
import sys
from pathlib import Path

from cnai import paths

LINT = [sys.executable, "-c", "import sys; from importlinter.cli import lint_imports_command; sys.exit(lint_imports_command())"]


def lint(root: Path) -> subprocess.CompletedProcess:
    env = {"PYTHONPATH": str(root / "src"), "PATH": ""}
    return subprocess.run([*LINT, "--no-cache"], cwd=root, env=env, capture_output=True, text=True, timeout=300)


def test_stages_import_only_earlier_stages_and_nothing_is_cyclic():
    result = lint(paths.ROOT)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    assert "Contracts: 2 kept, 0 broken." in result.stdout


def _copy_package(tmp_path: Path) -> Path:
    shutil.copytree(paths.PACKAGE_DIR, tmp_path / "src" / "cnai", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(paths.ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def test_a_stage_importing_a_later_one_breaks_the_contract(tmp_path):
    root = _copy_package(tmp_path)
    with (root / "src" / "cnai" / "facts" / "derived.py").open("a", encoding="utf-8") as handle:
        handle.write("\nfrom ..views import race as _race  # facts reaching up into a chapter view\n")
    result = lint(root)
    assert result.returncode != 0 and "Stages import only earlier stages BROKEN" in result.stdout


def test_a_cycle_inside_a_stage_breaks_the_contract(tmp_path):
    root = _copy_package(tmp_path)
    with (root / "src" / "cnai" / "corpus" / "cleaner.py").open("a", encoding="utf-8") as handle:
        handle.write("\nfrom . import report as _report  # report already imports cleaner\n")
    result = lint(root)
    assert result.returncode != 0 and "No import cycles between the modules of any package BROKEN" in result.stdout


def test_importing_every_module_prints_nothing():
    modules = sorted(".".join(p.relative_to(paths.PACKAGE_DIR.parent).with_suffix("").parts)
                     for p in paths.PACKAGE_DIR.rglob("*.py") if p.name != "__init__.py")
    code = "import importlib\nfor m in %r: importlib.import_module(m)" % modules
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout == "" and result.stderr == ""

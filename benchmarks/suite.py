"""Time the test suite on a clean copy of the repository; write a section of benchmarks/RESULTS.md.

    python benchmarks/suite.py [--write]

Fast suite: `python -m pytest -q -m "not build"` (everything but the tests that build the book or read the built
site). Full suite: `python -m pytest -q`, README's test command, which `.ci/run` runs. Both run in a clean copy
(no data/processed, no _build), so the fast suite's time includes building the corpus tables once.
"""
from __future__ import annotations

import argparse
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from conftest import copy_book  # noqa: E402  (the same clean copy the tests build)

RESULTS = ROOT / "benchmarks" / "RESULTS.md"
BEGIN, END = "<!-- benchmarks/suite.py: begin -->", "<!-- benchmarks/suite.py: end -->"
SUITES = {"fast (`-m \"not build\"`)": ["-m", "not build"], "full (README's command)": ["--durations=12"]}


def run_suite(args: list[str]) -> tuple[float, str, list[str]]:
    """Seconds of wall time, pytest's closing line and its slowest-durations lines, in a fresh clean copy."""
    with tempfile.TemporaryDirectory() as tmp:
        book = copy_book(Path(tmp))
        env = dict(os.environ, PYTHONPATH=str(book / "src"))
        start = time.perf_counter()
        result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *args], cwd=book,
                                env=env, capture_output=True, text=True)
        seconds = time.perf_counter() - start
    lines = result.stdout.strip().splitlines()
    summary = lines[-1] if lines else result.stderr[-300:]
    if result.returncode != 0:
        raise SystemExit(f"suite {args} failed:\n{result.stdout[-3000:]}")
    slowest = [l.strip() for l in lines if re.match(r"^\d+\.\d+s (call|setup|teardown)", l.strip())]
    return seconds, re.sub(r"\s+in [\d.]+s.*$", "", summary).strip("= "), slowest


def section(rows: list[tuple[str, float, str]], slowest: list[str]) -> str:
    lines = [BEGIN, "## Test suite", "",
             f"Written by `python benchmarks/suite.py --write` on {date.today():%Y-%m-%d}: one run of each suite in a "
             f"clean copy of the repository. Machine: {os.cpu_count()} cores, Python {platform.python_version()}.", "",
             "| suite | wall time (s) | result |", "| --- | --- | --- |"]
    lines += [f"| {name} | {seconds:.0f} | {summary} |" for name, seconds, summary in rows]
    lines += ["", "Target: the fast suite in about a minute; the full suite well under 10 minutes (CI's limit is 90).",
              "", "Slowest steps of the full suite (pytest `--durations`; `setup` of the first test that uses the built "
              "book is the cold build):", "", "```", *slowest, "```", END]
    return "\n".join(lines)


def write_section(text: str) -> None:
    """Replace this script's section of RESULTS.md (between its markers), or append it."""
    results = RESULTS.read_text(encoding="utf-8")
    if BEGIN in results and END in results:
        head, rest = results.split(BEGIN, 1)
        results = head + text + rest.split(END, 1)[1]
    else:
        results = results.rstrip("\n") + "\n\n" + text + "\n"
    RESULTS.write_text(results, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="update benchmarks/RESULTS.md")
    args = parser.parse_args()
    rows, slowest = [], []
    for name, extra in SUITES.items():
        seconds, summary, slow = run_suite(extra)
        print(f"{name}: {seconds:.1f} s, {summary}", flush=True)
        rows.append((name, seconds, summary))
        slowest += slow
    text = section(rows, slowest)
    print(text)
    if args.write:
        write_section(text)


if __name__ == "__main__":
    main()

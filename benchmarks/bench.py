"""Time the book build and the corpus pipeline; write benchmarks/RESULTS.md.

    python benchmarks/bench.py [--runs 3]

Cold build: a clean copy of the repository with no caches (no data/processed, no _build). Warm rebuild: the same
copy built again with nothing changed. Pipeline: cleaning and segmentation of the whole corpus in a fresh process
(jieba start-up included), then the same on synthetic corpora of 4x and 16x (copies of every document under new
ids), to show how the time grows with the input.
"""
from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from conftest import copy_book  # noqa: E402  (the same clean copy the tests build)

PIPELINE = """
import sys, time
from pathlib import Path
t0 = time.perf_counter()
from cnai.text import segment as text
from cnai.corpus.tables import corpus_tables
raw = Path(sys.argv[1])
t1 = time.perf_counter()
paragraphs = corpus_tables(raw / "sources.yml", raw)["paragraphs"]
t2 = time.perf_counter()
tagged = text.tagged_paragraphs(paragraphs)
tokens = text.token_frame(tagged)
t3 = time.perf_counter()
print(t2 - t1, t3 - t2, t3 - t1, paragraphs["n_chars"].sum(), len(tokens))
"""


SITE_SECTION = "<!-- benchmarks/site.py: begin -->"


def timed(cmd: list[str], cwd: Path, env: dict | None = None) -> float:
    start = time.perf_counter()
    result = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"{cmd} failed:\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}")
    return time.perf_counter() - start


def build_times(runs: int) -> tuple[list[float], list[float], list[tuple[float, float, int, int]]]:
    cold, warm, added = [], [], []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as tmp:
            book = copy_book(Path(tmp))
            env = dict(os.environ, PYTHONPATH=str(book / "src"))
            build = [sys.executable, "-m", "cnai.site.build"]
            cold.append(timed(build, book, env))
            warm.append(timed(build, book, env))
            added.append(add_one_document(book))
    return cold, warm, added


def add_one_document(book: Path) -> tuple[float, float, int, int]:
    """Add one document to a built book the README's way (a copy of a seed text under a new id), then time the
    loader's refresh and the book build, and count the document pieces the refresh cleaned and tagged anew."""
    import yaml

    from cnai.corpus.manifest import sha256_of

    raw = book / "data" / "raw"
    manifest = yaml.safe_load((raw / "sources.yml").read_text(encoding="utf-8"))
    seed = next(doc for doc in manifest["documents"] if doc["id"] == "breakthing_2023_07")
    entry = dict(seed, id="bench_added", label="bench added", file="bench_added.txt")
    shutil.copyfile(raw / seed["file"], raw / entry["file"])
    entry["sha256"] = sha256_of(raw / entry["file"])
    manifest["documents"].append(entry)
    (raw / "sources.yml").write_text(yaml.safe_dump(manifest, allow_unicode=True, sort_keys=False), encoding="utf-8")
    pieces = book / "data" / "processed" / "docs"
    before = {p.name for p in pieces.glob("*.pkl")}
    env = dict(os.environ, PYTHONPATH=str(book / "src"))
    refresh = timed([sys.executable, "-c", "from cnai.data import refresh; refresh()"], book, env)
    after = {p.name for p in pieces.glob("*.pkl")}
    build = timed([sys.executable, "-m", "cnai.site.build"], book, env)
    return refresh, build, len(after - before), len(after)


def synthetic_corpus(dest: Path, copies: int) -> Path:
    """data/raw with every document repeated `copies` times under new ids and file names."""
    import yaml

    from cnai.corpus.manifest import sha256_of

    manifest = yaml.safe_load((ROOT / "data/raw/sources.yml").read_text(encoding="utf-8"))
    documents = []
    for k in range(copies):
        for doc in manifest["documents"]:
            entry = dict(doc, id=f"{doc['id']}_c{k}", label=f"{doc['label'][:24]} c{k}", file=f"{doc['id']}_c{k}.txt")
            shutil.copyfile(ROOT / "data/raw" / doc["file"], dest / entry["file"])
            entry["sha256"] = sha256_of(dest / entry["file"])
            documents.append(entry)
    (dest / "sources.yml").write_text(yaml.safe_dump({"documents": documents}, allow_unicode=True), encoding="utf-8")
    return dest


def pipeline_times(raw: Path, runs: int) -> dict[str, float]:
    samples = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", PIPELINE, str(raw)], capture_output=True, text=True, check=True)
        samples.append([float(x) for x in out.stdout.split()])
    clean, segment, total, chars, tokens = (statistics.median(col) for col in zip(*samples))
    return {"clean": clean, "segment": segment, "total": total, "chars": chars, "tokens": tokens}


def machine() -> str:
    cpu = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        names = [l.split(":", 1)[1].strip() for l in cpuinfo.read_text().splitlines() if l.startswith("model name")]
        cpu = names[0] if names else cpu
    return f"{os.cpu_count()} cores ({cpu}), Python {platform.python_version()}, {platform.system()} {platform.machine()}"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    cold, warm, added = build_times(args.runs)
    refresh = [a[0] for a in added]
    rebuild = [a[1] for a in added]
    new_pieces = {a[2] for a in added}
    n_pieces = {a[3] for a in added}
    scales = {}
    for copies in (1, 4, 16):
        with tempfile.TemporaryDirectory() as tmp:
            raw = synthetic_corpus(Path(tmp), copies) if copies > 1 else ROOT / "data" / "raw"
            scales[copies] = pipeline_times(raw, args.runs)
    base = scales[1]
    rows = "\n".join(
        f"| {k}x | {s['chars']:,.0f} | {s['tokens']:,.0f} | {s['clean']:.2f} | {s['segment']:.2f} | {s['total']:.2f} "
        f"| {s['total'] / base['total']:.1f} | {1e6 * s['total'] / s['chars']:.1f} |"
        for k, s in scales.items()
    )
    per_char = [s["total"] / s["chars"] for s in scales.values()]
    linear = per_char[-1] <= per_char[0] * 1.1
    text = f"""# Benchmark results

Written by `python benchmarks/bench.py --runs {args.runs}` on {time.strftime('%Y-%m-%d')}; medians of {args.runs} runs.
Machine: {machine()}.

## Book build

| measure | median (s) | runs (s) | target (s) |
| --- | --- | --- | --- |
| cold build (clean copy, no caches: corpus pipeline, notebook execution, Sphinx) | {statistics.median(cold):.1f} | {', '.join(f'{x:.1f}' for x in cold)} | ≤ 90 (whole book) |
| warm rebuild (nothing changed) | {statistics.median(warm):.1f} | {', '.join(f'{x:.1f}' for x in warm)} | ≤ 10 |
| one document added: the loader's refresh (clean, segment, keywords, topics) | {statistics.median(refresh):.1f} | {', '.join(f'{x:.1f}' for x in refresh)} | |
| one document added: the book build after it (every notebook runs again: their input changed) | {statistics.median(rebuild):.1f} | {', '.join(f'{x:.1f}' for x in rebuild)} | |

The corpus is the five news and report documents and the official documents of `data/raw/official.yml`. Adding a
document cleaned and tagged {', '.join(map(str, sorted(new_pieces)))} document piece(s) anew, of {', '.join(map(str, sorted(n_pieces)))} in the
per-document cache (`data/processed/docs/`): the others were reused.

## Corpus pipeline: clean and segment

In a fresh process, after imports, with no per-document cache: cleaning every document, then jieba part-of-speech
segmentation of every body paragraph (jieba start-up and the project dictionary included). 1x is the real corpus
(news, report and official documents); synthetic corpora repeat the five news and report documents.

| corpus | clean characters | content tokens | clean (s) | segment (s) | total (s) | time vs 1x | µs per character |
| --- | --- | --- | --- | --- | --- | --- | --- |
{rows}

Target: the real corpus (1x) in ≤ 5 s. Growth: time per character at 16x is {per_char[-1] / per_char[0]:.2f} times
that at 1x, so the pipeline grows {'no worse than linearly' if linear else 'WORSE THAN LINEARLY'} with the input
(the fixed start-up cost of jieba is spread over more text).
"""
    results = ROOT / "benchmarks" / "RESULTS.md"
    old = results.read_text(encoding="utf-8") if results.exists() else ""
    site = old[old.index(SITE_SECTION):] if SITE_SECTION in old else ""  # benchmarks/site.py writes that part
    results.write_text(text + ("\n" + site if site else ""), encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()

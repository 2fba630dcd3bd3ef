"""Corpus benchmark: the whole pipeline on generated corpora of 1,000, 10,000 and 30,000 documents.

``python bench/bench_corpus.py [N ...]`` (default 1000 10000 30000; ``make bench-corpus``) makes
each corpus with ``bench/corpus.py`` in a temporary folder, runs ``python -m pipeline run`` on it
(its own warehouse, release folder and Dagster instance), and prints per step the seconds the
Dagster event log records, then the whole run's seconds and peak resident memory, and the ratio
of the whole run to bare extraction (``pipeline.extraction.extract`` over the same texts, one
process, measured in the same benchmark). It then adds one generated document and runs again.
Last, the growth factors of the run time between corpus sizes (linear growth: the size ratio).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from corpus import make_corpus, templates, write_document  # noqa: E402

from pipeline.extraction import extract  # noqa: E402

DEFAULT_SIZES = (1000, 10000, 30000)


def _environment(work: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        FIGURES_SOURCES_DIR=str(work / "sources"),
        FIGURES_DUCKDB_PATH=str(work / "figures.duckdb"),
        FIGURES_EXPORTS_DIR=str(work / "exports"),
        DAGSTER_HOME=str(work / "dagster_home"),
    )
    return env


def run_pipeline(work: Path) -> tuple[float, float, int]:
    """Run the whole pipeline on ``work``; (seconds, peak RSS in MiB of the run's processes, exit status)."""
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "pipeline", "run"],
        cwd=ROOT,
        env=_environment(work),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - started
    if status != 0 and proc.stderr is not None:
        sys.stderr.write(proc.stderr.read().decode(errors="replace"))
    return seconds, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def step_seconds(work: Path) -> list[tuple[str, float]]:
    """Seconds of each step of the last run on ``work``, from its Dagster instance."""
    code = (
        "from dagster import DagsterInstance\n"
        "i = DagsterInstance.get(); r = i.get_runs(limit=1)[0]\n"
        "for s in sorted(i.get_run_step_stats(r.run_id), key=lambda s: s.start_time or 0):\n"
        "    print(s.step_key, (s.end_time or 0) - (s.start_time or 0))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], env=_environment(work), capture_output=True, text=True, check=True
    ).stdout
    return [(line.rsplit(" ", 1)[0], float(line.rsplit(" ", 1)[1])) for line in out.splitlines() if line]


def bare_extraction(sources: Path) -> float:
    """Seconds to extract every document of ``sources`` in this process (the baseline)."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(sources.glob("*.txt"))]
    started = time.perf_counter()
    for text in texts:
        extract(text)
    return time.perf_counter() - started


def _report(label: str, seconds: float, peak: float, steps: list[tuple[str, float]], baseline: float) -> None:
    print(f"  {label}: {seconds:.1f} s, peak RSS {peak:.0f} MiB, {seconds / baseline:.1f}x bare extraction")
    for name, secs in steps:
        if secs >= 0.5:
            print(f"    {name:45s} {secs:8.1f} s")


def bench(n: int, root: Path) -> float:
    """Benchmark one corpus size; return the full run's seconds."""
    work = root / f"corpus_{n}"
    size = make_corpus(work / "sources", n)
    print(f"{n:,} documents ({size / 1e6:.1f} MB)")
    baseline = bare_extraction(work / "sources")
    print(f"  bare extraction: {baseline:.1f} s ({size / baseline / 1e6:.2f} M chars/s)")
    seconds, peak, status = run_pipeline(work)
    if status != 0:
        print(f"  full run failed (exit {status}) after {seconds:.1f} s")
        return seconds
    _report("full run", seconds, peak, step_seconds(work), baseline)
    import random

    write_document(work / "sources", n, random.Random(n), templates())
    added, peak, status = run_pipeline(work)
    if status == 0:
        _report("one document added", added, peak, step_seconds(work), baseline)
    else:
        print(f"  run after adding one document failed (exit {status})")
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=list(DEFAULT_SIZES))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-corpus-") as tmp:
        times = [(n, bench(n, Path(tmp))) for n in args.sizes]
    for (n1, t1), (n2, t2) in zip(times, times[1:], strict=False):
        print(f"growth {n1:,} -> {n2:,} documents: time x{t2 / t1:.1f} (linear: x{n2 / n1:.1f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

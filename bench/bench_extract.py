"""Throughput and memory of the numeric-mention extractor (``make bench``).

Builds corpora of about 6 MB and 12 MB by repeating the seed documents into
files of about 1 MB each, then times, on each corpus:

(a) a plain ``re.finditer(r"\\d[\\d,.]*")`` scan of the same text (the floor);
(b) ``extract()`` in-process, document by document;
(c) the whole command ``python -m pipeline extract FILES... > /dev/null`` as a
    subprocess, interpreter start-up included,

and prints characters per second, the ratios to the regex scan, and the peak
resident memory of each subprocess (from ``os.wait4``; ``RUSAGE_CHILDREN`` is
printed too) to show memory stays flat as the corpus doubles. Timings are the
best of ``--repeat`` runs; the machine is shared and noisy.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.extraction import extract  # noqa: E402

FILE_CHARS = 1_000_000
DIGITS_RE = re.compile(r"\d[\d,.]*")


def seed_text() -> str:
    """The five seed documents, joined by blank lines."""
    parts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "sources").glob("*.txt"))]
    return "\n\n".join(parts) + "\n\n"


def build_corpus(folder: Path, megabytes: int) -> list[Path]:
    """``megabytes`` files of about 1 MB each, made of repeated seed documents."""
    seed = seed_text()
    one = seed * (FILE_CHARS // len(seed) + 1)
    one = one[:FILE_CHARS]
    cut = one.rfind("\n\n")
    one = one[: cut + 2]
    paths = []
    for i in range(megabytes):
        path = folder / f"bench_{megabytes:02d}mb_{i:02d}.txt"
        path.write_text(one, encoding="utf-8", newline="")
        paths.append(path)
    return paths


def best_of(repeat: int, fn: Callable[[], object]) -> float:
    """The shortest wall time of ``repeat`` calls of ``fn``."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def run_command(paths: list[Path]) -> tuple[float, int]:
    """Wall time and peak RSS (bytes) of one ``python -m pipeline extract`` run."""
    cmd = [sys.executable, "-m", "pipeline", "extract", *map(str, paths)]
    t0 = time.perf_counter()
    with open(os.devnull, "w") as devnull:
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=devnull, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        elapsed = time.perf_counter() - t0
        err = proc.stderr.read().decode() if proc.stderr else ""
    if proc.returncode != 0:
        raise SystemExit(f"extract failed ({proc.returncode}): {err}")
    return elapsed, usage.ru_maxrss * 1024


def measure_command(paths: list[Path], repeat: int) -> dict[str, float]:
    """Time (c), before this process holds any corpus text: a child started by fork
    would otherwise count the parent's pages in its peak RSS."""
    runs = [run_command(paths) for _ in range(repeat)]
    return {"command": min(r[0] for r in runs), "rss": max(r[1] for r in runs)}


def measure_in_process(paths: list[Path], repeat: int) -> dict[str, float]:
    """Time (a) and (b)."""
    texts = [p.read_text(encoding="utf-8") for p in paths]
    chars = sum(map(len, texts))

    def scan() -> None:
        for t in texts:
            for _ in DIGITS_RE.finditer(t):
                pass

    mentions = 0

    def run_extract() -> None:
        nonlocal mentions
        mentions = sum(len(extract(t)) for t in texts)

    t_scan = best_of(repeat, scan)
    t_extract = best_of(repeat, run_extract)
    return {"chars": chars, "files": len(paths), "mentions": mentions, "scan": t_scan, "extract": t_extract}


def report(label: str, r: dict[str, float]) -> None:
    chars = r["chars"]
    print(f"\n{label}: {r['files']} files, {chars / 1e6:.1f} M characters, {r['mentions']:,} mentions")
    rows = [
        ("(a) regex scan \\d[\\d,.]*", r["scan"]),
        ("(b) extract() in-process", r["extract"]),
        ("(c) python -m pipeline extract", r["command"]),
    ]
    for name, t in rows:
        print(f"  {name:34s} {t:7.2f} s  {chars / t / 1e6:7.2f} M chars/s  {t / r['scan']:6.1f}x the scan's time")
    print(f"  peak RSS of the command: {r['rss'] / 2**20:.0f} MiB")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=3, help="runs per timing; the best is kept (default 3)")
    parser.add_argument("--sizes", type=int, nargs="+", default=[6, 12], help="corpus sizes in MB (default 6 12)")
    args = parser.parse_args()
    results: dict[int, dict[str, float]] = {}
    with tempfile.TemporaryDirectory(prefix="bench_extract_") as tmp:
        corpora = {}
        for mb in args.sizes:
            folder = Path(tmp) / f"{mb}mb"
            folder.mkdir()
            corpora[mb] = build_corpus(folder, mb)
        for mb, paths in corpora.items():
            results[mb] = measure_command(paths, args.repeat)
        for mb, paths in corpora.items():
            results[mb].update(measure_in_process(paths, args.repeat))
            report(f"{mb} MB corpus", results[mb])
    print(
        f"\nRUSAGE_CHILDREN peak RSS over all runs: "
        f"{resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024:.0f} MiB"
    )
    if len(results) > 1:
        small, big = min(results), max(results)
        print(
            f"peak RSS {big} MB vs {small} MB corpus: {results[big]['rss'] / results[small]['rss']:.2f}x "
            f"(flat memory: one document at a time)"
        )
    biggest = results[max(results)]
    speed = biggest["chars"] / biggest["command"]
    print(f"whole command on {max(results)} MB: {speed / 1e6:.2f} M chars/s (goal 2.00)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

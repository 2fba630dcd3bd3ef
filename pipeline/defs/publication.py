"""The end of a run: the working copy of the warehouse and the staged release swapped in together, or not at all.

The two swaps are two renames, so a ``kill -9`` could land between them. They
are therefore written down first, in a small journal beside the warehouse
(``.figures.duckdb.commit``): which working copy replaces the warehouse, which
staged folder replaces the release. The journal is applied, then removed. A
run killed in between leaves the journal behind, and the next run (or command)
finishes the publication before doing anything else (it rolls forward), so the
warehouse and the release always end up from the same run.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from pipeline.release.publish import recover, swap_in
from pipeline.store.working_copy import WarehouseError, publish_working_copy


def journal_path(published: Path) -> Path:
    """Where the publication journal of warehouse ``published`` lives."""
    return published.with_name(f".{published.name}.commit")


def _write_journal(path: Path, entries: dict[str, object]) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", encoding="utf-8") as handle:
        json.dump(entries, handle)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)


def publish_together(working: Path, published: Path, releases: list[tuple[Path, Path]]) -> None:
    """Swap in the warehouse copy and the staged releases (staging, target), journaled so that it completes."""
    journal = journal_path(published)
    _write_journal(
        journal,
        {"warehouse": [str(working), str(published)], "releases": [[str(s), str(t)] for s, t in releases]},
    )
    roll_forward(published)


def roll_forward(published: Path) -> bool:
    """Finish a publication a killed run began (if its journal is there); return whether there was one."""
    journal = journal_path(published)
    if not journal.exists():
        return False
    try:
        entries = json.loads(journal.read_text(encoding="utf-8"))
        working, target = (Path(p) for p in entries["warehouse"])
        releases = [(Path(s), Path(t)) for s, t in entries["releases"]]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise WarehouseError(journal, f"the publication journal cannot be read ({exc}); remove it to go on") from exc
    if working.exists():
        publish_working_copy(working, target)
    for staging, release in releases:
        try:
            if staging.exists():
                swap_in(staging, release)
            else:
                recover(release)  # killed inside the swap: put the folder back where it belongs
        except OSError as exc:
            problem = f"cannot be replaced by this run's release ({exc.strerror}: {exc.filename}); the next run retries"
            raise WarehouseError(release, problem) from exc
    journal.unlink()
    return True

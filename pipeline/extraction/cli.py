"""``python -m pipeline extract PATH... [--format csv|jsonl]``: mentions of files, one row each.

Documents are read one at a time as UTF-8 exactly as stored (no newline
translation), so offsets index the file's text. A path that cannot be read is
reported on ``err`` and skipped; the exit status is then 1.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TextIO

from pipeline.extraction.extractor import extract
from pipeline.extraction.model import FIELDS, Mention

COLUMNS: tuple[str, ...] = ("doc", *FIELDS)


@dataclass(frozen=True)
class ExtraColumns:
    """Columns appended to every row: their names, and a function of (document text, its mentions)
    giving one tuple of values per mention, in order. Keeps this module free of what computes them."""

    names: tuple[str, ...]
    compute: Callable[[str, Sequence[Mention]], list[tuple[object, ...]]]


def _rows(doc: str, mentions: Iterable[Mention]) -> Iterable[tuple[object, ...]]:
    for m in mentions:
        yield (
            doc,
            m.start,
            m.end,
            m.text,
            m.kind,
            m.value,
            m.unit,
            m.approx,
            m.sentence_start,
            m.sentence_end,
            m.sentence,
        )


def _read(path: str) -> str:
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


def run_extract(paths: list[str], fmt: str, out: TextIO, err: TextIO, extra: ExtraColumns | None = None) -> int:
    """Write the mentions of every file in ``paths`` to ``out`` as ``csv`` or ``jsonl``.

    ``extra`` appends more columns (the command's ``--enrich``). Returns 0, or 1
    if some path could not be read (each such path gets one line on ``err``).
    """
    columns = COLUMNS + (extra.names if extra else ())
    if fmt not in ("csv", "jsonl"):
        err.write(f"extract: unknown format {fmt!r} (use csv or jsonl)\n")
        return 2
    writer = csv.writer(out, lineterminator="\n") if fmt == "csv" else None
    if writer is not None:
        writer.writerow(columns)
    status = 0
    for path in paths:
        try:
            text = _read(path)
        except UnicodeDecodeError as exc:
            err.write(f"extract: {path}: not valid UTF-8 ({exc.reason} at byte {exc.start})\n")
            status = 1
            continue
        except OSError as exc:
            err.write(f"extract: {path}: {exc.strerror or exc}\n")
            status = 1
            continue
        doc = os.path.splitext(os.path.basename(path))[0]
        mentions = extract(text)
        rows: Iterable[tuple[object, ...]] = _rows(doc, mentions)
        if extra is not None:
            rows = (row + more for row, more in zip(rows, extra.compute(text, mentions), strict=True))
        try:
            if writer is not None:
                writer.writerows(rows)
            else:
                out.writelines(
                    json.dumps(dict(zip(columns, row, strict=True)), ensure_ascii=False) + "\n" for row in rows
                )
        except BrokenPipeError:  # the reader went away (``| head``): stop quietly
            _silence(out)
            return status
    return status


def _silence(out: TextIO) -> None:
    """Point ``out``'s file descriptor at /dev/null so that the final flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, out.fileno())
    except (OSError, ValueError, AttributeError):
        pass

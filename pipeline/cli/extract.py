"""``python -m pipeline extract PATH... [--format csv|jsonl]``: mentions of files, one row each.

Documents are read one at a time as UTF-8 exactly as stored (no newline
translation), so offsets index the file's text. A file in a sources folder is
read against its recorded publication date, as the pipeline reads it. A path
that cannot be read is reported on ``err`` and skipped; the exit status is then 1.
"""

from __future__ import annotations

import csv
import errno
import json
import os
import stat
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from pipeline.common.vocabulary import ENRICHMENT_COLUMNS
from pipeline.enrichment.rows import mention_row, mention_rows
from pipeline.extraction import FIELDS, extract

if TYPE_CHECKING:
    from pipeline.places.gazetteer import Gazetteer

#: The gold files' columns, then the sentence; ``--enrich`` appends ``ENRICHMENT_COLUMNS``.
COLUMNS: tuple[str, ...] = ("doc", *FIELDS)


def _read(path: str) -> str:
    """The text of a regular file (a FIFO or a device would block or never end: refused)."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)  # opening a FIFO must not wait for a writer
    with os.fdopen(fd, "rb") as raw:
        if not stat.S_ISREG(os.fstat(raw.fileno()).st_mode):
            raise OSError(errno.EINVAL, "not a regular file")
        data = raw.read()
    return data.decode("utf-8")


def load_enrichment_gazetteer(err: TextIO) -> Gazetteer | None:
    """The project's gazetteer (``$FIGURES_SOURCES_DIR/regions.yaml``), or None after a line on ``err``."""
    from pipeline.common import settings
    from pipeline.common.errors import InputError
    from pipeline.curation.regions import load_gazetteer

    try:
        return load_gazetteer(settings.sources_dir())
    except InputError as exc:
        err.write(f"extract: {exc}\n")
        return None


class PublishedDates:
    """The recorded publication date of a file that lies in a sources folder (its ``provenance.yaml``), if any.

    So that ``extract`` reads a source document as the pipeline does. A folder
    whose provenance cannot be read gets one warning on ``err`` and no dates.
    """

    def __init__(self, err: TextIO) -> None:
        self._err = err
        self._folders: dict[Path, dict[str, str | None]] = {}

    def of(self, path: str) -> str | None:
        """The ``published`` date recorded for ``path``, or None."""
        file = Path(path)
        folder = file.resolve().parent
        if folder not in self._folders:
            self._folders[folder] = self._read(folder)
        return self._folders[folder].get(file.name)

    def _read(self, folder: Path) -> dict[str, str | None]:
        from pipeline.common.errors import InputError
        from pipeline.sources.documents import PROVENANCE_FILE, read_provenance

        if not (folder / PROVENANCE_FILE).is_file():
            return {}
        try:
            return {name: p.published for name, p in read_provenance(folder).items()}
        except InputError as exc:
            self._err.write(f"extract: {exc}; its documents are read without their publication dates\n")
            return {}


def _document_rows(doc: str, text: str, published: str | None, gazetteer: Gazetteer | None) -> list[dict[str, object]]:
    if gazetteer is not None:
        return mention_rows(doc, text, gazetteer, published)
    return [mention_row(doc, m) for m in extract(text, published)]


def run_extract(paths: list[str], fmt: str, out: TextIO, err: TextIO, gazetteer: Gazetteer | None = None) -> int:
    """Write the mentions of every file in ``paths`` to ``out`` as ``csv`` or ``jsonl``.

    With a ``gazetteer`` the enrichment columns are appended (the command's
    ``--enrich``), computed as the ``mentions`` table's are. Returns 0, or 1 if
    some path could not be read (each such path gets one line on ``err``).
    """
    columns = COLUMNS + (ENRICHMENT_COLUMNS if gazetteer is not None else ())
    keys = ("doc_id", *columns[1:])
    if fmt not in ("csv", "jsonl"):
        err.write(f"extract: unknown format {fmt!r} (use csv or jsonl)\n")
        return 2
    writer = csv.writer(out, lineterminator="\n") if fmt == "csv" else None
    if writer is not None:
        writer.writerow(columns)
    status = 0
    dates = PublishedDates(err)
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
        rows = [tuple(row[k] for k in keys) for row in _document_rows(doc, text, dates.of(path), gazetteer)]
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

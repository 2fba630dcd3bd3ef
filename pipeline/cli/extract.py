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

from pipeline.cli.progress import progress
from pipeline.common.vocabulary import ENRICHMENT_COLUMNS
from pipeline.convert import SUFFIXES, ConversionError, ConvertedText, convert
from pipeline.enrichment.rows import mention_row, mention_rows
from pipeline.extraction import FIELDS, extract

if TYPE_CHECKING:
    from pipeline.places.gazetteer import Gazetteer

#: The gold files' columns, then the sentence and the page; ``--enrich`` appends ``ENRICHMENT_COLUMNS``.
COLUMNS: tuple[str, ...] = ("doc", *FIELDS, "page")


def _read(path: str) -> ConvertedText:
    """The text of a regular file (a FIFO or a device would block or never end: refused), converted as the
    pipeline converts its sources (PDF, HTML); a file of another extension is read as UTF-8 text."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)  # opening a FIFO must not wait for a writer
    with os.fdopen(fd, "rb") as raw:
        if not stat.S_ISREG(os.fstat(raw.fileno()).st_mode):
            raise OSError(errno.EINVAL, "not a regular file")
        data = raw.read()
    file = Path(path)
    if file.suffix.lower() in SUFFIXES:
        return convert(file, data)
    return ConvertedText(text=data.decode("utf-8"), format="text", converter="utf-8")


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
    """The recorded publication date of a source document (its ``<file>.provenance.yaml`` beside it), if any.

    So that ``extract`` reads a source document as the pipeline does. A
    provenance file that cannot be read gets one warning on ``err`` and no date.
    """

    def __init__(self, err: TextIO) -> None:
        self._err = err

    def of(self, path: str) -> str | None:
        """The ``published`` date recorded for ``path``, or None."""
        from pipeline.common.errors import InputError
        from pipeline.sources.documents import provenance_path, read_provenance_file

        record = provenance_path(Path(path))
        if not record.is_file():
            return None
        try:
            return read_provenance_file(record).published
        except InputError as exc:
            self._err.write(f"extract: {exc}; {path} is read without its publication date\n")
            return None


def _document_rows(
    doc: str, converted: ConvertedText, published: str | None, gazetteer: Gazetteer | None
) -> list[dict[str, object]]:
    pages = converted.page_starts
    if gazetteer is not None:
        return mention_rows(doc, converted.text, gazetteer, published, pages)
    return [mention_row(doc, m, page_starts=pages) for m in extract(converted.text, published)]


def run_extract(
    paths: list[str],
    fmt: str,
    out: TextIO,
    err: TextIO,
    gazetteer: Gazetteer | None = None,
    published: str | None = None,
) -> int:
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
    for path in progress(paths, err, "extract"):
        try:
            converted = _read(path)
        except UnicodeDecodeError as exc:
            err.write(f"extract: {path}: not valid UTF-8 ({exc.reason} at byte {exc.start})\n")
            status = 1
            continue
        except ConversionError as exc:
            err.write(f"extract: {path}: {exc.problem}\n")
            status = 1
            continue
        except OSError as exc:
            err.write(f"extract: {path}: {exc.strerror or exc}\n")
            status = 1
            continue
        doc = os.path.splitext(os.path.basename(path))[0]
        date = published or dates.of(path) or converted.published
        found = _document_rows(doc, converted, date, gazetteer)
        rows = [tuple(row[k] for k in keys) for row in found]
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

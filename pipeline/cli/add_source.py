"""Command-line face of ``add-source`` and ``migrate-sources``: arguments in, one line per file out.

Several files (or folders of documents) are added one after the other, with
a progress bar on a terminal; a file that is refused gets one ``error:`` line
and the others are still added. The exit status is 1 if any file was refused.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from pipeline.cli.progress import progress
from pipeline.common import settings
from pipeline.convert import SUFFIXES
from pipeline.sources.add import NewSource, add_source
from pipeline.sources.documents import PROVENANCE_SUFFIX, SourceError


def expand_files(paths: list[str]) -> list[Path]:
    """The files named, a folder standing for the document files in it (sorted), each once, in order."""
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in SUFFIXES))
        else:
            files.append(path)
    return list(dict.fromkeys(files))


def run_add_source(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Add every document ``args`` names to the configured sources folder; return the exit status."""
    files = expand_files(args.files)
    if not files:
        return _refused(f"{' '.join(args.files)}: no document files ({', '.join(SUFFIXES)}) found", err)
    if len(files) > 1 and (args.title is not None or args.doc_id is not None):
        return _refused("--title and --id name one document; give them with one FILE only", err)
    refused = 0
    for file in progress(files, err, "add-source"):
        refused += _add_one(args, Path(file), out, err)
    if refused == len(files):  # "the others were [added]" would be untrue: there are none
        print("nothing was changed in the sources folder", file=err)
    elif refused:
        noun = "file was" if refused == 1 else "files were"
        print(f"{refused} {noun} refused and not added; the others were", file=err)
    elif files:
        print(f"each document's provenance is in its own <file>{PROVENANCE_SUFFIX}; the next run extracts it", file=out)
    return 1 if refused else 0


def _add_one(args: argparse.Namespace, file: Path, out: TextIO, err: TextIO) -> int:
    """Add one file; 0 if added, 1 (after an ``error:`` line) if refused."""
    new = NewSource(
        file=file,
        title=args.title,
        publisher=args.publisher,
        published=args.published,
        license=args.license,
        url=args.url,
        license_url=args.license_url,
        doc_id=args.doc_id,
    )
    try:
        added = add_source(settings.sources_dir(), new, replace=args.replace)
    except (SourceError, ValueError) as exc:
        print(f"error: {' '.join(str(exc).split())}", file=err)
        return 1
    except OSError as exc:  # a file the checks let through but the system would not read or write
        print(f"error: {exc.filename or file}: {exc.strerror or exc}", file=err)
        return 1
    verb = "replaced" if added.replaced else "added"
    entry = added.entry
    print(
        f"{verb} {added.path} (id {added.doc_id}, {entry['bytes']} bytes, sha256 {entry['sha256']}; "
        f"title {entry['title']!r}, published {entry['published'] or 'none'})",
        file=out,
    )
    return 0


def run_migrate_sources(out: TextIO, err: TextIO) -> int:
    """Split the configured sources folder's shared provenance.yaml; return the exit status."""
    from pipeline.sources.migrate import migrate_sources

    try:
        written = migrate_sources(settings.sources_dir())
    except SourceError as exc:
        return _refused(str(exc), err)
    if not written:
        print(f"{settings.sources_dir()}: nothing to migrate (no provenance.yaml)", file=out)
    for path in written:
        print(f"wrote {path}", file=out)
    return 0


def _refused(message: str, err: TextIO) -> int:
    """Say on ``err`` why nothing was added; return the exit status 1."""
    print(f"error: {' '.join(message.split())}", file=err)
    print("nothing was changed in the sources folder", file=err)
    return 1


__all__ = ["expand_files", "run_add_source", "run_migrate_sources"]

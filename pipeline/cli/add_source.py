"""Command-line face of ``add-source``: arguments in, one line of outcome out, exit status 0 or 1."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from pipeline.common import settings
from pipeline.sources.add import NewSource, add_source
from pipeline.sources.documents import SourceError


def run_add_source(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Add the document described by ``args`` to the configured sources folder; return the exit status."""
    new = NewSource(
        file=Path(args.file),
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
        return _refused(str(exc), err)
    except OSError as exc:  # a file the checks let through but the system would not read or write
        return _refused(f"{exc.filename or new.file}: {exc.strerror or exc}", err)
    verb = "replaced" if added.replaced else "added"
    print(
        f"{verb} {added.path} (id {added.doc_id}, {added.entry['bytes']} bytes, sha256 {added.entry['sha256']})",
        file=out,
    )
    print("its provenance is in provenance.yaml; the next run extracts it (the sources sensor starts one)", file=out)
    return 0


def _refused(message: str, err: TextIO) -> int:
    """Say on ``err`` why nothing was added; return the exit status 1."""
    print(f"error: {' '.join(message.split())}", file=err)
    print("nothing was changed in the sources folder", file=err)
    return 1

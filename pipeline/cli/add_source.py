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
        print(f"error: {exc}", file=err)
        print("nothing was changed in the sources folder", file=err)
        return 1
    verb = "replaced" if added.replaced else "added"
    print(
        f"{verb} {added.path} (id {added.doc_id}, {added.entry['bytes']} bytes, sha256 {added.entry['sha256']})",
        file=out,
    )
    print("its provenance is in provenance.yaml; the next run extracts it (the sources sensor starts one)", file=out)
    return 0

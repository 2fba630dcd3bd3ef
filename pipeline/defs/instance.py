"""The Dagster instance that the UI and the command line share, created from the repository's template when missing.

``make ui`` and ``python -m pipeline run`` both work on the instance in
``settings.dagster_home()`` (``$DAGSTER_HOME``, default ``.dagster_home/``), so a
command-line run appears in the UI's run history and takes turns with the UI's
runs. Whichever comes first creates it: ``dagster_instance.yaml`` (beside this
file) becomes its ``dagster.yaml`` and its SQLite storage is created, at the
current schema (what ``make`` did with ``dagster instance migrate``).
``python -m pipeline.defs.instance`` does only that; the Makefile calls it
before anything else runs.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import sys
from pathlib import Path

import dagster as dg

from pipeline.common import settings

TEMPLATE = Path(__file__).with_name("dagster_instance.yaml")
CONFIG = "dagster.yaml"
_STAGED = ".dagster.yaml.new"  # the template while the storage is being created


def ensure_instance(home: Path) -> None:
    """Make ``home`` an instance configured by the template, its storage created, unless it has a ``dagster.yaml``.

    ``dagster.yaml`` is put in place last, once the storage exists, so its presence means a usable instance.
    Processes creating the same instance at once take turns (a lock on the folder): one creates it, the
    others find it made.
    """
    config = home / CONFIG
    if config.exists():
        return
    home.mkdir(parents=True, exist_ok=True)
    folder = os.open(home, os.O_RDONLY)
    try:
        fcntl.flock(folder, fcntl.LOCK_EX)
        if config.exists():  # made by the process that held the lock before us
            return
        shutil.copyfile(TEMPLATE, home / _STAGED)
        with dg.DagsterInstance.from_config(str(home), config_filename=_STAGED):  # opening creates the storage
            pass
        os.replace(home / _STAGED, config)
    finally:
        os.close(folder)  # and with it the lock


def open_instance(home: Path | None = None) -> dg.DagsterInstance:
    """The persistent instance in ``home`` (default: ``settings.dagster_home()``), created first if missing."""
    home = (home or settings.dagster_home()).expanduser().absolute()
    ensure_instance(home)
    return dg.DagsterInstance.from_config(str(home))


def main(argv: list[str] | None = None) -> int:
    """``python -m pipeline.defs.instance [HOME]``: create the instance in HOME (default: the shared one)."""
    args = sys.argv[1:] if argv is None else argv
    home = (Path(args[0]) if args else settings.dagster_home()).expanduser().absolute()
    ensure_instance(home)
    print(f"Dagster instance: {home}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""``CHANGELOG.md`` of the dataset: every released version with its date and changes, newest first.

Written from the ``changes`` of ``sources/release.yaml`` (Keep a Changelog
layout); dates come from that file, never from the clock.
"""

from __future__ import annotations

from pipeline.release.info import ReleaseInfo

CHANGELOG_FILE = "CHANGELOG.md"


def changelog(info: ReleaseInfo) -> bytes:
    """The changelog as Markdown bytes."""
    lines = [
        f"# Changelog: {info.title}",
        "",
        "Changes to the published data, newest first. Versions follow the project's version in `pyproject.toml`.",
        "",
    ]
    for change in sorted(info.changes, key=lambda c: c.date, reverse=True):
        lines += [f"## [{change.version}] - {change.date}", ""]
        lines += [f"- {note}" for note in change.notes]
        lines.append("")
    return ("\n".join(lines).rstrip("\n") + "\n").encode("utf-8")

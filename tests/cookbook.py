"""The README's cookbook: its SQL queries, read from the section that shows them to users."""

from __future__ import annotations

import re
from pathlib import Path

from pipeline.common.settings import REPO_ROOT

README = REPO_ROOT / "README.md"
_SQL_BLOCK = re.compile(r"```sql\n(.*?)```", re.DOTALL)


def cookbook_queries(readme: Path = README) -> list[str]:
    """Every ```sql block of the README's "### Cookbook" section, in order."""
    text = readme.read_text(encoding="utf-8")
    start = text.index("### Cookbook")
    end = text.find("\n## ", start)
    return [block.strip().rstrip(";") for block in _SQL_BLOCK.findall(text[start : end if end > 0 else None])]

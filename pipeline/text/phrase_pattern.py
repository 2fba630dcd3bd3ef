"""A regular expression matching any of many phrases, longest first, written as a prefix tree.

An alternation of thousands of phrases (``Mexico|Mexican|Mexicans|...``) makes the regex engine try every
branch at every position of the text. The same phrases written as a tree of their common prefixes
(``Mexic(?:an(?:s)?|o)``) try one character at a time, so a position that starts no phrase is left after a
character or two. The match is the same: at each position the longest phrase that matches (and that what
follows the pattern accepts), as an alternation sorted longest first gives.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_END = ""  # the key marking that a phrase ends at a node


def phrase_alternation(phrases: Iterable[str]) -> str:
    """The source of a regex (a non-capturing group) matching any of ``phrases``, preferring the longest one."""
    root: dict[str, dict] = {}
    for phrase in phrases:
        if not phrase:
            raise ValueError("an empty phrase matches everywhere")
        node = root
        for char in phrase:
            node = node.setdefault(char, {})
        node[_END] = {}
    if not root:
        return "(?!)"  # matches nothing
    return "(?:" + _subtree(root) + ")"


def _subtree(node: dict[str, dict]) -> str:
    """The pattern of the phrase endings below ``node``: its branches, optional if a phrase ends at it."""
    branches = [re.escape(char) + _subtree(child) for char, child in sorted(node.items()) if char != _END]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if _END in node:  # the longer phrases are tried first, this one if none of them matches
        return "(?:" + body + ")?"
    return body

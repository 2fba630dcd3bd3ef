"""How the command line reports what went wrong: one line per problem, a traceback only with ``--debug``."""

from __future__ import annotations

import traceback
from typing import TextIO

DEBUG_HINT = "run with --debug for the traceback"


def one_line(text: str) -> str:
    """``text`` on one line: runs of white space (new lines included) become one space."""
    return " ".join(text.split())


def report_unexpected(where: str, exc: BaseException, debug: bool, err: TextIO) -> int:
    """Report an exception the program did not expect (a bug) on ``err``; return the exit status 1.

    One line ``error: <where>: <Type>: <message>``, then the traceback with
    ``debug``, else a line saying how to see it.
    """
    if debug:
        traceback.print_exception(exc, file=err)
    print(f"error: {where}: {type(exc).__name__}: {one_line(str(exc))}", file=err)
    if not debug:
        print(DEBUG_HINT, file=err)
    return 1

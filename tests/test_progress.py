"""Long work shows its progress: a bar on a terminal for the commands, lines in the Dagster logs for the runs."""

from __future__ import annotations

import io
import os

from pipeline.cli.progress import progress
from pipeline.defs.progress import Progress


class _Log:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def info(self, msg: str) -> None:
        self.lines.append(msg)


def test_the_bar_is_drawn_on_a_terminal_with_done_and_total() -> None:
    master, slave = os.openpty()
    with os.fdopen(slave, "w") as terminal:
        assert list(progress(["a", "b", "c"], terminal, "extract")) == ["a", "b", "c"]
    output = os.read(master, 10_000).decode()
    os.close(master)
    assert "extract" in output and "0/3" in output and "file/s" in output  # name, done/total, rate


def test_no_bar_is_written_where_the_output_is_no_terminal() -> None:
    stream = io.StringIO()
    assert list(progress(["a", "b"], stream, "extract")) == ["a", "b"]
    assert stream.getvalue() == ""


def test_the_run_logs_done_total_and_rate_at_the_end() -> None:
    log = _Log()
    steps = Progress(log, total=3, every=3600)
    steps.advance(2)
    assert log.lines == []  # not yet: less than `every` seconds and not all done
    steps.advance(1)
    assert len(log.lines) == 1 and log.lines[0].startswith("documents: 3/3 done (")
    assert "per second" in log.lines[0]


def test_the_run_logs_a_line_every_few_seconds() -> None:
    log = _Log()
    steps = Progress(log, total=100, every=0.0)
    steps.advance(1)
    steps.advance(1)
    assert [line.split(" done")[0] for line in log.lines] == ["documents: 1/100", "documents: 2/100"]

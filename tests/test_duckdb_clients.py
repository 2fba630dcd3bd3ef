"""DuckDB 1.x clients open the warehouse: the command-line client and an older Python client, pinned.

They are installed from ``tests/clients/duckdb-1x.lock`` (hash-pinned) into a
throwaway virtual environment, never into the project's; the warehouse is
the one a real materialisation of the seeds wrote.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.store.storage import STORAGE_NUMBER, storage_number
from tests.conftest import Project
from tests.cookbook import cookbook_queries

pytestmark = pytest.mark.slow

LOCK = Path(__file__).parent / "clients" / "duckdb-1x.lock"


@pytest.fixture(scope="module")
def clients(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A virtual environment holding the pinned DuckDB 1.x clients; its bin folder."""
    venv = tmp_path_factory.mktemp("duckdb1x") / "venv"
    uv = shutil.which("uv", path=str(Path(sys.executable).parent)) or shutil.which("uv")
    assert uv, "uv (installed by make) is needed to build the clients' environment"
    subprocess.run([uv, "venv", "--quiet", "--python", sys.executable, str(venv)], check=True, timeout=120)
    subprocess.run(
        [
            uv,
            "pip",
            "install",
            "--quiet",
            "--python",
            str(venv / "bin" / "python"),
            "--require-hashes",
            "-r",
            str(LOCK),
        ],
        check=True,
        timeout=600,
    )
    return venv / "bin"


def _cli(clients: Path, database: Path, sql: str) -> list[dict[str, object]]:
    done = subprocess.run(
        [str(clients / "duckdb"), "-readonly", "-json", str(database), "-c", sql],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0 and not done.stderr, done.stderr
    return json.loads(done.stdout or "[]")


def test_the_warehouse_is_written_in_the_storage_format_of_duckdb_1(seeded_project: Project) -> None:
    assert storage_number(seeded_project.database) == STORAGE_NUMBER


def test_the_duckdb_1_command_line_client_reads_every_table(seeded_project: Project, clients: Path) -> None:
    version = subprocess.run([str(clients / "duckdb"), "--version"], capture_output=True, text=True, check=True)
    assert version.stdout.startswith("v1.")
    counts = _cli(clients, seeded_project.database, "select table_name, estimated_size from duckdb_tables()")
    tables = {row["table_name"] for row in counts}
    assert {"documents", "mentions", "mention_places", "claim_checks", "corroboration"} <= tables
    (row,) = _cli(clients, seeded_project.database, "select count(*) as n from mentions")
    assert row["n"] == seeded_project.query("select count(*) from mentions")[0][0]


def test_the_duckdb_1_command_line_client_sees_types_and_keys(seeded_project: Project, clients: Path) -> None:
    columns = {r["column_name"]: r for r in _cli(clients, seeded_project.database, "describe mentions")}
    assert columns["period_start"]["column_type"] == "DATE"
    assert columns["geography"]["column_type"] == "VARCHAR[]"
    assert columns["mention_id"]["key"] == "PRI" and columns["char_start"]["null"] == "NO"


def test_the_duckdb_1_command_line_client_runs_the_cookbook(seeded_project: Project, clients: Path) -> None:
    for sql in cookbook_queries():
        _cli(clients, seeded_project.database, sql)


def test_an_older_duckdb_1_python_client_reads_dates_and_lists(seeded_project: Project, clients: Path) -> None:
    script = (
        "import duckdb, sys\n"
        "con = duckdb.connect(sys.argv[1], read_only=True)\n"
        "print(duckdb.__version__)\n"
        'print(con.execute("select period_start, geography from mentions where geography is not null '
        'and period_start is not null order by mention_id limit 1").fetchone())\n'
    )
    done = subprocess.run(
        [str(clients / "python"), "-c", script, str(seeded_project.database)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    version, row = done.stdout.splitlines()
    assert version == "1.1.3"
    assert row.startswith("(datetime.date(") and "['" in row

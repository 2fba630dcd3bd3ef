"""The Dagster UI as researchers use it: a real `make ui` (`dagster dev`: webserver + daemon) on a loopback port.

One server for the whole module, on a temporary copy of the project with its own
DAGSTER_HOME, which `make` creates as on a fresh checkout; `make` runs in a
process group of its own, as in a terminal, and installs nothing (the test's
virtualenv is taken as it is). The tests read what it printed at start-up, talk
to it through its GraphQL API, the way the UI does, and drive a headless
Chromium to the asset graph page. The server is stopped by its process group id
at the end.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import struct
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from pipeline.common.settings import REPO_ROOT
from pipeline.defs.definitions import ALL_ASSETS_JOB, READ_ONLY_ASSETS, defs
from pipeline.sources.add import NewSource, add_source
from tests.browser import Browser, BrowserError, ensure_chromium
from tests.conftest import SEED_IDS, SEED_SOURCES, Project, project_env
from tests.test_concurrency import overlaps

pytestmark = pytest.mark.server

LOCATION = "migration_figures"  # workspace.yaml
REPOSITORY = "__repository__"
LAYERS = {"sources", "extract", "curate", "marts", "publish"}
STARTUP_TIMEOUT = 300
RUN_TIMEOUT = 300
SENSOR_INTERVAL = 5


@dataclass
class DagsterServer:
    """A running `make ui` (make, then `dagster dev` in its place) and the project copy it works on."""

    url: str
    process: subprocess.Popen[bytes]
    project: Project
    log: Path
    startup: list[str] = field(default_factory=list)  # what it printed until the code location was loaded

    def graphql(self, query: str, variables: dict[str, object] | None = None) -> dict:
        body = json.dumps({"query": query, "variables": variables or {}}).encode()
        request = urllib.request.Request(f"{self.url}/graphql", data=body, headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=60) as response:
            answer = json.load(response)
        assert "errors" not in answer, answer["errors"]
        return answer["data"]

    def log_tail(self) -> str:
        return "\n".join(self.log.read_text(encoding="utf-8", errors="replace").splitlines()[-40:])


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


LOCATION_STATUS = """
{ workspaceOrError { ... on Workspace { locationEntries {
    name loadStatus locationOrLoadError { __typename ... on PythonError { message } } } } } }
"""


def _wait_until_loaded(server: DagsterServer) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            pytest.fail(f"dagster dev exited with {server.process.returncode}:\n{server.log_tail()}")
        try:
            entries = server.graphql(LOCATION_STATUS)["workspaceOrError"]["locationEntries"]
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            entries = []
        for entry in entries:
            loaded = entry["locationOrLoadError"] or {}
            if loaded.get("__typename") == "PythonError":
                pytest.fail(f"code location failed to load: {loaded['message']}")
            if entry["name"] == LOCATION and loaded.get("__typename") == "RepositoryLocation":
                return
        time.sleep(1)
    pytest.fail(f"the Dagster UI did not load {LOCATION} within {STARTUP_TIMEOUT} s:\n{server.log_tail()}")


def stop_ui(process: subprocess.Popen[bytes]) -> None:
    """Stop `make ui` and everything it started, by its process group id."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=30)
    with contextlib.suppress(ProcessLookupError):  # children that outlived the leader share its process group
        os.killpg(process.pid, signal.SIGKILL)


def _without_make_variables(env: dict[str, str]) -> dict[str, str]:
    """``env`` without what an outer `make test` passes down (its jobserver is not this process's to share)."""
    return {key: value for key, value in env.items() if key not in {"MAKEFLAGS", "MFLAGS", "MAKELEVEL"}}


def start_ui(root: Path, env: dict[str, str] | None = None) -> DagsterServer:
    """`make ui` on a new copy of the seed sources under ``root``, as a terminal starts it; returns once it is loaded.

    The instance folder does not exist yet: `make` creates it. ``-o`` keeps `make` from reinstalling the
    virtualenv the tests run in, whatever the dates of the lock and pyproject.toml.
    """
    project = Project(root / "project")
    shutil.copytree(SEED_SOURCES, project.sources)
    project.database.parent.mkdir(parents=True)
    home = root / "dagster_home"
    port = _free_port()
    log = root / "make-ui.log"
    venv = Path(sys.executable).parent.parent
    command = ["make", "--no-print-directory", "-o", f"{venv}/bin/.installed", "ui"]
    command += [f"PORT={port}", f"VENV={venv}", f"DAGSTER_HOME={home}"]
    with open(log, "wb") as log_file:
        process = subprocess.Popen(
            command,
            cwd=REPO_ROOT,
            env={**_without_make_variables(project_env(project, home)), **(env or {})},
            stdin=subprocess.DEVNULL,
            stdout=log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    running = DagsterServer(url=f"http://127.0.0.1:{port}", process=process, project=project, log=log)
    try:
        _wait_until_loaded(running)
    except BaseException:
        stop_ui(process)
        raise
    running.startup = log.read_text(encoding="utf-8", errors="replace").splitlines()
    return running


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DagsterServer]:
    running = start_ui(tmp_path_factory.mktemp("ui"), {"FIGURES_SENSOR_INTERVAL_SECONDS": str(SENSOR_INTERVAL)})
    try:
        yield running
    finally:
        stop_ui(running.process)


LAUNCH = """
mutation($params: ExecutionParams!) { launchRun(executionParams: $params) {
    __typename
    ... on LaunchRunSuccess { run { runId } }
    ... on PythonError { message }
    ... on RunConfigValidationInvalid { errors { message } }
} }
"""
RUN = """
query($runId: ID!) { runOrError(runId: $runId) { ... on Run {
    runId status startTime endTime tags { key value } stepStats { stepKey startTime endTime }
} } }
"""
FINISHED = {"SUCCESS", "FAILURE", "CANCELED"}


def launch_all_assets(server: DagsterServer) -> str:
    """Launch the job that materialises every asset, as the UI's "Materialize all" does; return the run id."""
    params = {
        "selector": {"repositoryLocationName": LOCATION, "repositoryName": REPOSITORY, "jobName": ALL_ASSETS_JOB},
        "runConfigData": {},
    }
    answer = server.graphql(LAUNCH, {"params": params})["launchRun"]
    assert answer["__typename"] == "LaunchRunSuccess", answer
    return answer["run"]["runId"]


def wait_for_runs(server: DagsterServer, run_ids: list[str]) -> list[dict]:
    deadline = time.monotonic() + RUN_TIMEOUT
    while time.monotonic() < deadline:
        runs = [server.graphql(RUN, {"runId": run_id})["runOrError"] for run_id in run_ids]
        if all(run["status"] in FINISHED for run in runs):
            return runs
        time.sleep(1)
    pytest.fail(f"runs {run_ids} did not finish within {RUN_TIMEOUT} s:\n{server.log_tail()}")


def materialisation_metadata(server: DagsterServer, asset: str, run_id: str) -> dict[str, object]:
    query = """
    query($key: AssetKeyInput!) { assetOrError(assetKey: $key) { ... on Asset {
        assetMaterializations(limit: 1) { runId metadataEntries {
            label
            ... on IntMetadataEntry { intValue }
            ... on JsonMetadataEntry { jsonString }
            ... on MarkdownMetadataEntry { mdStr }
            ... on TableSchemaMetadataEntry { schema { columns { name description } } }
        } }
    } } }
    """
    (event,) = server.graphql(query, {"key": {"path": [asset]}})["assetOrError"]["assetMaterializations"]
    assert event["runId"] == run_id
    return {entry.pop("label"): entry for entry in event["metadataEntries"]}


def test_ui_starts_without_a_warning(server: DagsterServer) -> None:
    assert any("Serving dagster-webserver on" in line for line in server.startup), server.startup
    assert [line for line in server.startup if "warning" in line.lower()] == []


def test_ui_lists_every_asset_with_its_description_group_kinds_and_version(server: DagsterServer) -> None:
    query = "{ assetNodes { assetKey { path } description groupName kinds opVersion pools } }"
    nodes = {"/".join(n["assetKey"]["path"]): n for n in server.graphql(query)["assetNodes"]}

    expected = {key.to_user_string() for key in defs.resolve_asset_graph().get_all_asset_keys()}
    assert set(nodes) == expected
    for name, node in nodes.items():
        assert node["description"], name
        assert node["groupName"] in LAYERS, name
        assert node["kinds"] and node["opVersion"], name
        # every step that writes the warehouse takes the one writer's slot; the shards only read it, many at once
        assert node["pools"] == ([] if name in READ_ONLY_ASSETS else ["duckdb"]), name


def test_ui_shows_every_check_as_blocking(server: DagsterServer) -> None:
    query = """{ assetNodes { assetKey { path }
        assetChecksOrError { ... on AssetChecks { checks { name blocking description } } } } }"""
    checks = {
        ("/".join(n["assetKey"]["path"]), c["name"]): c
        for n in server.graphql(query)["assetNodes"]
        for c in n["assetChecksOrError"]["checks"]
    }

    expected = {(k.asset_key.to_user_string(), k.name) for k in defs.resolve_asset_graph().asset_check_keys}
    assert set(checks) == expected
    assert ("documents", "documents_match_sources") in checks
    assert all(check["blocking"] and check["description"] for check in checks.values())


def test_ui_has_the_sources_sensor_on_and_the_daily_refresh_off(server: DagsterServer) -> None:
    selector = {"repositoryLocationName": LOCATION, "repositoryName": REPOSITORY}
    query = """query($r: RepositorySelector!) {
        sensorsOrError(repositorySelector: $r) { ... on Sensors { results { name sensorState { status } } } }
        schedulesOrError(repositorySelector: $r) { ... on Schedules { results {
            name cronSchedule scheduleState { status } } } } }"""
    data = server.graphql(query, {"r": selector})

    sensors = {s["name"]: s["sensorState"]["status"] for s in data["sensorsOrError"]["results"]}
    schedules = {
        s["name"]: (s["cronSchedule"], s["scheduleState"]["status"]) for s in data["schedulesOrError"]["results"]
    }
    assert sensors == {"sources_sensor": "RUNNING"}
    assert schedules == {"daily_refresh": ("0 5 * * *", "STOPPED")}


def test_run_launched_through_the_api_materialises_everything(server: DagsterServer) -> None:
    run_id = launch_all_assets(server)

    (run,) = wait_for_runs(server, [run_id])

    assert run["status"] == "SUCCESS", server.log_tail()
    project = server.project
    assert [r[0] for r in project.query("select doc_id from documents order by doc_id")] == SEED_IDS
    ((n_mentions,),) = project.query("select count(*) from mentions")
    assert n_mentions > 0
    assert (project.exports / "mentions.parquet").is_file()
    metadata = materialisation_metadata(server, "mentions", run_id)
    assert metadata["dagster/row_count"]["intValue"] == n_mentions
    columns = metadata["dagster/column_schema"]["schema"]["columns"]
    assert all(c["description"] for c in columns) and "kind" in {c["name"] for c in columns}
    assert metadata["preview"]["mdStr"].startswith("| mention_id | doc_id |")
    assert sum(json.loads(metadata["mentions_by_kind"]["jsonString"]).values()) == n_mentions


def test_two_runs_launched_together_run_one_after_the_other(server: DagsterServer) -> None:
    run_ids = [launch_all_assets(server), launch_all_assets(server)]

    runs = wait_for_runs(server, run_ids)

    assert [run["status"] for run in runs] == ["SUCCESS", "SUCCESS"], server.log_tail()
    first, second = sorted(runs, key=lambda run: run["startTime"])
    assert second["startTime"] >= first["endTime"]
    steps = sorted(
        (s["startTime"], s["endTime"], f"{run['runId'][:8]}:{s['stepKey']}") for run in runs for s in run["stepStats"]
    )
    assert overlaps(steps) == []
    project = server.project
    assert project.query("select count(*) from documents") == [(len(SEED_IDS),)]
    assert project.query("select count(*) from mentions") == project.query(
        "select sum(n_mentions) from extraction_state"
    )


def _sensor_ticks(server: DagsterServer) -> list[dict]:
    query = """query($s: SensorSelector!) { sensorOrError(sensorSelector: $s) { ... on Sensor {
        sensorState { ticks(limit: 5) { status skipReason runIds } } } } }"""
    selector = {"repositoryLocationName": LOCATION, "repositoryName": REPOSITORY, "sensorName": "sources_sensor"}
    return server.graphql(query, {"s": selector})["sensorOrError"]["sensorState"]["ticks"]


def test_document_added_with_add_source_is_extracted_by_a_sensor_run(server: DagsterServer, tmp_path: Path) -> None:
    deadline = time.monotonic() + RUN_TIMEOUT
    while not _sensor_ticks(server):  # the first tick records the folder as it is
        assert time.monotonic() < deadline, f"the sensor never ticked:\n{server.log_tail()}"
        time.sleep(1)
    file = tmp_path / "005_new_report.txt"
    file.write_text("In 2024, about 2,300 people applied for asylum; 40% were granted.\n", encoding="utf-8")
    add_source(
        server.project.sources,
        NewSource(file=file, title="New report", publisher="Tests", published="2024", license="unknown"),
    )

    run_ids: list[str] = []
    while not run_ids:
        assert time.monotonic() < deadline, f"the sensor requested no run:\n{server.log_tail()}"
        run_ids = [run_id for tick in _sensor_ticks(server) for run_id in tick["runIds"]]
        time.sleep(1)
    (run,) = wait_for_runs(server, run_ids[:1])

    assert run["status"] == "SUCCESS", server.log_tail()
    assert {"key": "dagster/sensor_name", "value": "sources_sensor"} in run["tags"]
    metadata = materialisation_metadata(server, "mentions", run["runId"])
    assert (metadata["documents_extracted"]["intValue"], metadata["documents_reused"]["intValue"]) == (1, 5)
    assert server.project.query("select count(*) from mentions where doc_id = '005_new_report'")[0][0] > 0


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", data[16:24])


LEAF_TEXTS = (
    "Array.from(document.querySelectorAll('body *')).filter(e => !e.children.length).map(e => e.textContent.trim())"
)


def test_browser_shows_the_asset_graph(server: DagsterServer, tmp_path: Path) -> None:
    try:
        chromium = ensure_chromium()
    except BrowserError as exc:
        pytest.fail(f"Debian's chromium is needed to look at the UI and could not be installed: {exc}")
    graph = defs.resolve_asset_graph()
    groups = sorted({node.group_name for node in graph.asset_nodes})
    assets = sorted(key.to_user_string() for key in graph.get_all_asset_keys())
    expanded = ",".join(f"global@global:{group}" for group in groups)  # the graph opens with every group expanded
    screenshot = tmp_path / "asset-graph.png"

    with Browser(chromium, width=1400, height=900) as browser:
        browser.open(f"{server.url}/asset-groups?expanded={urllib.parse.quote(expanded)}")
        deadline = time.monotonic() + 90
        texts: set[str] = set()
        while not set(assets) <= texts and time.monotonic() < deadline:
            time.sleep(0.5)
            texts = set(browser.evaluate(LEAF_TEXTS))
        time.sleep(3)  # let the nodes' materialisation status arrive before the picture is taken
        browser.screenshot(screenshot)

    print(f"asset graph screenshot: {screenshot}")
    assert _png_size(screenshot) == (1400, 900)
    assert "Global asset lineage" in texts
    missing = sorted((set(assets) | set(groups)) - texts)
    assert not missing, f"not drawn on the asset graph page: {missing} (screenshot: {screenshot})"

# Two commands set everything up on a fresh machine with Python 3.11 and pip:
#   make run   — create .venv, install the locked dependencies, materialise every asset
#   make test  — same set-up, then the test suite
# make release regenerates the committed release in warehouse/exports (commit it after changing the extractor).
# make ui opens the Dagster UI on 127.0.0.1:3000; make bench prints the extractor's throughput.

PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
UV_VERSION := 0.13.9
export DAGSTER_HOME := $(CURDIR)/.dagster_home
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: run release test ui bench lint lock clean

$(BIN)/.installed: requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)
	$(BIN)/uv pip install --quiet --python $(BIN)/python --require-hashes --compile-bytecode -r requirements.lock
	$(BIN)/uv pip install --quiet --python $(BIN)/python --no-deps --compile-bytecode -e .
	touch $@

# The instance (run history, pool slots) lives in the git-ignored .dagster_home/;
# its storage is created here once, so two runs started together never race to create it.
$(DAGSTER_HOME)/dagster.yaml: dagster.yaml $(BIN)/.installed
	mkdir -p $(DAGSTER_HOME)
	cp dagster.yaml $@
	$(BIN)/dagster instance migrate > $(DAGSTER_HOME)/migrate.log 2>&1 || { cat $(DAGSTER_HOME)/migrate.log; exit 1; }

run: $(BIN)/.installed $(DAGSTER_HOME)/dagster.yaml
	$(BIN)/python -m pipeline run

# Regenerate the committed release (warehouse/exports/): run it after changing the
# extractor, the schemas or the sources, and commit the result; CI fails otherwise.
release: run

test: $(BIN)/.installed $(DAGSTER_HOME)/dagster.yaml
	$(BIN)/python -m pytest -q

ui: $(BIN)/.installed $(DAGSTER_HOME)/dagster.yaml
	$(BIN)/dagster dev -h 127.0.0.1 -p 3000 -w workspace.yaml

bench: $(BIN)/.installed
	$(BIN)/python bench/bench_extract.py
	$(BIN)/python bench/bench_enrich.py

# ruff check (pyflakes, pycodestyle, isort, bugbear, complexity at most 15) and the formatter's check.
lint: $(BIN)/.installed
	$(BIN)/ruff check pipeline schemas tests bench
	$(BIN)/ruff format --check pipeline schemas tests bench

# Re-pin every dependency (needs the network); commit the result.
lock: $(BIN)/.installed
	$(BIN)/uv pip compile pyproject.toml --extra dev -p 3.11 --generate-hashes -o requirements.lock

clean:
	rm -rf $(VENV) $(DAGSTER_HOME)

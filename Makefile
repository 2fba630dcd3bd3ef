# Two commands set everything up on a fresh machine with Python 3.11 or newer and pip:
#   make run   — create .venv, install the locked dependencies, materialise every asset
#   make test  — same set-up, then the test suite
# make release builds the committed release in warehouse/exports (commit it after changing the extractor, schemas
# or sources); any other run with changed sources writes a +local edition.
# make ui opens the Dagster UI on 127.0.0.1:3000 (make ui PORT=4000 for another port); make bench prints the
# extractor's throughput; make print-python prints the interpreter that creates .venv.

VENV := .venv
BIN := $(VENV)/bin
UV_VERSION := 0.13.9
PORT ?= 3000
TEMPLATE := pipeline/defs/dagster_instance.yaml
export DAGSTER_HOME := $(CURDIR)/.dagster_home
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: run release test test-slow eval-formats eval-enrichment eval-extraction bench-corpus ui port-free print-python bench lint lock clean

# The interpreter that creates .venv: PYTHON if given (it must be Python 3.11 or newer), else the first of
# PYTHON_CANDIDATES on PATH that runs and says it is 3.11 or newer (a pyenv shim of a version that is not
# selected fails to run and is passed over). Where none is found, make stops with one line saying so.
PYTHON_CANDIDATES := python3.14 python3.13 python3.12 python3.11 python3
is_new_python = v=$$("$$p" --version 2>&1) && case "$$v" in "Python 3.1"[1-9]*|"Python 3."[2-9][0-9]*|"Python "[4-9]*) true;; *) false;; esac
python_version = v=$$("$$p" --version 2>&1) && case "$$v" in "Python "*) echo "$$v";; esac
ifdef PYTHON
found_python = $(shell p='$(PYTHON)'; $(is_new_python) && echo "$$p")
given_version = $(shell p='$(PYTHON)'; $(python_version))
no_python = PYTHON=$(PYTHON) $(if $(given_version),is $(given_version),does not run); Python 3.11 or newer is needed: \
	pass PYTHON=/path/to/python3.x
else
found_python = $(shell for p in $(PYTHON_CANDIDATES); do $(is_new_python) && { echo "$$p"; break; }; done)
no_python = no Python 3.11 or newer found on PATH; install one or pass PYTHON=/path/to/python3.x
endif
python = $(or $(found_python),$(error $(no_python)))

# .venv is created once and kept while its Python runs and is 3.11 or newer (make clean, then make, moves it to
# another interpreter); the lock is installed into it again whenever the lock or pyproject.toml changes.
venv_ok = $(shell p='$(BIN)/python'; $(is_new_python) && echo yes)

$(BIN)/.installed: requirements.lock pyproject.toml
	$(if $(venv_ok),,$(python) -m venv --clear $(VENV))
	$(BIN)/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)
	$(BIN)/uv pip install --quiet --python $(BIN)/python --require-hashes --compile-bytecode -r requirements.lock
	$(BIN)/uv pip install --quiet --python $(BIN)/python --no-deps --compile-bytecode -e .
	touch $@

print-python:
	@echo "$(python)"

# The instance (run history, pool slots) lives in the git-ignored .dagster_home/. It is created here, before
# anything runs, and configured anew when the template changes; `python -m pipeline run` creates it the same
# way (pipeline/defs/instance.py) when it is missing.
$(DAGSTER_HOME)/dagster.yaml: $(TEMPLATE) $(BIN)/.installed
	rm -f $@
	$(BIN)/python -m pipeline.defs.instance

run: $(BIN)/.installed $(DAGSTER_HOME)/dagster.yaml
	$(BIN)/python -m pipeline run

# Regenerate the committed release (warehouse/exports/): run it after changing the
# extractor, the schemas or the sources, and commit the result; CI fails otherwise.
release: $(BIN)/.installed $(DAGSTER_HOME)/dagster.yaml
	$(BIN)/python -m pipeline run --release

# The suite a developer runs (about 5 minutes on 2 cores); test-slow runs the rest: the tests that start a
# Dagster webserver and a browser, kill runs, build a larger corpus or install the DuckDB 1.x clients. CI runs both.
test: $(BIN)/.installed $(DAGSTER_HOME)/dagster.yaml
	$(BIN)/python -m pytest -q -m "not slow and not server"

test-slow: $(BIN)/.installed $(DAGSTER_HOME)/dagster.yaml
	$(BIN)/python -m pytest -q -m "slow or server"

# The port is checked first, so a taken one stops make at once, before anything is installed or started.
# `dagster dev` runs in make's place in the terminal's process group (exec), so Ctrl-C reaches it directly.
# Dagster 1.13 marks `dagster dev` as superseded by `dg dev` (package dagster-dg-cli, not in the lock), which
# runs the same code; -W hides that one notice and nothing else.
ui: port-free $(BIN)/.installed $(DAGSTER_HOME)/dagster.yaml
	@exec $(BIN)/python -W 'ignore:Function `dev_command` is superseded:FutureWarning' -m dagster dev \
		-h 127.0.0.1 -p $(PORT) -w workspace.yaml

# Binds 127.0.0.1:PORT the way the webserver does (SO_REUSEADDR) and prints why it cannot, if it cannot.
define PORT_CHECK
import errno, socket, sys
port = sys.argv[1]
sock = socket.socket()
sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
try:
    sock.bind(("127.0.0.1", int(port)))
except (ValueError, OverflowError):
    print(f"PORT={port} is not a port number; pass PORT=1024..65535")
except OSError as exc:
    what = "is taken" if exc.errno == errno.EADDRINUSE else "cannot be used"
    print(f"port {port} on 127.0.0.1 {what} ({exc.strerror}); stop what uses it or pass PORT=another port")
endef
port_problem = $(shell $(python) -c '$(PORT_CHECK)' '$(PORT)')

port-free:
	@$(if $(port_problem),$(error $(port_problem)),:)

# Converts every real PDF and HTML page of ../shared/formats/ (when present) and prints a line per file.
eval-formats: $(BIN)/.installed
	$(BIN)/python bench/eval_formats.py

# Scores subject, geography and period on the four annotated sets of real documents (tests/fixtures/enrichment_blind*).
eval-extraction: $(BIN)/.installed
	$(BIN)/python bench/eval_extraction.py seeds tests/fixtures/extraction tests/fixtures/extraction_blind

eval-enrichment: $(BIN)/.installed
	for set in tests/fixtures/enrichment_blind tests/fixtures/enrichment_blind2 tests/fixtures/enrichment_blind3 \
		tests/fixtures/enrichment_blind4; do \
		echo "$$set"; $(BIN)/python bench/eval_enrichment.py $$set || exit 1; done

bench: $(BIN)/.installed
	$(BIN)/python bench/bench_extract.py
	$(BIN)/python bench/bench_enrich.py
	$(BIN)/python bench/bench_convert_pdf.py
	$(BIN)/python bench/bench_convert_html.py

# The whole pipeline on generated corpora of 1,000, 10,000 and 30,000 documents (SIZES="1000 10000" for fewer).
SIZES ?= 1000 10000 30000
bench-corpus: $(BIN)/.installed
	$(BIN)/python bench/bench_corpus.py $(SIZES)

# ruff check (pyflakes, pycodestyle, isort, bugbear, complexity at most 15) and the formatter's check.
lint: $(BIN)/.installed
	$(BIN)/ruff check pipeline schemas tests bench
	$(BIN)/ruff format --check pipeline schemas tests bench

# Resolve the lock again (needs PyPI; commit the result): one universal lock, with hashes, for every Python from
# 3.11 on and every platform. Versions already in requirements.lock are kept where they still fit (uv prefers
# them); `$(BIN)/uv pip compile ... --upgrade-package NAME` moves one on.
lock: $(BIN)/.installed
	$(BIN)/uv pip compile pyproject.toml --extra dev --universal --python-version 3.11 --generate-hashes -o requirements.lock

clean:
	rm -rf $(VENV) $(DAGSTER_HOME)

# Arctic Smartness portal — every day-to-day command. `make` alone lists them.

PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

# Dependencies are declared in pyproject.toml (runtime in [project], the test and dev groups in
# [dependency-groups]) and pinned by `make lock` in requirements/base.txt (runtime),
# requirements/test.txt (runtime + test) and requirements/dev.txt (+ dev). Installs read only
# those locks with pip; the lock tool, uv, is needed by `make lock` alone, which installs it.
UV_VERSION := 0.13.9
# The Python the locks are resolved for: the oldest 3.11 their pins install on (soupsieve 4.1
# needs 3.11.5). uv would otherwise take 3.11.0 from .python-version.
LOCK_PYTHON := 3.11.5
UV_COMPILE = $(BIN)/uv pip compile --quiet --no-header --python-version $(LOCK_PYTHON) $(LOCK_ARGS) pyproject.toml

.DEFAULT_GOAL := help
.PHONY: help install install-test install-dev pre-commit run serve migrate demo test test-fast lint format check messages lock clean bench-translation bench-search bench bench-fault bench-hostile backup restore

help: ## List the commands
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  make %-12s %s\n", $$1, $$2}'

$(VENV)/.installed: requirements/base.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements/base.txt
	@touch $@

$(VENV)/.installed-test: $(VENV)/.installed requirements/test.txt
	$(BIN)/pip install --quiet -r requirements/test.txt
	@touch $@

$(VENV)/.installed-dev: $(VENV)/.installed-test requirements/dev.txt
	$(BIN)/pip install --quiet -r requirements/dev.txt
	@touch $@

# axe-core and the Nu HTML Checker for the browser tests. --ignore-scripts: vnu-jar's
# postinstall would download a Java runtime; Debian's java is used instead.
node_modules/.installed: package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts
	@touch $@

install: $(VENV)/.installed ## Create the virtualenv and install the locked dependencies

install-test: $(VENV)/.installed-test node_modules/.installed ## Also install the test and lint tools (pip and npm)

install-dev: $(VENV)/.installed-dev node_modules/.installed ## Also install the developer tools (pre-commit, mutmut)

pre-commit: install-dev ## Install the git hooks of .pre-commit-config.yaml (`pre-commit install`)
	$(BIN)/pre-commit install

migrate: install ## Apply migrations, then languages, translation trees and editorial groups
	$(MANAGE) migrate --no-input
	$(MANAGE) setup_localisation

# The address `make run` serves on: the Site record, absolute links, the printed sign-in link.
demo run: export SITE_URL ?= http://$(HOST):$(PORT)

demo: migrate ## Load the demo content and create the local accounts (idempotent)
	$(MANAGE) load_demo_content
	$(MANAGE) create_local_accounts

run: demo ## Set everything up and serve the site on http://127.0.0.1:8000
	$(MANAGE) runserver $(HOST):$(PORT)

serve: install ## Serve under gunicorn with production settings (needs SECRET_KEY)
	$(MANAGE) collectstatic --no-input --verbosity 0
	$(BIN)/gunicorn config.wsgi

# In parallel, one worker per core (TEST_WORKERS=0: in this process). Tests are dealt out one by
# one in pytest-django's order, which keeps the browser tests (they empty the database when
# they end) after the others on every worker. Coverage is measured across the workers and
# held to pyproject.toml's floor.
TEST_WORKERS ?= auto

test: install-test ## Run the whole test suite with coverage (DATABASE_URL picks PostgreSQL)
	$(BIN)/pytest -n $(TEST_WORKERS) --cov --cov-report=term

test-fast: install-test ## Run the suite without the browser tests
	$(BIN)/pytest -m "not browser"

lint: install-test ## Check code style with ruff and the templates with djhtml
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check templates

format: install-test ## Reformat code and templates
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djhtml templates

check: install-test ## Django system checks, missing migrations and message catalogues
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run
	$(MANAGE) check_messages

messages: install-test ## Update every catalogue in locale/ from the templates and code
	$(MANAGE) makemessages --all --no-obsolete --no-location \
		--ignore '$(VENV)/*' --ignore 'staticfiles/*' --ignore 'node_modules/*'
	$(MANAGE) compilemessages --ignore '$(VENV)/*'

# Keeps the pins already in the locks unless pyproject.toml needs others; to upgrade, e.g.
# make lock LOCK_ARGS="--upgrade-package wagtail" (or --upgrade for everything).
lock: ## Re-lock requirements/*.txt from pyproject.toml (installs uv into the virtualenv)
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet uv==$(UV_VERSION)
	$(UV_COMPILE) -o requirements/base.txt
	$(UV_COMPILE) --group test -c requirements/base.txt -o requirements/test.txt
	$(UV_COMPILE) --group dev -c requirements/test.txt -o requirements/dev.txt

bench-translation: install ## Print segments per page type and the source-edit → translation cycle time
	$(PY) bench/translation_cycle.py

bench-search: install ## Search latency p50/p95 at ~10 000 pages (needs an empty PostgreSQL DATABASE_URL)
	$(PY) bench/search_latency.py --pages 10000

bench: install ## Load test under gunicorn at 100 and 10 000 pages (BENCH_ARGS=--quick: 1 000, minutes)
	$(PY) bench/load.py $(BENCH_ARGS)

bench-fault: install ## PostgreSQL restarted and Redis stopped under load: errors and recovery time
	$(PY) bench/fault.py $(FAULT_ARGS)

bench-hostile: install ## 3 600 hostile requests (paths, headers, parameters) against the served site: no 500
	$(PY) bench/hostile.py $(HOSTILE_ARGS)

BACKUP_DIR ?= var/backups

backup: install ## Write the database and media into one archive in BACKUP_DIR (path printed)
	$(MANAGE) backup_site --dir "$(BACKUP_DIR)"

restore: install ## Restore an archive into an empty database: make restore BACKUP=path [REPLACE=1]
	@test -n "$(BACKUP)" || { echo "Name the archive: make restore BACKUP=var/backups/….tar"; exit 2; }
	$(MANAGE) restore_site "$(BACKUP)" $(if $(REPLACE),--replace)

clean: ## Remove the virtualenv, the SQLite database, collected static files and caches
	rm -rf $(VENV) node_modules db.sqlite3 staticfiles .pytest_cache test-artifacts
	find . -name __pycache__ -type d -prune -exec rm -rf {} +

# mshub — the two commands: `make demo` and `make test`. See README.md.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 8000
# Links in mail and calendars (.ics) point here; it follows the served address unless SITE_URL is given.
SITE_URL ?= http://$(HOST):$(PORT)
MANAGE := $(BIN)/python manage.py
# Test processes (pytest-xdist): one per core by default; TEST_WORKERS=0 runs the suite in this process.
TEST_WORKERS ?= auto

.DEFAULT_GOAL := help
.PHONY: help demo serve install install-dev test lint typecheck migrations-check pytest test-postgres \
        messages compilemessages bench bench-load bench-plans bench-burst bench-suggestions bench-papers clean

help:
	@echo "make demo   - set up (venv, install, migrate, demo data) and serve on http://$(HOST):$(PORT)"
	@echo "make test   - lint, type checks, migration check and the whole test suite"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.runtime: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	@touch $@

$(VENV)/.dev: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'
	@touch $@ $(VENV)/.runtime

install: $(VENV)/.runtime
install-dev: $(VENV)/.dev

demo: install
	@mkdir -p var
	$(MANAGE) migrate --noinput
	SITE_URL=$(SITE_URL) $(MANAGE) loaddemo --url http://$(HOST):$(PORT)
	@echo
	@echo "  mshub is running at http://$(HOST):$(PORT)/  (Ctrl-C to stop)"
	@echo
	SITE_URL=$(SITE_URL) $(MANAGE) runserver $(HOST):$(PORT)

serve: install
	SITE_URL=$(SITE_URL) $(MANAGE) runserver $(HOST):$(PORT)

test: install-dev lint typecheck migrations-check pytest

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: install-dev
	$(BIN)/mypy mshub

migrations-check: install-dev
	DJANGO_SETTINGS_MODULE=mshub.settings.test $(BIN)/python manage.py makemigrations --check --dry-run

pytest: install-dev
	$(BIN)/pytest -n $(TEST_WORKERS) --cov --cov-report=term:skip-covered

# The suite again, against PostgreSQL (CI does this; needs DATABASE_URL). The browser suite runs on
# one engine only (make test): what a browser sees does not depend on the database.
test-postgres: install-dev
	@test -n "$(DATABASE_URL)" || (echo "set DATABASE_URL=postgres://…" && exit 2)
	$(BIN)/pytest -n $(TEST_WORKERS) -p no:cacheprovider --no-cov --ignore=tests/browser

messages: install-dev
	cd mshub && ../$(BIN)/python ../manage.py makemessages -l ja --no-obsolete --no-location -i 'migrations/*' -e html,txt,py,md
	cd mshub && ../$(BIN)/python ../manage.py makemessages -d djangojs -l ja --no-obsolete --no-location

compilemessages: install-dev
	cd mshub && ../$(BIN)/python ../manage.py compilemessages

bench: install-dev
	$(BIN)/python bench/run.py
	$(BIN)/python bench/meetings.py
	$(BIN)/python bench/pages.py
	$(BIN)/python bench/archive.py
	$(BIN)/python bench/report_pdf.py
	$(BIN)/python bench/suggestions.py
	$(BIN)/python bench/papers.py

# Topic suggestions against the labelled set: precision, recall, F1 at top-k (docs/topics.md, "Suggestions").
bench-papers: install-dev
	$(BIN)/python bench/papers.py $(BENCH_ARGS)

bench-suggestions: install-dev
	$(BIN)/python bench/suggestions.py $(BENCH_ARGS)

# Requests per second of the public pages under gunicorn, beside nginx serving the same bytes
# (docs/performance.md; needs `apt-get install wrk nginx-light`). DATABASE_URL=postgres://… for PostgreSQL.
bench-load: install-dev
	$(BIN)/python bench/load.py $(BENCH_ARGS)

# The query plans of the largest pages on PostgreSQL, the forum grown 10 times (docs/scaling.md).
bench-plans: install-dev
	@test -n "$(DATABASE_URL)" || (echo "set DATABASE_URL=postgres://…/postgres" && exit 2)
	$(BIN)/python bench/plans.py $(BENCH_ARGS)

# Registration bursts under gunicorn: SQLite, or PostgreSQL with DATABASE_URL (docs/scaling.md).
bench-burst: install-dev
	$(BIN)/python bench/burst.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) var/static .pytest_cache .mypy_cache .ruff_cache .coverage

# Rung: `make run` serves the demo on http://127.0.0.1:8000; `make test` runs every check.
SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
# Django 6.1 needs Python 3.12 or newer: take the first one found.
PYTHON ?= $(firstword $(foreach p,python3.13 python3.12 python3 $(wildcard $(HOME)/.pyenv/versions/3.1[2-9]*/bin/python3),$(shell command -v $(p) >/dev/null 2>&1 && $(p) -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null && echo $(p))))
PG_URL ?= postgres://postgres@127.0.0.1:5432/rung
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test setup media-deps lint typecheck test-sqlite test-postgres browser-deps gettext-deps messages bench clean lock

# Every install takes the exact versions (and file hashes) in requirements.lock; `make lock`
# writes it again from pyproject.toml after a dependency changes.
$(VENV)/.installed: pyproject.toml requirements.lock
	@test -n "$(PYTHON)" || { echo "Rung needs Python 3.12 or newer on PATH."; exit 1; }
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --require-hashes -r requirements.lock
	$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
	@touch $@

lock: $(VENV)/.installed
	$(BIN)/pip-compile --quiet --extra dev --generate-hashes --strip-extras --allow-unsafe \
		--no-emit-index-url --no-emit-find-links -o requirements.lock pyproject.toml

# Translations: the .po catalogues are committed, the .mo files Django reads are built here.
PO_FILES := $(wildcard rung/locale/*/LC_MESSAGES/*.po rung/*/locale/*/LC_MESSAGES/*.po)
MO_FILES := $(PO_FILES:.po=.mo)

setup: $(VENV)/.installed $(MO_FILES) media-deps

$(MO_FILES): %.mo: %.po $(VENV)/.installed
	@$(MAKE) --no-print-directory gettext-deps
	$(PY) manage.py i18n_messages --compile-only

# After changing strings in templates or code: collect them into the catalogues.
messages: setup gettext-deps
	$(PY) manage.py i18n_messages

# The task worker (search vectors, notices, mail) runs beside the web server and stops with
# it, and so does the loop that enqueues the periodic work (digests) every minute.
# gunicorn's control socket (for `gunicornc`) defaults to one path per user, so a second
# `make run` on another port would take it over and remove it on exit: each port gets its own.
run: setup
	$(PY) manage.py migrate --no-input -v0
	$(PY) manage.py demo_content --if-empty
	$(PY) manage.py search_rebuild --missing
	$(PY) manage.py glossary_links -v0
	$(PY) manage.py collectstatic --no-input -v0
	@echo "Rung is running on http://$(HOST):$(PORT)/ (Ctrl-C stops it)"
	$(PY) manage.py db_worker --no-reload --interval 1 & worker=$$!; \
	$(PY) manage.py notifications_due --every 60 & due=$$!; \
	trap 'kill $$worker $$due 2>/dev/null; wait $$worker $$due 2>/dev/null' EXIT INT TERM; \
	$(BIN)/gunicorn rung.wsgi --bind $(HOST):$(PORT) --workers 2 --threads 4 \
		--access-logfile - --graceful-timeout 5 --control-socket var/gunicorn-$(PORT).ctl

# eSpeak NG speaks the demo lessons and a CJK font draws their Chinese slides (docs/learn.md);
# without them the demo lessons are made silent. ffmpeg comes with the imageio-ffmpeg wheel.
media-deps:
	@if ! command -v espeak-ng >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -qi wqy; then \
		if [ "$$(id -u)" = 0 ]; then \
			(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq espeak-ng fonts-wqy-zenhei) >/dev/null; \
		else echo "eSpeak NG is missing and installing it needs root: sudo apt-get install espeak-ng fonts-wqy-zenhei"; fi; \
	fi

browser-deps:
	@if ! command -v chromium >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -qi wqy; then \
		if [ "$$(id -u)" = 0 ]; then \
			(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-zenhei) >/dev/null; \
		else echo "Chromium is missing and installing it needs root: sudo apt-get install chromium"; fi; \
	fi

# GNU gettext runs makemessages (and a test that the catalogues are up to date).
gettext-deps:
	@if ! command -v msgfmt >/dev/null 2>&1 || ! command -v xgettext >/dev/null 2>&1; then \
		if [ "$$(id -u)" = 0 ]; then \
			(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gettext) >/dev/null; \
		else echo "GNU gettext is missing and installing it needs root: sudo apt-get install gettext"; fi; \
	fi

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

typecheck: setup
	$(BIN)/mypy rung

test-sqlite: setup
	env -u DATABASE_URL $(BIN)/pytest -q

test-postgres: setup
	@if $(PY) -c "import psycopg,sys; psycopg.connect('$(PG_URL)'.rsplit('/',1)[0] + '/postgres', connect_timeout=3).close()" 2>/dev/null; then \
		echo "== PostgreSQL =="; DATABASE_URL=$(PG_URL) $(BIN)/pytest -q; \
	elif [ "$$CI" = "true" ]; then echo "PostgreSQL is required in CI but $(PG_URL) is unreachable"; exit 1; \
	else echo "PostgreSQL not reachable at $(PG_URL): skipping the PostgreSQL run"; fi

test: setup browser-deps gettext-deps lint typecheck
	$(PY) manage.py makemigrations --check --dry-run
	@echo "== SQLite =="
	$(MAKE) --no-print-directory test-sqlite
	$(MAKE) --no-print-directory test-postgres

bench: setup
	$(PY) bench/pages.py

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache

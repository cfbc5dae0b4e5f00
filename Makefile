# The README's two commands: `make run` and `make test`. Both are safe to repeat.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint serve setup system-packages

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

# Reinstall only when a requirements file changes.
$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(VENV)/bin/python
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

# HOST and PORT reach the seed (the demo site's address) and ensure_admin (what it prints).
export HOST PORT

setup: $(VENV)/.installed-dev system-packages
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_demo
	@echo "Ctrl+C stops the server."
	$(PY) manage.py ensure_admin

# The Debian packages the PDFs (WeasyPrint's libraries) and the print tests (pdftotext)
# need, installed when missing (.ci/run uses the same script).
system-packages:
	@bash .ci/system-packages

run: setup
	$(PY) manage.py runserver $(HOST):$(PORT)

# The unit and integration tests in parallel, then the real-browser tests (one server).
test: $(VENV)/.installed-dev system-packages
	$(PY) -m pytest -n 2 -m "not e2e" $(PYTEST_ARGS)
	$(PY) -m pytest tests/e2e $(PYTEST_ARGS)

lint: $(VENV)/.installed-dev
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

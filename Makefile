# Two commands do all set-up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python

.PHONY: run test bench lint browser clean

# The Voila template is installed as data files, so a change to it means reinstalling.
$(VENV)/.run-installed: pyproject.toml $(wildcard workbook/jupyter/voila/templates/workbook/*) workbook/jupyter/config/voila.json
	$(PYTHON) -c 'import sys; sys.exit("Python 3.11 or newer is needed" if sys.version_info < (3, 11) else 0)'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .
	touch $@

$(VENV)/.test-installed: pyproject.toml $(VENV)/.run-installed
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

run: $(VENV)/.run-installed
	$(VENV)/bin/workbook serve

browser:
	@sh scripts/ensure-chromium

# The JupyterHub test needs configurable-http-proxy, from the npm registry.
$(VENV)/node/node_modules/.bin/configurable-http-proxy: $(VENV)/.test-installed
	@if command -v npm >/dev/null 2>&1; then \
		npm install --silent --no-audit --no-fund --prefix $(VENV)/node configurable-http-proxy; \
	else \
		echo "npm not found: the JupyterHub test needs configurable-http-proxy (it fails under CI=true)"; \
	fi

test: $(VENV)/.test-installed $(VENV)/node/node_modules/.bin/configurable-http-proxy browser
	$(PY) -m pytest

bench: $(VENV)/.test-installed browser
	$(PY) bench/run.py

lint: $(VENV)/.test-installed
	$(VENV)/bin/ruff check workbook tests
	$(VENV)/bin/ruff format --check workbook tests
	$(VENV)/bin/nbstripout --verify notebooks/*.ipynb

clean:
	rm -rf $(VENV) test-artifacts .pytest_cache

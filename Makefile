# CTO Workbook. Every target makes .venv itself when it is missing.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
DISTRICT ?= sample-suburban
OUT    ?= demo-output
# make lab: the local candidate's parameters and where their workspace lives (LAB_HOME/cto-workbook).
CANDIDATE ?= me
SEED     ?=
LAB_HOME ?= $(CURDIR)
LAB_ARGS ?=
# The repository's Jupyter settings (announcements off, quiet kernels) on top of the user's own.
# JupyterLab refuses to start as root without being told (containers, this CI).
LAB_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root)
JUPYTER_ENV := JUPYTER_CONFIG_PATH=$(CURDIR)/jupyter$(if $(JUPYTER_CONFIG_PATH),:$(JUPYTER_CONFIG_PATH))

.PHONY: demo lab lab-instructor test bench install system-deps web-assets notebooks clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,hub]'
	# jupyter-events asks for jsonschema[format-nongpl], which brings rfc3987-syntax;
	# it builds parsers at import and adds about 2 s to every papermill, nbconvert and
	# kernel start. Nothing here validates RFC 3987 IRIs, and pip check stays clean.
	$(PY) -m pip uninstall --quiet --yes rfc3987-syntax || true
	touch $(STAMP)

install: $(STAMP)

# What the tests need that pip does not bring (browser, proxy). Idempotent.
system-deps:
	@bash scripts/system-deps.sh

# The offline browser assets (MathJax, require.js, widgets, reveal.js) from package-lock.json:
# the portfolio, the slides and the demo never fall back to a CDN, so they need these.
web-assets:
	@if command -v npm >/dev/null 2>&1; then \
	  [ node_modules/.package-lock.json -nt package-lock.json ] || npm ci --no-audit --no-fund --loglevel=error >/dev/null; \
	else echo "npm not found: run 'make system-deps' (it installs Node.js and npm), then 'make demo' again" >&2; exit 1; fi

demo: $(STAMP) web-assets
	$(PY) -m workbook.demo --district $(DISTRICT) --out $(OUT)

# Each notebook's .ipynb from its MyST Markdown source (notebooks/**/*.md): see docs/authoring.md.
notebooks: $(STAMP)
	$(VENV)/bin/workbook notebooks build

# The candidate edition in LAB_HOME/cto-workbook, with your parameters; a notebook you
# changed is never overwritten (new material lands beside it).
lab: $(STAMP)
	$(VENV)/bin/workbook workspace --home "$(LAB_HOME)" --candidate "$(CANDIDATE)" --district "$(DISTRICT)" $(if $(SEED),--seed $(SEED))
	$(JUPYTER_ENV) $(VENV)/bin/jupyter lab --notebook-dir="$(LAB_HOME)/cto-workbook" $(LAB_ROOT) $(LAB_ARGS)

# The instructor edition (solutions filled in), in place.
lab-instructor: $(STAMP)
	$(JUPYTER_ENV) $(VENV)/bin/jupyter lab --notebook-dir=notebooks $(LAB_ROOT) $(LAB_ARGS)

test: $(STAMP) system-deps
	$(PY) -m pytest

bench: $(STAMP)
	$(PY) benchmarks/run_all.py

clean:
	rm -rf $(OUT) .pytest_cache

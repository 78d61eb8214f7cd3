# CTO Workbook. Every target makes .venv itself when it is missing.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
DISTRICT ?= sample-suburban
OUT    ?= demo-output

.PHONY: demo lab test bench install system-deps web-assets notebooks clean

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

lab: $(STAMP)
	$(VENV)/bin/jupyter lab --notebook-dir=notebooks

test: $(STAMP) system-deps
	$(PY) -m pytest

bench: $(STAMP)
	$(PY) benchmarks/run_all.py

clean:
	rm -rf $(OUT) .pytest_cache

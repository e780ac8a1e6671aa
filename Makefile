# Explainer microsite generator. `make site` builds the flagship explainer; `make test` runs the tests.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1
PIP    := $(VENV)/bin/pip install --quiet --disable-pip-version-check

.PHONY: site test lint check serve render clean bench bench-serve screenshots new new-site schemas catalogues

# The exact pins of requirements.txt, then this package (the `explainer` plugin and command) in editable mode.
$(VENV)/.site: requirements.txt pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed")'
	$(PYTHON) -m venv $(VENV)
	$(PIP) -r requirements.txt
	$(PIP) --no-deps --no-build-isolation -e .
	touch $@

$(VENV)/.test: $(VENV)/.site requirements-test.txt
	$(PIP) -r requirements-test.txt
	touch $@

## site: build the explainer into site/, its offline copy into dist/<slug>-offline/ and dist/<slug>-offline.zip,
## and its print edition into dist/<slug>.pdf (Pango for WeasyPrint installed first if root on Debian)
## (each built aside, then swapped in: a failed build keeps the old one)
site: $(VENV)/.site
	@sh scripts/require-pdf.sh
	@$(PY) scripts/build_site.py -f mkdocs.yml -d site --offline mkdocs.offline.yml --dist dist

## check: validate docs/ only (no HTML); exit 1 with every problem listed
check: $(VENV)/.site
	@$(VENV)/bin/explainer check docs

## serve: preview with live reload on every YAML or Markdown edit; the site it serves is written into memory
## (/dev/shm, when it has 1 GiB free): MkDocs writes every page at every save, and a disk makes that slow
SERVE_TMP := $(shell [ -w /dev/shm ] && [ "$$(df -Pk /dev/shm 2>/dev/null | awk 'NR==2 {print $$4}')" -ge 1048576 ] 2>/dev/null && echo /dev/shm)
serve: $(VENV)/.site
	$(if $(SERVE_TMP),TMPDIR=$(SERVE_TMP) )$(VENV)/bin/mkdocs serve

## new: a new YAML file with every field of its kind: make new KIND=event ID=2020-11-26-what-happened [DOCS=docs]
## (refuses a malformed id or one already taken; the same as `explainer new event 2020-11-26-what-happened`)
new: $(VENV)/.site
	@$(VENV)/bin/explainer new "$$KIND" "$$ID" --docs "$(or $(DOCS),docs)"

## new-site: start a new explainer that builds at once: make new-site DIR=../my-explainer
new-site: $(VENV)/.site
	@$(VENV)/bin/explainer new-site "$$DIR"

## schemas: regenerate schemas/*.schema.json, .vscode/settings.json and the guide's table of error messages
schemas: $(VENV)/.site
	@$(VENV)/bin/explainer schemas schemas --vscode .vscode/settings.json --guide-messages

## catalogues: gather the generator's own words into scripts/explainer/i18n/<lang>.po for translators
catalogues: $(VENV)/.site
	@$(VENV)/bin/explainer catalogues

## render: write the generated Markdown pages to build/pages without MkDocs
render: $(VENV)/.site
	@$(VENV)/bin/explainer render docs build/pages

## lint: ruff (check and format), mypy (strict on the package) and the layer contracts (import-linter)
lint: $(VENV)/.test
	$(VENV)/bin/ruff check scripts tests
	$(VENV)/bin/ruff format --check scripts/explainer
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports

## test: the whole test suite; the browser tests need chromium and Java (installed first if root on Debian)
test: $(VENV)/.test
	@sh scripts/require-pdf.sh
	@sh tests/browser/require.sh
	$(PY) -m pytest

## screenshots: each page type at 1280 and 375 px, online and offline, into build/screenshots/ (look at them)
screenshots: $(VENV)/.test site
	@sh tests/browser/require.sh
	$(PY) scripts/screenshots.py --site site --dist dist --out build/screenshots

clean:
	rm -rf site .site.new .site.old build dist

## bench: synthetic explainers at 100, 1,000 and 10,000 events against plain MkDocs; writes BENCHMARKS.md and .json
## (make bench SIZES=100,1000 RUNS=1 for a quick look)
SIZES ?= 100,1000,10000
RUNS ?= 3
bench: $(VENV)/.test
	cd scripts && ../$(PY) -m bench.run --sizes $(SIZES) --runs $(RUNS)

## bench-serve: `make bench`'s `mkdocs serve` figures alone (save to page in Chromium), into BENCHMARKS.md
bench-serve: $(VENV)/.test
	cd scripts && ../$(PY) -m bench.run --serve-only

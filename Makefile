# Explainer microsite generator. `make site` builds the flagship explainer; `make test` runs the tests.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
export NO_MKDOCS_2_WARNING := 1
export PYTHONPATH := $(CURDIR)/scripts
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: site test check serve render clean

$(VENV)/.site: requirements.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed")'
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.test: $(VENV)/.site requirements-test.txt
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $@

## site: build the explainer into site/ (built aside, then swapped in: a failed build keeps the old site)
site: $(VENV)/.site
	rm -rf .site.new
	$(VENV)/bin/mkdocs build --strict --site-dir .site.new
	rm -rf .site.old; if [ -d site ]; then mv site .site.old; fi; mv .site.new site; rm -rf .site.old
	@echo "site: built into site/"

## check: validate docs/ only (no HTML); exit 1 with every problem listed
check: $(VENV)/.site
	@$(PY) -m explainer check docs

## serve: preview with live reload on every YAML or Markdown edit
serve: $(VENV)/.site
	$(VENV)/bin/mkdocs serve

## render: write the generated Markdown pages to build/pages without MkDocs
render: $(VENV)/.site
	@$(PY) -m explainer render docs build/pages

## test: the whole test suite
test: $(VENV)/.test
	$(PY) -m pytest

clean:
	rm -rf site .site.new .site.old build dist

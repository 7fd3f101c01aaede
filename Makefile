# The two commands a newcomer needs: `make serve` and `make test` (`make test-fast` while editing).
# Every target creates .venv and installs the pinned requirements when missing.

PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
RUNTIME_STAMP := $(VENV)/.runtime-installed
DEV_STAMP     := $(VENV)/.dev-installed
JS_STAMP      := tests/js/node_modules/.installed
BENCH_STAMP   := bench/node_modules/.installed
# Says what this machine lacks (and the Debian packages), before anything is installed or run.
DOCTOR := $(PYTHON) -m scripts.tools.doctor
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: serve site check lint test _test test-fast compare bench _bench pdf _pdf lock record pinyin import review clean help

help:
	@echo "make serve  - build and serve the site on http://127.0.0.1:8000 with live reload;"
	@echo "              restarted when a script changes"
	@echo "make site   - strict build into site/"
	@echo "make check  - check every page and data file (errors name file and line)"
	@echo "make test   - run the whole test suite (first says what this machine lacks: README.md, 'The two commands')"
	@echo "make test-fast - make lint, then the unit tests only: in-process, no build, no browser (seconds)"
	@echo "make lint   - ruff (scripts/ and tests/) and mypy (scripts/), as pyproject.toml configures them"
	@echo "make bench  - build, rebuild, page weight, search and Lighthouse figures against a plain"
	@echo "              Material site; writes dist/bench.json and the README block (needs chromium, about 20 min, with the scaling run)"
	@echo "make compare BASE=main - does the working tree build the same site as BASE, byte for byte?"
	@echo "make lock   - re-fingerprint the Chinese source (only for a correction backed by the official text)"
	@echo "make pdf    - write the printed edition, dist/opinions.pdf and dist/opinions.zh.pdf (needs fonts-noto-cjk, Pango)"
	@echo "make import OFFICIAL=file REFERENCE=\"...\" [APPLY=1] - pair the official text with the edition by subject"
	@echo "              and report (dry run); APPLY=1 rebuilds the edition on it (see CONTRIBUTING.md)"
	@echo "make pinyin - draft the pinyin of new glossary terms (GB/T 16159), to check against a dictionary"
	@echo "make record - number new commentary paragraphs (N 5a after N 5) and record each commentary's"
	@echo "              margin numbers and text (TYPO=1: a typo fix, no history entry needed)"
	@echo "make review - list every paragraph and commentary note awaiting an editor, with the reason"

$(PY):
	@$(DOCTOR) venv
	$(PYTHON) -m venv $(VENV)

$(RUNTIME_STAMP): requirements.txt | $(PY)
	$(PY) -m pip install --disable-pip-version-check -q -r requirements.txt
	@touch $@

$(DEV_STAMP): requirements.txt requirements-dev.txt | $(PY)
	$(PY) -m pip install --disable-pip-version-check -q -r requirements-dev.txt
	@touch $@ $(RUNTIME_STAMP)

# Site checks used by the tests (Nu HTML Checker, axe-core), pinned in tests/js/package-lock.json.
$(JS_STAMP): tests/js/package.json tests/js/package-lock.json
	npm ci --prefix tests/js --ignore-scripts --no-audit --no-fund --loglevel=error
	@touch $@

# mkdocs serve --dev-addr 127.0.0.1:8000 --livereload, restarted when anything under scripts/ changes
serve: $(RUNTIME_STAMP)
	$(PY) -m scripts serve --dev-addr 127.0.0.1:8000

site: $(RUNTIME_STAMP)
	$(VENV)/bin/mkdocs build --strict

check: $(RUNTIME_STAMP)
	$(PY) -m scripts check

# The check comes first, then a second make installs and runs: a missing npm or Java is named
# up front, not found inside `npm ci` or halfway through the suite.
test:
	@$(DOCTOR) test
	@$(MAKE) --no-print-directory _test

_test: $(DEV_STAMP) $(JS_STAMP) lint
	$(PY) -m pytest

# ruff, then mypy (incremental: its cache is .cache/mypy); both read pyproject.toml
lint: $(DEV_STAMP)
	$(VENV)/bin/ruff check --quiet .
	$(VENV)/bin/mypy

# lint, then tests/unit/ only (marker `unit`), on every core (pytest-xdist): the loop to run while editing
test-fast: $(DEV_STAMP) lint
	$(PY) -m pytest -q -m unit -n auto tests/unit

# For refactorings: the site built from the working tree against the one BASE builds, git data pinned
BASE ?= main
compare: $(RUNTIME_STAMP)
	$(PY) -m scripts compare --base $(BASE)

lock: $(RUNTIME_STAMP)
	$(PY) -m scripts lock --update

# The official text: a dry run by default (nothing is written); APPLY=1 writes.
import: $(RUNTIME_STAMP)
	@test -n "$(OFFICIAL)" || { echo 'make import: give OFFICIAL=path/to/file (plain text, or the SPP page saved as HTML)'; exit 2; }
	$(PY) -m scripts import "$(OFFICIAL)" $(if $(REFERENCE),--reference "$(REFERENCE)") $(if $(APPLY),--apply) \
		$(if $(CHECKED),--checked "$(CHECKED)") $(if $(ADDRESS),--address "$(ADDRESS)") $(if $(PUBLISHED),--published "$(PUBLISHED)")

# Glossary terms without pinyin get a draft to check (GB/T 16159), written into data/glossary.yml.
pinyin: $(RUNTIME_STAMP)
	$(PY) -m scripts pinyin

# New commentary paragraphs numbered, and the commentary record (data/commentary.lock) rewritten;
# TYPO=1 records a typo fix that needs no history entry.
record: $(RUNTIME_STAMP)
	$(PY) -m scripts record $(if $(TYPO),--typo)

review: $(RUNTIME_STAMP)
	$(PY) -m scripts review

pdf:
	@$(DOCTOR) pdf
	@$(MAKE) --no-print-directory _pdf

_pdf: $(DEV_STAMP)
	$(PY) -m scripts pdf $(PDF_ARGS)

# Lighthouse for `make bench`, pinned in bench/package-lock.json; it drives the system Chromium.
$(BENCH_STAMP): bench/package.json bench/package-lock.json
	npm ci --prefix bench --ignore-scripts --no-audit --no-fund --loglevel=error
	@touch $@

bench:
	@$(DOCTOR) bench
	@$(MAKE) --no-print-directory _bench

_bench: $(DEV_STAMP) $(BENCH_STAMP)
	$(PY) -m scripts bench $(BENCH_ARGS)

clean:
	rm -rf site dist .pytest_cache .cache

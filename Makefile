# One command per job; every target installs what it needs by itself.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SIZES  ?= 100 1000 10000
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)

.PHONY: install tools node-deps browser-deps validate site serve test lint types unit e2e browser bench clean schema same-site

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

install: $(STAMP)

# A Debian package the tests need: $(call need,COMMAND,PACKAGE) installs PACKAGE when
# COMMAND is missing and make runs as root; otherwise it prints the exact command to run
# and fails, rather than letting apt-get fail for a developer who is not root.
define need
	@command -v $(1) >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq $(2); \
	  else echo "error: $(1) is not installed; install it with: sudo apt-get update && sudo apt-get install -y $(2)" >&2; exit 1; fi; }
endef

# Tools the tests drive besides Python packages: pandoc reads the CSL-JSON output.
PANDOC   ?= pandoc
CHROMIUM ?= chromium
tools:
	$(call need,$(PANDOC),pandoc)

# The browser tests drive Debian's Chromium (Playwright's own browsers are not downloaded)
# and inject axe-core; the property tests of the browser scripts run under node with
# fast-check and jsdom.  All three are pinned in tests/browser/package-lock.json.
AXE := tests/browser/node_modules/axe-core/axe.min.js

$(AXE): tests/browser/package.json tests/browser/package-lock.json
	cd tests/browser && npm ci --no-audit --no-fund --loglevel=error
	touch $@

node-deps: $(AXE)

browser-deps: node-deps
	$(call need,$(CHROMIUM),chromium)

validate: install
	$(BIN)/tip-archive validate

site: validate
	$(BIN)/tip-archive build

serve: site
	$(BIN)/tip-archive serve --addr 127.0.0.1:8000

schema: install
	$(BIN)/tip-archive schema -o schema/record.schema.json

ESLINT := tests/browser/node_modules/.bin/eslint --config tests/browser/eslint.config.mjs

# zizmor checks the GitHub Actions workflow (pinned actions, no leftover credentials);
# --offline: it asks no server anything.
ZIZMOR := $(BIN)/zizmor --offline .github/workflows

lint: install node-deps
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests
	$(ESLINT) src/tip_archive/render/assets tests/js
	$(ZIZMOR)

types: install
	$(BIN)/mypy

unit: install tools node-deps
	$(BIN)/pytest -m "not e2e and not browser"

e2e: install tools
	$(BIN)/pytest -m e2e

browser: install browser-deps
	$(BIN)/pytest -m browser

test: install tools browser-deps
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests
	$(ESLINT) src/tip_archive/render/assets tests/js
	$(ZIZMOR)
	$(BIN)/mypy
	$(BIN)/pytest

# Is the built site byte-identical to the one BASE builds? (make same-site BASE=main)
BASE ?= main
same-site: install
	$(BIN)/python tests/same_site.py --base $(BASE)

# Speed benchmark (minutes at 10,000 records): make bench SIZES="100 1000"
bench: install
	$(BIN)/python -m tip_archive.bench --sizes "$(SIZES)"

clean:
	rm -rf site .site-* .bench test-artifacts

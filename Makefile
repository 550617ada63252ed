# The README's two commands are `make site` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin

.PHONY: site test install install-test lint clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install --quiet -e .

install-test: $(BIN)/python
	$(BIN)/pip install --quiet -e ".[test]"
	./scripts/ensure-chromium

## Install and build the sample site into site/
site: install
	$(BIN)/lkip validate
	$(BIN)/lkip build

## Install test dependencies (and Chromium for browser tests when missing), then run the whole suite
test: install-test
	$(BIN)/python -m pytest

clean:
	rm -rf build site .lkip-cache .pytest_cache

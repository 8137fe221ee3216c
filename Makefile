# Two commands for a fresh machine: `make run` and `make test` (see README.md).
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

SEEDS  := ../shared/seeds
export PLANWATCH_DATA_DIR ?= $(CURDIR)/data

.PHONY: run test lint typecheck unit bench clean system-deps

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || python3 -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	@touch $(STAMP)

run: $(STAMP)
	$(BIN)/planwatch outline demo/corpus $(wildcard $(SEEDS))

lint: $(STAMP)
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/ruff format --check src tests bench scripts

typecheck: $(STAMP)
	$(BIN)/mypy

system-deps:
	@scripts/ensure-system-deps.sh

unit: $(STAMP) system-deps
	$(BIN)/pytest

test: lint typecheck unit

bench: $(STAMP)
	$(BIN)/python bench/read.py
	$(BIN)/python bench/extract.py

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache

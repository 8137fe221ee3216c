# Two commands for a fresh machine: `make run` and `make test` (see README.md).
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

NODE   := node_modules/.planwatch-stamp
SEEDS  := ../shared/seeds
export PLANWATCH_DATA_DIR ?= $(CURDIR)/data

.PHONY: run test lint typecheck unit bench clean system-deps

# Front-end packages (ECharts, htmx, Swagger UI) from package-lock.json; the app serves them from here.
# --ignore-scripts: no package runs code at install time.
$(NODE): package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	@touch $(NODE)

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || python3 -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	@touch $(STAMP)

# The demo: a database in ./data (gitignored); the fictional 白鹭市 with 星湖县 and 云岭县, their documents
# (plus the seed documents when ../shared/seeds exists), actual values for 2021-2024, a status summary.
# Every step is idempotent, so `make run` can be run again on the same data directory.
run: $(STAMP) $(NODE)
	$(BIN)/planwatch db upgrade
	$(BIN)/planwatch region import demo/regions.csv
	$(BIN)/planwatch ingest demo/corpus --jobs 2
	@if [ -d $(SEEDS) ]; then $(BIN)/planwatch ingest $(SEEDS) --jobs 2; \
	else echo "$(SEEDS) not found: the seed documents are skipped"; fi
	$(BIN)/planwatch import-observations demo/actuals.csv
	$(BIN)/planwatch status --region 白鹭市 --subregions --plan-only --year 2023
	$(BIN)/planwatch status --summary
	$(BIN)/planwatch publish document --region 星湖县 --indicators
	$(BIN)/planwatch user demo
	$(BIN)/planwatch workflow sync
	$(BIN)/planwatch workflow demo
	$(BIN)/planwatch serve

lint: $(STAMP)
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/ruff format --check src tests bench scripts

typecheck: $(STAMP)
	$(BIN)/mypy

system-deps:
	@scripts/ensure-system-deps.sh

unit: $(STAMP) $(NODE) system-deps
	$(BIN)/pytest

test: lint typecheck unit

bench: $(STAMP)
	$(BIN)/python bench/read.py
	$(BIN)/python bench/extract.py
	$(BIN)/python bench/monitor.py
	$(BIN)/python bench/web.py
	$(BIN)/python bench/report.py

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache

# Two commands do everything on a fresh Debian machine:
#   make run   install what is missing, then run baocao on samples/ into out/baocao.sqlite
#   make test  install what is missing, then run the tests
VENV := .venv
BIN := $(VENV)/bin
DB := out/baocao.sqlite
APT_PACKAGES := tesseract-ocr tesseract-ocr-vie tesseract-ocr-osd poppler-utils fonts-dejavu-core chromium
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
EXAMPLE_QUERY := SELECT f.page_no AS page, f.kind, f.value, f.unit, f.raw, f.section_kind \
  FROM figures f JOIN documents d USING (doc_id) \
  WHERE d.filename = 'khuyencong_p62_p56_scan.pdf' ORDER BY f.figure_id

.PHONY: run test setup system-deps samples bench lint clean

run: setup
	$(BIN)/baocao run samples/ --db $(DB)
	@echo
	@echo 'Example: the figures of the two-page scan, with the section each stands in'
	$(BIN)/baocao query "$(EXAMPLE_QUERY)" --db $(DB)

# The PostgreSQL tests need a server: scripts/test-postgres starts one on loopback
# (installing Debian's postgresql if missing), unless BAOCAO_TEST_PG_URL names one.
test: setup
	url="$${BAOCAO_TEST_PG_URL:-$$(scripts/test-postgres)}" && \
	BAOCAO_TEST_PG_URL="$$url" $(BIN)/pytest -q

setup: system-deps $(VENV)/.installed

# Debian packages: Tesseract with Vietnamese data, poppler, the sample generator's font,
# and Chromium for the tests of `baocao review` pages in a real browser.
system-deps:
	@missing=""; \
	for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	python3 -m venv --help >/dev/null 2>&1 || missing="$$missing python3-venv"; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $@

samples: setup
	$(BIN)/python samples/make_samples.py
	$(BIN)/python samples/make_reports.py
	$(BIN)/python samples/make_degraded.py
	$(BIN)/python samples/make_tables.py

bench: setup
	$(BIN)/python bench/bench_pipeline.py
	$(BIN)/python bench/bench_batch.py
	$(BIN)/python bench/bench_figures.py
	$(BIN)/python bench/bench_cer.py
	$(BIN)/python bench/bench_search.py
	$(BIN)/python bench/bench_hostile.py
	$(BIN)/python bench/bench_tables.py
	$(BIN)/python bench/bench_table_values.py
	$(BIN)/python bench/bench_realdev.py

lint: setup
	$(BIN)/ruff check .

clean:
	rm -rf out .pytest_cache

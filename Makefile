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

.PHONY: run test setup system-deps samples bench bench-memory lint clean i18n

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
	$(BIN)/python samples/make_scantables.py

bench: setup
	$(BIN)/python bench/bench_pipeline.py
	$(BIN)/python bench/bench_batch.py
	$(BIN)/python bench/bench_figures.py
	$(BIN)/python bench/bench_cer.py
	$(BIN)/python bench/bench_search.py
	$(BIN)/python bench/bench_hostile.py
	$(BIN)/python bench/bench_tables.py
	$(BIN)/python bench/bench_table_values.py
	$(BIN)/python bench/bench_table_stage.py
	$(BIN)/python bench/bench_realdev.py

# A 1,000-page scanned document against a 24-page one (about 20 minutes: not in `bench`).
bench-memory: setup
	$(BIN)/python bench/bench_memory.py

# The interface's messages: extract them from the code into the template (.pot), merge them
# into the Vietnamese catalog (.po: new ones come untranslated, changed ones fuzzy; translate
# them there, then run this again), and compile the .mo the program reads. Both are committed;
# tests/test_i18n.py fails while a message has no translation or the .mo is stale.
# Translations handed in as i18n-*.po files at the top (GNU gettext's msgcat) fill the
# messages the catalog has not translated yet; those it has keep their translation.
LOCALE := baocao/locale
PO := $(LOCALE)/vi/LC_MESSAGES/baocao.po
i18n: $(VENV)/.installed
	mkdir -p $(LOCALE)
	$(BIN)/pybabel extract -F babel.cfg --no-default-keywords -k _ -k ngettext:1,2 \
	  --no-location --sort-output --project=baocao --width=100 -o $(LOCALE)/baocao.pot .
	[ -f $(PO) ] || $(BIN)/pybabel init -i $(LOCALE)/baocao.pot -d $(LOCALE) -D baocao -l vi
	$(BIN)/pybabel update -i $(LOCALE)/baocao.pot -d $(LOCALE) -D baocao -l vi --width=100 \
	  --ignore-obsolete
	$(if $(wildcard i18n-*.po),msgcat --use-first $(PO) $(wildcard i18n-*.po) -o $(PO) && \
	  $(BIN)/pybabel update -i $(LOCALE)/baocao.pot -d $(LOCALE) -D baocao -l vi --width=100 \
	  --ignore-obsolete)
	$(BIN)/pybabel compile -d $(LOCALE) -D baocao --statistics

lint: setup
	$(BIN)/ruff check .

clean:
	rm -rf out .pytest_cache

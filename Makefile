# letapis: the two commands of the README, plus a few helpers.
#   make run   install dependencies, build, ingest examples/ into a demo store, serve the web UI
#   make test  install dependencies, build with ASan+UBSan, run every test
SHELL := /bin/bash
JOBS ?= $(shell nproc)
BUILD ?= build
TEST_BUILD ?= build-test
DEMO_DB ?= demo/letapis.db
# The demo store's passphrase. Only for the bundled fictional examples: choose your own
# (or let letapis ask for it) for real data.
DEMO_PASSPHRASE ?= demo-only-passphrase
# The demo web account (admin) that `make run` creates in the demo store.
DEMO_USER ?= demo-admin
DEMO_PASSWORD ?= demo-admin-password
LISTEN ?= 127.0.0.1:8080

FUZZ_BUILD ?= build-fuzz
FUZZ_SECONDS ?= 10
FUZZ_TARGETS := decode_fuzz html_fuzz jsonl_fuzz tokenize_fuzz expressions_fuzz extract_fuzz \
  mime_fuzz pdf_fuzz feed_fuzz date_fuzz numbers_fuzz terms_fuzz names_fuzz case_list_fuzz \
  search_query_fuzz

.PHONY: deps build run test unit-test fuzz fuzz-long peers bench clean

deps:
	@bash scripts/install-deps.sh

build: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release >/dev/null
	@cmake --build $(BUILD) --target letapis -j $(JOBS)

run: build
	@mkdir -p $(dir $(DEMO_DB))
	@export LETAPIS_PASSPHRASE='$(DEMO_PASSPHRASE)' LETAPIS_DB='$(DEMO_DB)'; \
	  if [ ! -f '$(DEMO_DB)' ]; then ./$(BUILD)/letapis init; fi; \
	  ./$(BUILD)/letapis ingest examples/; \
	  ./$(BUILD)/letapis summary; \
	  echo; echo "Demo store: $(DEMO_DB) (passphrase '$(DEMO_PASSPHRASE)')."; \
	  echo "Try, after: export LETAPIS_DB=$(DEMO_DB) LETAPIS_PASSPHRASE='$(DEMO_PASSPHRASE)'"; \
	  echo "  ./$(BUILD)/letapis explain belarus-court-hrodna.txt   # every fact, its sentence and rule"; \
	  echo "  ./$(BUILD)/letapis person 'Alena Savitskaya'         # a dossier with its timeline"; \
	  echo "  ./$(BUILD)/letapis stats political_prisoners         # figures by date and source"; \
	  echo '$(DEMO_PASSWORD)' | ./$(BUILD)/letapis user add '$(DEMO_USER)' --role admin \
	    --password-stdin --exists-ok >/dev/null; \
	  echo; echo "Web UI: http://$(LISTEN)/  log in as '$(DEMO_USER)' with password '$(DEMO_PASSWORD)'"; \
	  echo "(demo account only; add real ones with: letapis user add NAME --role editor)"; \
	  exec ./$(BUILD)/letapis serve --listen '$(LISTEN)'

test: unit-test
	@$(MAKE) --no-print-directory fuzz FUZZ_SECONDS=$(FUZZ_SECONDS)

unit-test: deps
	@cmake -S . -B $(TEST_BUILD) -DCMAKE_BUILD_TYPE=Debug -DLETAPIS_SANITIZE=ON >/dev/null
	@cmake --build $(TEST_BUILD) -j $(JOBS)
	@cd $(TEST_BUILD) && ctest --output-on-failure -j $(JOBS)

# Builds the libFuzzer targets with clang and runs each for FUZZ_SECONDS (make test runs
# them briefly; `make fuzz FUZZ_SECONDS=600` for a real session). Crashes are saved as
# $(FUZZ_BUILD)/crash-* and the run fails.
fuzz: deps
	@cmake -S . -B $(FUZZ_BUILD) -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DLETAPIS_FUZZ=ON >/dev/null
	@cmake --build $(FUZZ_BUILD) -j $(JOBS) --target $(FUZZ_TARGETS)
	@for t in $(FUZZ_TARGETS); do \
	  mkdir -p $(FUZZ_BUILD)/corpus/$$t; cp -n examples/*.txt $(FUZZ_BUILD)/corpus/$$t/ 2>/dev/null; \
	  cp -n fuzz/corpus/$$t/* $(FUZZ_BUILD)/corpus/$$t/ 2>/dev/null; \
	  echo "fuzzing $$t for $(FUZZ_SECONDS)s"; \
	  (cd $(FUZZ_BUILD) && ./$$t -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -print_final_stats=0 \
	     corpus/$$t >/dev/null 2>fuzz-$$t.log) || { tail -40 $(FUZZ_BUILD)/fuzz-$$t.log; exit 1; }; \
	done; echo "fuzzing: no crashes"

# A real fuzzing session: every target for FUZZ_LONG_SECONDS (default 600 s each, about
# an hour and a half for all); the corpus grows in $(FUZZ_BUILD)/corpus (docs/fuzzing.md).
FUZZ_LONG_SECONDS ?= 600
fuzz-long:
	@$(MAKE) --no-print-directory fuzz FUZZ_SECONDS=$(FUZZ_LONG_SECONDS)

# Extraction quality next to compromise and wink-nlp (../shared/peers) on the same texts.
peers: build
	@python3 bench/peers_quality.py --letapis $(BUILD)/letapis

# Throughput benchmarks (Release build in $(BENCH_BUILD)); writes bench/RESULTS.md.
BENCH_BUILD ?= build-bench
BENCH_ARGS ?=
bench: deps
	@cmake -S . -B $(BENCH_BUILD) -DCMAKE_BUILD_TYPE=Release -DLETAPIS_BENCH=ON >/dev/null
	@cmake --build $(BENCH_BUILD) -j $(JOBS) --target letapis letapis_bench web_load search_latency
	@python3 bench/run_bench.py --letapis $(BENCH_BUILD)/letapis --stages $(BENCH_BUILD)/letapis_bench \
	  --web-load $(BENCH_BUILD)/web_load --search-latency $(BENCH_BUILD)/search_latency \
	  --work-persistent $(BENCH_BUILD) $(BENCH_ARGS)

clean:
	rm -rf $(BUILD) $(TEST_BUILD) $(FUZZ_BUILD) $(BENCH_BUILD) demo

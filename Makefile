# letapis: the two commands of the README, plus a few helpers.
#   make run   install dependencies, build, ingest examples/ into a demo store, print a summary
#   make test  install dependencies, build with ASan+UBSan, run every test
SHELL := /bin/bash
JOBS ?= $(shell nproc)
BUILD ?= build
TEST_BUILD ?= build-test
DEMO_DB ?= demo/letapis.db
# The demo store's passphrase. Only for the bundled fictional examples: choose your own
# (or let letapis ask for it) for real data.
DEMO_PASSPHRASE ?= demo-only-passphrase

.PHONY: deps build run test fuzz clean

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
	  echo "Try: LETAPIS_DB=$(DEMO_DB) LETAPIS_PASSPHRASE='$(DEMO_PASSPHRASE)' ./$(BUILD)/letapis explain belarus-court-hrodna.txt"

test: deps
	@cmake -S . -B $(TEST_BUILD) -DCMAKE_BUILD_TYPE=Debug -DLETAPIS_SANITIZE=ON >/dev/null
	@cmake --build $(TEST_BUILD) -j $(JOBS)
	@cd $(TEST_BUILD) && ctest --output-on-failure -j $(JOBS)

clean:
	rm -rf $(BUILD) $(TEST_BUILD) demo

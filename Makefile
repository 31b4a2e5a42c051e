# hizala — the front door. `make` builds and runs the pipeline on seeds/ into output/;
# `make test` runs lint, the whole test suite, and the exports through real clients (pandas,
# translate-toolkit, openpyxl, xmllint, Chromium), installing those it needs.

CARGO ?= cargo
BIN := target/release/hizala

.PHONY: all build run test lint fmt doc bench oracle clean

all: run

build:
	$(CARGO) build --release --locked

run: build
	$(BIN) run seeds --out output

test: lint
	$(CARGO) test --locked --doc
	$(CARGO) test --locked --lib --bins --tests
	bash tests/clients/run.sh

lint:
	$(CARGO) fmt --check
	$(CARGO) clippy --locked --all-targets -- -D warnings
	RUSTDOCFLAGS="-D warnings" $(CARGO) doc --locked --no-deps

fmt:
	$(CARGO) fmt

doc:
	$(CARGO) doc --locked --no-deps

# Builds a ≥100 MB corpus from tests/fixtures/corpora and seeds/ (deterministically, under
# target/bench-corpus) and prints throughput and peak memory per stage and in total, next to
# a read + NFC baseline over the same bytes; and first, the language detectors (ours, whatlang,
# lingua) side by side on the same texts.
bench:
	$(CARGO) bench --locked --features bench-lingua --bench detect
	$(CARGO) bench --locked --bench align
	$(CARGO) bench --locked --bench pipeline

# Regenerates the Java 17 casing table that tests/casing_oracle.rs checks against (needs javac).
oracle:
	javac -d target/oracle tests/oracle/CaseOracle.java
	java -cp target/oracle CaseOracle > tests/oracle/java_casing.tsv

clean:
	$(CARGO) clean
	find output -mindepth 1 ! -name README.md -delete

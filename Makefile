# cbtriage — the two commands a new user runs are `make demo` and `make test`.
# Both install what they need (Debian packages, moto from PyPI) when it is missing.

SHELL        := /bin/bash
SWIFT        ?= swift
BIN          := .build/debug/cbtriage
DEMO_LOG     ?= Fixtures/logs/ecr-auth-expired-push.log
APT_PACKAGES := libcurl4-openssl-dev zlib1g-dev pkg-config libvectorscan-dev libpcre2-dev
PY_PACKAGES  := moto[server] jsonschema markdown-it-py cfn-lint

.PHONY: demo test build build-info install dist lambda-zip release-build install-check deps deps-apt deps-py bench accuracy clean-moto help fuzz test-sanitize

help:
	@echo "make demo   build and diagnose a bundled failing build log"
	@echo "make test   run every test (unit, end-to-end, moto integration)"
	@echo "make bench  one table of ratios vs rg, grep, gzip (release build, generated logs)"
	@echo "make install PREFIX=DIR  release binary (static Swift stdlib), shell completions, man page"
	@echo "make dist   a release tarball with its SHA-256 in dist/"
	@echo "make lambda-zip  dist/cbtriage-lambda.zip for a provided.al2023 Lambda function (docs/lambda.md)"
	@echo "make accuracy  score the diagnosis on the public real-log corpus (Fixtures/real)"
	@echo "make fuzz FUZZ_SECONDS=N  run every libFuzzer target in fuzz/ for N seconds each (docs/fuzzing.md)"
	@echo "make test-sanitize  unit tests under AddressSanitizer, the concurrent parts under ThreadSanitizer (CI runs it)"

deps: deps-apt deps-py

# Install a Debian package only when its files are not there (dpkg -s is cheap).
deps-apt:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

deps-py:
	@if ! command -v moto_server >/dev/null 2>&1 || ! python3 -c 'import moto, flask, flask_cors, jsonschema, markdown_it, cfnlint' >/dev/null 2>&1; then \
	  echo "installing moto_server, jsonschema, markdown-it-py and cfn-lint from PyPI"; \
	  python3 -m pip install -q --disable-pip-version-check $(PY_PACKAGES); \
	fi

# The commit `cbtriage --version` names, written only when it changed (so nothing rebuilds for nothing).
BUILD_COMMIT_HEADER := Sources/CBuildInfo/generated/build_commit.h
build-info:
	@mkdir -p $(dir $(BUILD_COMMIT_HEADER)); \
	commit=$$(git rev-parse --short=12 HEAD 2>/dev/null || echo unknown); \
	if [ -n "$$(git status --porcelain --untracked-files=no 2>/dev/null)" ]; then commit="$$commit-dirty"; fi; \
	line="#define CBT_BUILD_COMMIT \"$$commit\""; \
	if [ "$$(cat $(BUILD_COMMIT_HEADER) 2>/dev/null)" != "$$line" ]; then echo "$$line" > $(BUILD_COMMIT_HEADER); fi

build: deps-apt build-info
	$(SWIFT) build

demo: build
	@echo "\$$ cbtriage analyze $(DEMO_LOG)"
	@$(BIN) analyze $(DEMO_LOG)

# Every test: unit tests, golden files, the end-to-end runs of the built binary and the moto_server
# integration tests. One build (the binary the end-to-end tests run, and the test bundle), then the test
# classes on TEST_WORKERS processes (scripts/run-tests.py; the full XCTest output lands in .build/test-output.txt).
# Under CI=true a skipped test fails the run: nothing is skipped quietly.
TEST_WORKERS ?= $(shell nproc 2>/dev/null || echo 2)
test: deps build
	$(SWIFT) build --build-tests
	@python3 scripts/run-tests.py --workers $(TEST_WORKERS) --output .build/test-output.txt
	@if [ "$$CI" = "true" ] && grep -Eq 'with [1-9][0-9]* tests? skipped|Test Case .* skipped' .build/test-output.txt; then \
	  echo "CI: tests were skipped (see above); failing the run"; exit 1; fi

# Top-1 category per category and overall, near-miss false alarms and failed excerpts without a root cause,
# on the real logs people posted (Fixtures/real); fails below the floor in Fixtures/real/accuracy-floor.
accuracy: build
	python3 scripts/accuracy.py --check

# One table of ratios against rg, grep and gzip measured side by side (docs/performance.md says how to read it).
# MB=512 BIG_COPIES=8 for the issue's sizes; the default (256 MiB) keeps a run near ten minutes here.
bench: deps-apt
	bash bench/run.sh

# libFuzzer targets (fuzz/, a package of its own, never part of cbtriage), each for FUZZ_SECONDS (default 10).
FUZZ_SECONDS ?= 10
fuzz: deps-apt
	FUZZ_SECONDS=$(FUZZ_SECONDS) bash fuzz/run.sh

# Unit tests under AddressSanitizer, and the concurrent parts (summary's collector on several connections, the
# inflate thread, the shared retry quota and rate limits, credential caching) under ThreadSanitizer, each in its
# own scratch path so the normal build is untouched. CI runs it after `make test`. Leak checking stays off:
# LeakSanitizer reports allocations of XCTest, Foundation's Process and the Swift runtime that live until exit
# (docs/fuzzing.md); a sanitizer report of any other kind fails the run.
SANITIZE_UNIT_TESTS ?= FetchTests|ParseTests|AnalyzeTests|ReportTests
SANITIZE_THREAD_TESTS ?= ReportTests|LocalInputLimitsTests|GzipReaderTests|RetryPolicyTests|APIRateLimitsTests|CredentialCachingTests|CurlTransportTests
test-sanitize: deps
	ASAN_OPTIONS=detect_leaks=0:halt_on_error=1 $(SWIFT) test --disable-swift-testing --sanitize=address --scratch-path .build-asan --filter '$(SANITIZE_UNIT_TESTS)'
	TSAN_OPTIONS=halt_on_error=1 $(SWIFT) test --disable-swift-testing --sanitize=thread --scratch-path .build-tsan --filter '$(SANITIZE_THREAD_TESTS)'

# A release binary that needs only glibc, libcurl, zlib, libvectorscan and libpcre2 at run time: the Swift
# runtime is linked in (--static-swift-stdlib), so it runs without the toolchain's directory.
# Exclusivity is checked at run time in debug builds (and every test run); in release its checks cost ~15% of a
# scan (docs/performance.md), so the shipped binary and the benchmark leave them to the debug builds.
RELEASE_FLAGS := --static-swift-stdlib -Xswiftc -enforce-exclusivity=unchecked
export RELEASE_FLAGS
PREFIX  ?= /usr/local
DESTDIR ?=
RELEASE_BIN := .build/release/cbtriage
MANUAL      := .build/plugins/GenerateManual/outputs/report/cbtriage.1
# The manual first, from a debug build: the plugin's own release build would replace the static binary.
release-build: deps-apt build-info
	$(SWIFT) package generate-manual --configuration debug >/dev/null
	$(SWIFT) build -c release $(RELEASE_FLAGS)

# The binary, completions for bash, zsh and fish (generated by the binary itself) and the man page (generated by
# swift-argument-parser from the command definitions).
install: release-build
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 \
	  $(DESTDIR)$(PREFIX)/share/bash-completion/completions $(DESTDIR)$(PREFIX)/share/zsh/site-functions \
	  $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
	install -m 755 $(RELEASE_BIN) $(DESTDIR)$(PREFIX)/bin/cbtriage
	install -m 644 $(MANUAL) $(DESTDIR)$(PREFIX)/share/man/man1/cbtriage.1
	$(RELEASE_BIN) --generate-completion-script bash > $(DESTDIR)$(PREFIX)/share/bash-completion/completions/cbtriage
	$(RELEASE_BIN) --generate-completion-script zsh > $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_cbtriage
	$(RELEASE_BIN) --generate-completion-script fish > $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/cbtriage.fish
	@echo "installed $(DESTDIR)$(PREFIX)/bin/cbtriage ($$($(DESTDIR)$(PREFIX)/bin/cbtriage --version))"

# dist/cbtriage-VERSION-linux-ARCH.tar.gz (what install puts under PREFIX) and its .sha256.
dist: release-build
	@version=$$($(RELEASE_BIN) --version | cut -d' ' -f2); name=cbtriage-$$version-linux-$$(uname -m); \
	stage=.build/dist/$$name; rm -rf $$stage; \
	$(MAKE) --no-print-directory install PREFIX=/ DESTDIR=$$PWD/$$stage >/dev/null; \
	cp README.md $$stage/; mkdir -p dist; \
	tar -C .build/dist -czf dist/$$name.tar.gz $$name; \
	(cd dist && sha256sum $$name.tar.gz > $$name.tar.gz.sha256); \
	echo "dist/$$name.tar.gz"; cat dist/$$name.tar.gz.sha256

# dist/cbtriage-lambda.zip: bootstrap (the release binary) and the libraries provided.al2023 lacks (docs/lambda.md).
lambda-zip: release-build
	bash scripts/build-lambda-zip.sh

# The tarball `make dist` made, checked as a user would get it (scripts/install-check.sh says what). CI runs it.
install-check: dist
	bash scripts/install-check.sh

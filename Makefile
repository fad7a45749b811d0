# Kindling: `make run` and `make test` do all the set-up on a fresh machine.
SWIFT       ?= swift
# One configuration for build and test: optimised (the engine and the lessons
# need it) with testability, so `swift test` reuses the same build.
BUILD_FLAGS ?= -c release -Xswiftc -enable-testing
BIN         := .build/release/kindling
APT_PKGS    := libopenblas-dev libreadline-dev zlib1g-dev libzmq3-dev pkg-config dataset-fashion-mnist
BENCH_PKGS  := time
SUDO        := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)

.PHONY: deps build test run bench kernel-bench clean

deps:
	@missing=""; for p in $(APT_PKGS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

build: deps
	$(SWIFT) build $(BUILD_FLAGS)

test: deps
	$(SWIFT) build --build-tests $(BUILD_FLAGS)
	$(SWIFT) test $(BUILD_FLAGS) --skip-build
	scripts/test-jupyter.sh $(BIN)

# The main job: prepare the digits (download, or Debian's Fashion-MNIST
# offline), then step through lesson 1 on a terminal or replay it otherwise.
run: build
	$(BIN) data
	@if [ -t 0 ]; then $(BIN) step Lessons/01-pixels-and-means.py; else $(BIN) run Lessons/01-pixels-and-means.py; fi

# Engine micro-benchmarks, then the shared workloads side by side with
# CPython + torch + fastai when those import. Plain -O build (no testability).
bench: deps
	@dpkg -s $(BENCH_PKGS) >/dev/null 2>&1 || $(SUDO) apt-get install -y -qq $(BENCH_PKGS)
	$(SWIFT) build -c release --scratch-path .build-bench
	.build-bench/release/kindling-bench
	scripts/bench-workloads.sh .build-bench/release/kindling
	scripts/kernel-bench.sh .build-bench/release/kindling

# The Jupyter kernel beside ipykernel (installed into .venv-test for this only):
# start-up to kernel_info_reply and execute round trips.
kernel-bench: deps
	$(SWIFT) build -c release --scratch-path .build-bench --product kindling
	scripts/kernel-bench.sh .build-bench/release/kindling

clean:
	rm -rf .build .build-bench .venv-test

# One shared, idempotent install step; `make brief` and `make test` build on it.
VENV    ?= .venv
PY      := $(VENV)/bin/python
STAMP   := $(VENV)/.installed
SUDO    := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1

.PHONY: setup system-deps brief test lint typecheck golden clean

setup: system-deps $(STAMP)

# Korean-capable font (Hangul prints as boxes without it), HarfBuzz subsetting (PDF in
# seconds, not tens of seconds, with CJK fonts) and pdftoppm for looking at pages.
system-deps:
	@if ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || ! command -v pdftoppm >/dev/null || ! ls /usr/lib/*/libharfbuzz-subset.so.0 >/dev/null 2>&1; then \
	  echo "installing fonts-noto-cjk (Hangul), libharfbuzz-subset0 (fast font subsetting), poppler-utils"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends fonts-noto-cjk poppler-utils fontconfig libharfbuzz-subset0 >/dev/null && \
	  fc-cache -f >/dev/null; \
	fi

# torch first, pinned: the CPU wheel lies on local disk; unpinned it would pull a CUDA build.
$(STAMP): pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q $$( [ -d /opt/wheels ] && echo --find-links /opt/wheels ) torch==2.13.0
	$(PY) -m pip install -q $$( [ -d /opt/wheels ] && echo --find-links /opt/wheels ) -e '.[dev]'
	touch $(STAMP)

brief: setup
	$(VENV)/bin/briefgen build

test: setup
	$(VENV)/bin/pytest -q

lint: setup
	$(VENV)/bin/ruff check briefgen tests benchmarks
	$(VENV)/bin/ruff format --check briefgen tests benchmarks
	$(VENV)/bin/mypy briefgen

golden: setup
	$(VENV)/bin/python -m tests.regen_golden

clean:
	rm -rf output/*.pdf output/*.html

#!/usr/bin/env bash
# Every held-out figure the README reports, into one folder: run once per release, never tune.
#   benchmarks/heldout.sh OUT_DIR        (from the repository root; textacy via '.[bench]')
set -uo pipefail
OUT=${1:?usage: benchmarks/heldout.sh OUT_DIR}
mkdir -p "$OUT"
PY=${PY:-.venv/bin/python}
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1
git log --oneline -1 > "$OUT/commit.txt"
run() { local name=$1; shift; ( time nice "$PY" "$@" ) > "$OUT/$name.txt" 2>&1; echo "$name: $(grep -c . "$OUT/$name.txt") lines"; }
run korea-test benchmarks/quotes.py --korea test
run korea-fresh benchmarks/quotes.py --korea fresh
run korea-confirm benchmarks/quotes.py --korea confirm
run positions-test benchmarks/positions.py --split test
run positions-confirm benchmarks/positions.py --split confirm
run bottom-line-test benchmarks/bottom_line.py --split test
run polnear-test benchmarks/quotes.py
run duc benchmarks/keyphrases.py

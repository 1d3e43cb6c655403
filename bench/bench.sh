#!/usr/bin/env bash
# Times whole-process builds of a generated corpus, the way the peers in the shared bench README were timed:
# median of RUNS runs, each into a clean output folder, with peak memory.
#
#   bash bench/bench.sh [PAGES ...]        default: 1000 10000
#   RUNS=5 CORPUS_SCRIPT=../shared/bench/make-corpus.py bash bench/bench.sh 1000
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

runs="${RUNS:-5}"
corpus_script="${CORPUS_SCRIPT:-../shared/bench/make-corpus.py}"
work="${BENCH_DIR:-/tmp/site-bench}"
source bench/corpus.sh
sizes=("$@")
[[ ${#sizes[@]} -gt 0 ]] || sizes=(1000 10000)

dotnet publish src/Site -c Release -o "$work/bin" --nologo -v quiet >/dev/null
mkdir -p "$work"

for n in "${sizes[@]}"; do
  corpus="$(ensure_corpus "$n")"
  times=()
  for ((i = 0; i < runs; i++)); do
    rm -rf "$work/out-$n"
    sync
    /usr/bin/time -f "%e %M" -o "$work/time" "$work/bin/Site" build --input "$corpus" --theme theme \
      --output "$work/out-$n" --today 2026-11-27 >/dev/null
    times+=("$(cat "$work/time")")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v n="$n" -v runs="$runs" '
    { t[NR] = $1; m[NR] = $2 }
    END { mid = int((NR + 1) / 2); printf "%6d pages: median %.2f s, peak %d MB (%d runs)\n", n, t[mid], m[mid] / 1024, runs }'
done

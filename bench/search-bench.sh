#!/usr/bin/env bash
# Measures site search: builds the real site and generated corpora of PAGES pages (default 1000 and 10000, the same
# corpus and site.yml as bench/bench.sh), then reports for each, in headless Chromium on a cold page, the bytes a
# first query fetches and the time from the last key to the results (bench/search-bench.mjs), the search data's size,
# and the share of the build that the search data costs (from --verbose).
#
#   bash bench/search-bench.sh [PAGES ...]        default: 1000 10000
#   CHROMIUM_PATH=/path/to/chrome CORPUS_SCRIPT=../shared/bench/make-corpus.py bash bench/search-bench.sh 1000
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

corpus_script="${CORPUS_SCRIPT:-../shared/bench/make-corpus.py}"
work="${BENCH_DIR:-/tmp/site-bench}"
source bench/corpus.sh
sizes=("$@")
[[ ${#sizes[@]} -gt 0 ]] || sizes=(1000 10000)

# Publishing builds src/Site, which also installs the npm packages when missing and writes theme/assets/vendor/.
dotnet publish src/Site -c Release -o "$work/bin" --nologo -v quiet >/dev/null
mkdir -p "$work"

sites=()
rm -rf "$work/search-real"
"$work/bin/Site" build --output "$work/search-real" >"$work/search-build.log" 2>&1 || { cat "$work/search-build.log"; exit 1; }
sites+=("real site=$work/search-real")

for n in "${sizes[@]}"; do
  corpus="$(ensure_corpus "$n")"
  add_search_page "$corpus"
  rm -rf "$work/search-$n"
  "$work/bin/Site" build --input "$corpus" --theme theme --output "$work/search-$n" --today 2026-11-27 --verbose \
    >"$work/search-build.log" 2>&1 || { cat "$work/search-build.log"; exit 1; }
  # The search step runs beside the pages' rendering; its share of the CPU the steps took.
  awk -v n="$n" '/ ms  / { ms = $1; sum += ms; if ($0 ~ /search: /) search += ms }
    END { printf "%s pages: search data %.0f ms of %.0f ms of steps (%.1f %%)\n", n, search, sum, 100 * search / sum }' "$work/search-build.log"
  rm -f "$corpus/search.md"
  sites+=("$n pages=$work/search-$n")
done

node bench/search-bench.mjs "${sites[@]}"

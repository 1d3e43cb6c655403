#!/usr/bin/env bash
# Measures site search: builds the real site and a generated corpus of PAGES pages (default 1000, the same corpus
# and site.yml as bench/bench.sh), then reports for each the search data's size (raw and gzipped) and, in headless
# Chromium, the time from focusing the search box to the index being ready and from a keystroke to the first results.
#
#   bash bench/search-bench.sh [PAGES ...]        default: 1000
#   CHROMIUM_PATH=/path/to/chrome CORPUS_SCRIPT=../shared/bench/make-corpus.py bash bench/search-bench.sh 1000
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

corpus_script="${CORPUS_SCRIPT:-../shared/bench/make-corpus.py}"
work="${BENCH_DIR:-/tmp/site-bench}"
source bench/corpus.sh
sizes=("$@")
[[ ${#sizes[@]} -gt 0 ]] || sizes=(1000)

# Publishing builds src/Site, which also installs the npm packages when missing and writes theme/assets/vendor/minisearch.js.
dotnet publish src/Site -c Release -o "$work/bin" --nologo -v quiet >/dev/null
mkdir -p "$work"

sites=()
rm -rf "$work/search-real"
"$work/bin/Site" build --output "$work/search-real" >"$work/search-build.log" 2>&1 || { cat "$work/search-build.log"; exit 1; }
sites+=("real site=$work/search-real")

for n in "${sizes[@]}"; do
  corpus="$(ensure_corpus "$n")"
  rm -rf "$work/search-$n"
  "$work/bin/Site" build --input "$corpus" --theme theme --output "$work/search-$n" --today 2026-11-27 \
    >"$work/search-build.log" 2>&1 || { cat "$work/search-build.log"; exit 1; }
  sites+=("$n pages=$work/search-$n")
done

node bench/search-bench.mjs "${sites[@]}"

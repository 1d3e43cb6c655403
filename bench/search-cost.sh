#!/usr/bin/env bash
# What the search data costs a build, measured in-process with BenchmarkDotNet (bench/Site.Benchmarks): for each
# corpus size, the whole build into memory with and without the search modules (ReadSearchText in the content
# pass, and the search pipeline), side by side in one run; the Ratio column is the cost. Memory output, so the disk's noise is
# left out and what is measured is the CPU's work. Then the search pipeline's own two steps on one thread
# (SearchPipelineCost: the word places, the index), which tell a change to either apart where whole builds cannot.
#
#   bash bench/search-cost.sh [PAGES ...]        default: 1000 10000
#   JOB=default bash bench/search-cost.sh 1000    BenchmarkDotNet's full job (default: its short one)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

corpus_script="${CORPUS_SCRIPT:-../shared/bench/make-corpus.py}"
work="${BENCH_DIR:-/tmp/site-bench}"
source bench/corpus.sh
sizes=("$@")
[[ ${#sizes[@]} -gt 0 ]] || sizes=(1000 10000)
mkdir -p "$work"
for pages in "${sizes[@]}"; do
  corpus="$(ensure_corpus "$pages")"
  echo "search-cost: $pages pages ($corpus)"
  SITE_BENCH_CORPUS="$corpus" SITE_BENCH_THEME="$PWD/theme" dotnet run -c Release --project bench/Site.Benchmarks -- \
    --filter '*SearchDataCost*' '*SearchPipelineCost*' --job "${JOB:-short}" --artifacts "$work/search-cost-$pages" |
    sed -n '/^| Method/,/^$/p'
done

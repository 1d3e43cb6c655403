#!/usr/bin/env bash
# Pagefind 1.6.0 against our own site search, on the same built sites: the real site (input/) and the generated
# corpora of PAGES pages (default 1000 and 10000, made as bench/search-bench.sh makes them). For each site it prints
# the time and peak memory of `pagefind --site` beside the time our build spent on search data (from --verbose),
# then pagefind-bench.mjs measures both engines in headless Chromium and Pagefind's quality on the evaluation set.
#
#   bash bench/pagefind/pagefind-bench.sh [PAGES ...]        default: 1000 10000
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here/../.."

corpus_script="${CORPUS_SCRIPT:-../shared/bench/make-corpus.py}"
work="${BENCH_DIR:-/tmp/site-bench}"   # shared with the other benches, so the corpora are reused
out="$work/pagefind"                   # our own binary and sites, so a search-bench.sh run beside us is not disturbed
source bench/corpus.sh
sizes=("$@")
[[ ${#sizes[@]} -gt 0 ]] || sizes=(1000 10000)

[[ -x "$here/node_modules/.bin/pagefind" ]] || (cd "$here" && npm ci --no-audit --no-fund >/dev/null)
mkdir -p "$out"
dotnet publish src/Site -c Release -o "$out/bin" --nologo -v quiet >/dev/null

# build NAME DIR ARGS...: our build with --verbose; prints our search-data share, as search-bench.sh reads it.
build() {
  local name="$1" dir="$2"; shift 2
  rm -rf "$dir"
  /usr/bin/time -f '%e %M' -o "$out/time" "$out/bin/Site" build --output "$dir" --verbose "$@" \
    >"$out/build.log" 2>&1 || { cat "$out/build.log"; exit 1; }
  read -r secs kbytes <"$out/time"
  # The search step runs beside the pages' rendering, so its own time is the fair figure, not a difference of builds.
  awk -v n="$name" -v s="$secs" -v m="$kbytes" '/ ms  / { ms = $1; sum += ms; if ($0 ~ /search: /) search += ms }
    END { printf "%s: our build %.2f s, %.0f MB peak; search data %.0f ms of %.0f ms of steps (%.1f %%)\n",
      n, s, m / 1024, search, sum, 100 * search / sum }' "$out/build.log"
}

# index NAME DIR: Pagefind over the pages exactly as our generator wrote them (no data-pagefind-* markup added).
index() {
  /usr/bin/time -f '%e %M' -o "$out/time" "$here/node_modules/.bin/pagefind" --site "$2" >"$out/pagefind.log" 2>&1 \
    || { cat "$out/pagefind.log"; exit 1; }
  read -r secs kbytes <"$out/time"
  local pages words
  pages="$(grep -oE 'Indexed [0-9]+ pages?' "$out/pagefind.log" | grep -oE '[0-9]+' || echo '?')"
  words="$(grep -oE 'Indexed [0-9]+ words?' "$out/pagefind.log" | grep -oE '[0-9]+' || echo '?')"
  echo "$1: pagefind --site ${secs} s, $((kbytes / 1024)) MB peak ($pages pages, $words words indexed)"
}

sites=()
# Base path / (the default, given to be plain): Pagefind's result URLs then compare directly with the pages' URLs.
build "real site" "$out/real" --base-path /
index "real site" "$out/real"
sites+=("real site=$out/real")

for n in "${sizes[@]}"; do
  corpus="$(ensure_corpus "$n")"
  add_search_page "$corpus"
  build "$n pages" "$out/site-$n" --input "$corpus" --theme theme --today 2026-11-27
  rm -f "$corpus/search.md"
  index "$n pages" "$out/site-$n"
  sites+=("$n pages=$out/site-$n")
done

echo
echo "Pagefind in the browser (pages indexed as our generator writes them, no markup changes):"
node "$here/pagefind-bench.mjs" "${sites[@]}"
echo
echo "Our search on the same sites (bench/search-bench.mjs):"
node bench/search-bench.mjs "${sites[@]}"
echo "Our precision at 1 on the evaluation set is reported by the SearchQuality tests (tests/Site.Tests)."

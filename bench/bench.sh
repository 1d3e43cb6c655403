#!/usr/bin/env bash
# Times whole-process builds of a generated corpus, the way the peers in the shared bench README were timed:
# median of RUNS runs, each into a clean output folder, with peak memory. When Hugo is installed (or HUGO names
# it), the same corpus is built with Hugo in the same session, one of ours then one of Hugo's, run by run, so
# the machine's noise falls on both; HUGO=none leaves it out. Hugo's site is bench/hugo/ with the corpus copied
# into its content/ folder once per size (index.md becomes _index.md).
#
# The generator is published the way ./site publishes it: Native AOT when clang and zlib1g-dev are installed,
# ReadyToRun otherwise or with SITE_NATIVE_AOT=0.
#
#   bash bench/bench.sh [PAGES ...]        default: 1000 10000
#   RUNS=5 CORPUS_SCRIPT=../shared/bench/make-corpus.py bash bench/bench.sh 1000
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

runs="${RUNS:-5}"
corpus_script="${CORPUS_SCRIPT:-../shared/bench/make-corpus.py}"
work="${BENCH_DIR:-/tmp/site-bench}"
hugo="${HUGO:-hugo}"
source bench/corpus.sh
sizes=("$@")
[[ ${#sizes[@]} -gt 0 ]] || sizes=(1000 10000)
if [[ "$hugo" == none ]] || ! command -v "$hugo" >/dev/null; then
  hugo=""
fi

if [[ "${SITE_NATIVE_AOT:-}" != 0 ]] && command -v clang >/dev/null &&
  { [[ -e /usr/include/zlib.h ]] || ldconfig -p 2>/dev/null | grep -q 'libz\.so '; }; then
  build=(-p:SiteNativeAot=true) kind="Native AOT"
else
  build=() kind="ReadyToRun"
fi
echo "bench: publishing the generator ($kind)" >&2
rm -rf "$work/bin"
dotnet publish src/Site -c Release "${build[@]}" -o "$work/bin" --nologo -v quiet >/dev/null
mkdir -p "$work"

# hugo_site N CORPUS: Hugo's copy of the corpus, made once; the harness files are refreshed every time.
hugo_site() {
  local site="$work/hugo-$1"
  if [[ ! -f "$site/content/_index.md" ]]; then
    rm -rf "$site"
    mkdir -p "$site/content"
    cp -r "$2/." "$site/content/"
    rm -f "$site/content/site.yml"
    mv "$site/content/index.md" "$site/content/_index.md"
  fi
  cp -r bench/hugo/. "$site/"
  echo "$site"
}

# timed LOG COMMAND...: runs it with its output dropped, appends "seconds peak-KB" to LOG.
timed() {
  local log="$1"
  shift
  sync
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>"$work/stderr" || { cat "$work/stderr" >&2; exit 1; }
  cat "$work/time" >>"$log"
}

# medians LOG: "median-seconds median-peak-MB"
medians() {
  awk '
    function median(a, n,  i, j, t) {
      for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
      return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
    }
    { t[NR] = $1; m[NR] = $2 / 1024 }
    END { printf "%.2f %.0f\n", median(t, NR), median(m, NR) }' "$1"
}

for n in "${sizes[@]}"; do
  corpus="$(ensure_corpus "$n")"
  [[ -z "$hugo" ]] || site="$(hugo_site "$n" "$corpus")"
  : >"$work/ours-$n.log"
  : >"$work/hugo-$n.log"
  for ((i = 0; i < runs; i++)); do
    rm -rf "$work/out-$n"
    timed "$work/ours-$n.log" "$work/bin/Site" build --input "$corpus" --theme theme --output "$work/out-$n" --today 2026-11-27
    if [[ -n "$hugo" ]]; then
      rm -rf "$work/hugo-out-$n"
      timed "$work/hugo-$n.log" "$hugo" --source "$site" --destination "$work/hugo-out-$n" --quiet
    fi
  done
  read -r ours_s ours_mb < <(medians "$work/ours-$n.log")
  if [[ -z "$hugo" ]]; then
    printf '%6d pages: median %.2f s, peak %d MB (%d runs)\n' "$n" "$ours_s" "$ours_mb" "$runs"
  else
    read -r hugo_s hugo_mb < <(medians "$work/hugo-$n.log")
    awk -v n="$n" -v os="$ours_s" -v om="$ours_mb" -v hs="$hugo_s" -v hm="$hugo_mb" -v runs="$runs" 'BEGIN {
      printf "%6d pages: ours median %.2f s, peak %d MB; hugo median %.2f s, peak %d MB; ours/hugo time %.2fx, memory %.2fx (%d runs each, alternating)\n",
        n, os, om, hs, hm, os / hs, om / hm, runs }'
  fi
done

#!/usr/bin/env bash
# Compares published builds of the generator side by side: runs each binary in turn, RUNS rounds, on one input
# folder with the repository's theme, each into a clean output folder, and prints the median wall time, CPU time
# (user + system) and peak memory of each. Alternating spreads the machine's noise over all of them.
#
#   bash bench/compare.sh RUNS INPUT LABEL=BINARY [LABEL=BINARY ...]
#   bash bench/compare.sh 15 input r2r=/tmp/r2r/Site aot=/tmp/aot/Site
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

runs="$1" input="$2"
shift 2
work="${BENCH_DIR:-/tmp/site-bench}/compare"
mkdir -p "$work"
declare -A rows
for ((i = 0; i < runs; i++)); do
  for pair in "$@"; do
    label="${pair%%=*}" binary="${pair#*=}"
    rm -rf "$work/out-$label"
    sync
    /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$binary" build --input "$input" --theme theme \
      --output "$work/out-$label" --today 2026-12-01 >/dev/null 2>"$work/stderr" || { cat "$work/stderr" >&2; exit 1; }
    rows[$label]+="$(cat "$work/time")"$'\n'
  done
done
for pair in "$@"; do
  label="${pair%%=*}"
  printf '%s' "${rows[$label]}" | awk -v label="$label" '
    function median(a, n,  i, j, t) {
      for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
      return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
    }
    { wall[NR] = $1; cpu[NR] = $2 + $3; rss[NR] = $4 }
    END { printf "%-10s wall %.2f s, cpu %.2f s, peak %d MB (medians of %d runs)\n", label, median(wall, NR), median(cpu, NR), median(rss, NR) / 1024, NR }'
done

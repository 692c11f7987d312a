#!/usr/bin/env bash
# Installs what is missing, then runs every test: native Rust, WebAssembly in
# Chromium, the contract, the size budget, and end to end in Chromium in both
# demo and http mode. Exits non-zero if any stage fails.
set -uo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh || exit 1
source scripts/env.sh

passed=0
failed=0
failures=()
stage() {
  local name=$1
  shift
  printf '\n\033[1m==> %s\033[0m\n' "$name"
  local started=$SECONDS
  if "$@"; then
    passed=$((passed + 1))
    echo "--- $name: ok ($((SECONDS - started)) s)"
  else
    failed=$((failed + 1))
    failures+=("$name")
    echo "--- $name: FAILED ($((SECONDS - started)) s)"
  fi
}

stage "native tests (cargo test)" cargo test --locked
stage "browser tests (wasm-bindgen-test in Chromium)" \
  cargo test --locked --target wasm32-unknown-unknown --test web_components --test web_memory
stage "release build" scripts/build.sh
stage "contract (openapi.yaml, demo data, mock backend)" node --test tests/contract/
stage "size report and budget" node scripts/size-report.mjs
stage "end to end (Playwright, demo and http mode)" npx playwright test

echo
[ ${#failures[@]} -eq 0 ] || printf 'failed: %s\n' "${failures[@]}"
echo "stages: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

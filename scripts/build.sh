#!/usr/bin/env bash
# Release build into dist/, with brotli files beside each asset for the server.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
# `split`: each page but home and 404 is its own chunk (scripts/split-wasm.mjs).
trunk build --release --features split
node scripts/precompress.mjs dist

#!/usr/bin/env bash
# Release build into dist/, with brotli files beside each asset for the server.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
trunk build --release
node scripts/precompress.mjs dist

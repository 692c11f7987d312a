#!/usr/bin/env bash
# Installs what is missing, builds the app and serves it on the demo data.
#   scripts/serve.sh [port]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
port=${1:-8080}
echo
echo "酉新送暖 is running on the demo data: http://127.0.0.1:$port/"
echo "(edit dist/config.json to point at a backend; Ctrl-C stops)"
exec node scripts/serve-dist.mjs --port "$port" --dir dist

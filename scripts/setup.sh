#!/usr/bin/env bash
# Installs what building and testing need, skipping whatever is already there
# in the right version. Safe to run again. Needs only the package registries.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
# The splitter that cuts the release wasm into one chunk per page (scripts/split-wasm.mjs).
WASM_SPLIT_VERSION=0.2.4
# wasm-bindgen's CLI must match the library in Cargo.lock exactly.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
need_root() { [ "$(id -u)" = 0 ] || { echo "run as root (or with sudo) to install $1" >&2; exit 1; }; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32 target"
  rustup target add wasm32-unknown-unknown
fi

# The release wasm rebuilds std from its source (scripts/build.sh).
if ! rustup component list --installed | grep -q '^rust-src'; then
  say "adding the rust-src component"
  rustup component add rust-src
fi

missing_debs=()
command -v chromium >/dev/null || missing_debs+=(chromium)
command -v chromedriver >/dev/null || missing_debs+=(chromium-driver)
# The end-to-end suite runs once behind deploy/nginx.conf (scripts/nginx.mjs).
command -v nginx >/dev/null || missing_debs+=(nginx)
[ -e /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ] || missing_debs+=(libnginx-mod-http-brotli-static)
# A Chinese font, so that the screenshots the tests save (docs/screens/) show Chinese.
[ -n "$(fc-list :lang=zh 2>/dev/null)" ] || missing_debs+=(fonts-wqy-microhei)
if [ ${#missing_debs[@]} -gt 0 ]; then
  need_root "${missing_debs[*]}"
  say "installing ${missing_debs[*]} from Debian"
  # A fresh nginx would be started on port 80: the tests start their own.
  made_policy=""
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
    chmod +x /usr/sbin/policy-rc.d
    made_policy=yes
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing_debs[@]}" >/dev/null
  if [ -n "$made_policy" ]; then rm -f /usr/sbin/policy-rc.d; fi
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (a few minutes, once)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  # Not --locked: its own lock file pins a crate version the registry may lack.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

# It prints no version of its own: ask cargo which one it installed.
if ! command -v wasm-split-cli >/dev/null ||
  ! cargo install --list | grep -x "wasm_split_cli_support v$WASM_SPLIT_VERSION:" >/dev/null; then
  say "installing wasm-split-cli $WASM_SPLIT_VERSION (a few minutes, once)"
  cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --locked
fi

source scripts/node.sh
ensure_node || exit 1

# npm: the test tools, wasm-opt (binaryen) and esbuild. Browsers come from Debian, never downloaded.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing node packages"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
fi

say "fetching crates"
cargo fetch --locked >/dev/null
# And the crates std's own source needs, for the release build to run offline.
RUSTC_BOOTSTRAP=1 cargo fetch --locked --manifest-path "$(rustc --print sysroot)/lib/rustlib/src/rust/library/Cargo.toml" >/dev/null

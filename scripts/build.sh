#!/usr/bin/env bash
# Release build into dist/, with brotli files beside each asset for the server.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
# Panics abort at once, without a message: the release wasm then carries none
# of the panic machinery and its text formatting, 15.6 KB brotli less on every
# first visit. It needs std rebuilt with that setting from the rust-src
# component, an unstable cargo option that RUSTC_BOOTSTRAP allows on the
# stable compiler, for this build only. A panic is then a WebAssembly trap,
# which still shows the crash screen (src/platform/crash.rs); the debug builds
# keep the panic hook and its message. (These flags add to .cargo/config.toml's.)
export RUSTC_BOOTSTRAP=1
export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort"
# `split`: each page but home and 404 is its own chunk (scripts/split-wasm.mjs).
trunk build --release --features split
node scripts/precompress.mjs dist

# Sourced by the scripts: tools installed by setup.sh first on PATH.
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CHROMEDRIVER=/usr/bin/chromedriver
# The memory tests walk the app for a while: give them more than the default 20 s.
export WASM_BINDGEN_TEST_TIMEOUT=180
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

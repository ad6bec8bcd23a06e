#!/usr/bin/env bash
# Starts n8n in the background and waits until it serves its REST API: /healthz/readiness, then
# /rest/settings (n8n 1.x reports ready a few seconds before its REST routes exist).
#   scripts/n8n/start.sh            # pid in $N8N_USER_FOLDER/n8n.pid, log in $N8N_USER_FOLDER/n8n.log
#   scripts/n8n/stop.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=env.sh
source "$here/env.sh"
timeout_seconds="${N8N_START_TIMEOUT:-120}"
pid_file="$N8N_USER_FOLDER/n8n.pid"
log_file="$N8N_USER_FOLDER/n8n.log"
ready_url="http://127.0.0.1:$N8N_PORT/healthz/readiness"
rest_url="http://127.0.0.1:$N8N_PORT/rest/settings"

mkdir -p "$N8N_USER_FOLDER"
if [[ -f "$pid_file" ]] && kill -0 "$(cat "$pid_file")" 2>/dev/null; then
	echo "start.sh: n8n already running (pid $(cat "$pid_file"))" >&2
	exit 1
fi
started=$(date +%s%N)
nohup n8n start >"$log_file" 2>&1 &
echo $! >"$pid_file"
until [[ "$(curl -s -o /dev/null -w '%{http_code}' "$ready_url")" == 200 &&
	"$(curl -s -o /dev/null -w '%{http_code}' "$rest_url")" == 200 ]]; do
	if ! kill -0 "$(cat "$pid_file")" 2>/dev/null; then
		echo "start.sh: n8n exited during start-up; last log lines:" >&2
		tail -20 "$log_file" >&2
		exit 1
	fi
	if (($(date +%s%N) - started > timeout_seconds * 1000000000)); then
		echo "start.sh: n8n not ready after ${timeout_seconds}s; log: $log_file" >&2
		exit 1
	fi
	sleep 0.2
done
echo "n8n ready at http://127.0.0.1:$N8N_PORT in $((($(date +%s%N) - started) / 1000000)) ms (pid $(cat "$pid_file"), log $log_file)"

#!/usr/bin/env bash
# Runs a workflow once, headless, and prints the resulting execution(s) as JSON, read back from
# n8n's DB (more reliable than parsing `--rawOutput`, which goes through n8n's logger).
#   scripts/n8n/execute.sh <workflow-id> [--node=<node name>]
# The workflow must start with a Manual Trigger. Works whether or not `n8n start` is running
# (the CLI's task broker gets its own port). Exit code: n8n's (0 = execution succeeded).
# The full n8n log of the run is kept in $N8N_USER_FOLDER/execute-<id>.log.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=env.sh
source "$here/env.sh" || exit 1

workflow_id="${1:?usage: execute.sh <workflow-id> [--node=<node name>]}"
shift
mkdir -p "$N8N_USER_FOLDER"
log="$N8N_USER_FOLDER/execute-$workflow_id.log"
before="$(node "$here/executions.cjs" --max-id 2>/dev/null || echo 0)"

N8N_RUNNERS_BROKER_PORT="$N8N_EXECUTE_BROKER_PORT" N8N_LOG_LEVEL=info \
	n8n execute --id="$workflow_id" --rawOutput >"$log" 2>&1
rc=$?

node "$here/executions.cjs" --workflow="$workflow_id" --after="$before" "$@"
if [[ $rc -ne 0 ]]; then
	echo "execute.sh: n8n execute exited $rc; log: $log" >&2
	grep -m5 -iE 'error|not found|unrecognized' "$log" >&2 || true
fi
exit $rc

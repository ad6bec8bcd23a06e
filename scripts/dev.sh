#!/usr/bin/env bash
# npm run dev / npm start: real n8n with this pack installed as a community package, running
# against the local vendor sandboxes, with one credential and example workflows per vendor.
# Ctrl-C stops everything it started. TypeScript changes are rebuilt and n8n reloads the nodes.
#
#   npm run dev                          # n8n 2.40.7 on http://127.0.0.1:5678
#   N8N_VERSION=1.123.81 npm run dev     # the 1.x line
#   N8N_PORT=5800 npm run dev            # a second instance beside the first: every other port
#                                        # (task broker, sandboxes, sink) and the folder follow
#   npm run dev -- --reset               # restore the example workflows and sandbox credential
#
# Settings: N8N_VERSION, N8N_PORT, N8N_USER_FOLDER (default: a folder per version and port in
# ~/.cache/n8n-nodes-crm-tasks), DEV_OWNER_EMAIL, DEV_OWNER_PASSWORD.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

reset=false
for arg in "$@"; do
	case "$arg" in
	--reset) reset=true ;;
	-h | --help)
		sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'
		exit 0
		;;
	*)
		echo "dev: unknown option $arg (try --help)" >&2
		exit 2
		;;
	esac
done

export N8N_VERSION="${N8N_VERSION:-2.40.7}"
export N8N_PORT="${N8N_PORT:-5678}"
cache="${N8N_CACHE_DIR:-$HOME/.cache/n8n-nodes-crm-tasks}"
export N8N_USER_FOLDER="${N8N_USER_FOLDER:-$cache/dev-$N8N_VERSION-$N8N_PORT}"
bash scripts/n8n/install.sh | grep --line-buffered -v '^N8N_'
source scripts/n8n/env.sh

owner_email="${DEV_OWNER_EMAIL:-dev@crm-tasks.test}"
owner_password="${DEV_OWNER_PASSWORD:-Sandbox-dev-1}"
url="http://127.0.0.1:$N8N_PORT"
mkdir -p "$N8N_USER_FOLDER"
log="$N8N_USER_FOLDER/dev.log"
: >"$log"

# Every port this instance needs must be free: say which one is taken and how to move.
for entry in "n8n:$N8N_PORT" "task broker:$N8N_RUNNERS_BROKER_PORT" \
	"Nexudus sandbox:$SANDBOX_NEXUDUS_PORT" "Copper sandbox:$SANDBOX_COPPER_PORT" \
	"ONLYOFFICE sandbox:$SANDBOX_ONLYOFFICE_PORT" "Cotalker sandbox:$SANDBOX_COTALKER_PORT" \
	"sink:$SANDBOX_SINK_PORT"; do
	port="${entry##*:}"
	if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
		echo "dev: port $port (${entry%:*}) is in use, perhaps by another instance." >&2
		echo "dev: start this one with another N8N_PORT, e.g. N8N_PORT=$((N8N_PORT + 100)) npm run dev" >&2
		exit 1
	fi
done

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
# Runs a step with its output in the log; on failure shows the end of it.
quiet() {
	local what="$1"
	shift
	echo "== $what: $*" >>"$log"
	if ! "$@" >>"$log" 2>&1; then
		echo "dev: $what failed; the end of $log:" >&2
		tail -20 "$log" >&2
		exit 1
	fi
}

# Instances side by side share this checkout's dist/: one build at a time.
build() {
	if command -v flock >/dev/null; then
		flock "$root/node_modules/.crm-tasks-build.lock" npm run build
	else
		npm run build
	fi
}
echo "dev: building the pack"
quiet "build" build
start_group node_modules/.bin/tsx test/sandbox/server.ts >"$N8N_USER_FOLDER/sandbox.log" 2>&1
quiet "link" scripts/n8n/link-package.sh "$root"

# The examples, on this instance's ports (they are written for the default N8N_PORT 5678).
examples="$N8N_USER_FOLDER/examples"
rm -rf "$examples"
mkdir -p "$examples"
for file in examples/*.json; do
	sed -e "s|127.0.0.1:5688|127.0.0.1:$SANDBOX_NEXUDUS_PORT|g" \
		-e "s|127.0.0.1:5689|127.0.0.1:$SANDBOX_COPPER_PORT|g" \
		-e "s|127.0.0.1:5690|127.0.0.1:$SANDBOX_ONLYOFFICE_PORT|g" \
		-e "s|127.0.0.1:5691|127.0.0.1:$SANDBOX_COTALKER_PORT|g" \
		-e "s|127.0.0.1:5697|127.0.0.1:$SANDBOX_SINK_PORT|g" "$file" >"$examples/$(basename "$file")"
done
# Imported only when missing, so that changes made in the editor survive a restart.
credential_ids=(nexudusSandbox01 copperSandbox01 onlyofficeSandbox01 cotalkerSandbox01)
# Whatever example workflows there are (none is fine).
shopt -s nullglob
workflow_files=("$examples"/*.workflow.json)
shopt -u nullglob
# One credential of sandbox.credentials.json in a file of its own, so that importing a missing
# credential leaves the others (and the user's changes to them) as they are.
credential_file() {
	node -e 'const [file, id] = process.argv.slice(1);
		const all = JSON.parse(require("node:fs").readFileSync(file, "utf8"));
		const found = all.filter((credential) => credential.id === id);
		if (found.length !== 1) throw new Error(`no credential ${id} in ${file}`);
		process.stdout.write(JSON.stringify(found));' "$examples/sandbox.credentials.json" "$1" \
		>"$examples/credential-$1.json"
}
args=()
for id in "${credential_ids[@]}"; do args+=("--credential=$id"); done
for file in "${workflow_files[@]}"; do
	args+=("--workflow=$(node -p 'require(process.argv[1]).id' "$file")")
done
if $reset; then
	missing="$(for arg in "${args[@]}"; do echo "${arg#*=}"; done)"
else
	missing="$(node scripts/n8n/db-missing.cjs "${args[@]}")"
fi
imported=0
for id in "${credential_ids[@]}"; do
	if grep -qx "$id" <<<"$missing"; then
		quiet "extract credential $id" credential_file "$id"
		quiet "import credential $id" n8n import:credentials --input="$examples/credential-$id.json"
		imported=$((imported + 1))
	fi
done
for file in "${workflow_files[@]}"; do
	if grep -qx "$(node -p 'require(process.argv[1]).id' "$file")" <<<"$missing"; then
		quiet "import workflow" n8n import:workflow --input="$file"
		imported=$((imported + 1))
	fi
done
if [[ -z "$missing" ]]; then
	echo "dev: kept the example workflows and the sandbox credentials as they are (--reset restores them)"
else
	echo "dev: imported $imported of the examples (sandbox credentials and workflows)$($reset && echo ', as --reset asks')"
fi

start_group node_modules/.bin/tsc --watch --preserveWatchOutput -p tsconfig.json \
	>"$N8N_USER_FOLDER/tsc-watch.log" 2>&1

echo "dev: starting n8n $N8N_VERSION"
start_group env N8N_DEV_RELOAD=true n8n start >"$N8N_USER_FOLDER/n8n.log" 2>&1
# Ready once the REST API answers (n8n 1.x reports ready a few seconds before it exists).
for _ in $(seq 1 900); do
	[[ "$(curl -s -o /dev/null -w '%{http_code}' "$url/healthz/readiness")" == 200 &&
		"$(curl -s -o /dev/null -w '%{http_code}' "$url/rest/settings")" == 200 ]] && break
	kill -0 "${pids[-1]}" 2>/dev/null || {
		echo "dev: n8n exited; the end of $N8N_USER_FOLDER/n8n.log:" >&2
		tail -20 "$N8N_USER_FOLDER/n8n.log" >&2
		exit 1
	}
	sleep 0.2
done

# The first start has no owner yet: create one so the editor opens straight to the workflows.
setup="$(curl -s -o /dev/null -w '%{http_code}' -X POST "$url/rest/owner/setup" -H 'Content-Type: application/json' \
	-d "{\"email\":\"$owner_email\",\"firstName\":\"Dev\",\"lastName\":\"Owner\",\"password\":\"$owner_password\"}" || true)"
if [[ "$setup" == 200 ]]; then
	sign_in="Sign in as $owner_email / $owner_password"
else
	sign_in="Sign in with the owner account this folder already has (default $owner_email / $owner_password)"
fi

workflow_names="$(node -e 'const read = (file) => JSON.parse(require("node:fs").readFileSync(file, "utf8"));
	console.log(process.argv.slice(1).map((file) => JSON.stringify(read(file).name)).join(", ") || "none");' \
	"${workflow_files[@]}")"

cat <<MSG

  n8n $N8N_VERSION is ready: $url
  $sign_in
  Workflows: $workflow_names
  Sandboxes: Nexudus http://127.0.0.1:$SANDBOX_NEXUDUS_PORT/api, Copper http://127.0.0.1:$SANDBOX_COPPER_PORT/developer_api/v1,
             ONLYOFFICE http://127.0.0.1:$SANDBOX_ONLYOFFICE_PORT/api/2.0 (sign in as admin@onlyoffice.sandbox.test / sandbox-password),
             Cotalker http://127.0.0.1:$SANDBOX_COTALKER_PORT/api (API token sandbox-cotalker-token),
             sink http://127.0.0.1:$SANDBOX_SINK_PORT/__sink/items
  Folder: $N8N_USER_FOLDER (n8n.log, dev.log)   Ctrl-C stops everything.

MSG
wait "${pids[-1]}"

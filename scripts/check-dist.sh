#!/usr/bin/env bash
# Fails when the committed dist/ does not match what src/ builds to.
set -euo pipefail
cd "$(dirname "$0")/.."
node scripts/embed-catalog.mjs --check
fresh=$(mktemp -d)
trap 'rm -rf "$fresh"' EXIT
node scripts/build-dist.mjs "$fresh/dist" >/dev/null
if ! diff -r -q dist "$fresh/dist" >/dev/null; then
  echo "dist/ is stale: run 'npm run build' and commit dist/ with the change to src/." >&2
  diff -r -q dist "$fresh/dist" >&2 || true
  # The first lines that differ, so that a CI log shows what changed and not only which file.
  diff -r -u dist "$fresh/dist" 2>&1 | head -n 60 >&2 || true
  exit 1
fi
echo "dist/ matches src/"

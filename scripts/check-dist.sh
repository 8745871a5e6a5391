#!/usr/bin/env bash
# Fails when dist/ is not what `npm run build` makes from src/: runners execute dist/, not src/.
set -euo pipefail
cd "$(dirname "$0")/.."
fresh=$(mktemp -d)
trap 'rm -rf "$fresh"' EXIT
npx ncc build src/index.ts -o "$fresh" --license licenses.txt --target es2023 --no-cache >/dev/null
if ! diff -r -q dist "$fresh" >/dev/null; then
  echo "dist/ is stale: run 'npm run build' and commit dist/ with the source it comes from." >&2
  diff -r -q dist "$fresh" >&2 || true
  exit 1
fi
echo "dist/ matches src/"

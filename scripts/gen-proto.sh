#!/usr/bin/env bash
# Generates src/wire/generated/tessera.{js,d.ts} from proto/tessera/v1/*.proto with protobufjs.
# Usage: scripts/gen-proto.sh [output-dir]   (default src/wire/generated; the test writes to a
# temporary directory and compares).
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-src/wire/generated}"
mkdir -p "$out"
npx --no-install pbjs -t static-module -w es6 --no-verify --no-convert --no-delimited --no-beautify --force-number \
  -o "$out/tessera.js" proto/tessera/v1/*.proto
npx --no-install pbts --no-comments -o "$out/tessera.d.ts" "$out/tessera.js"

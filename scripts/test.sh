#!/usr/bin/env bash
# Runs the whole test suite. Installs the Debian packages the tests need when they are missing
# (PostgreSQL server binaries, redis-server), so that `npm ci && npm test` works on a fresh machine.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-test-deps.sh

# Static checks first: types, layer directions, and the habits in scripts/check-code.mjs.
node scripts/check-code.mjs
npm run --silent typecheck

cd packages/gateway
# Node 20's test runner does not expand globs, so list the files here.
mapfile -t files < <(find src test -name '*.test.ts' | sort)
if [ "${#files[@]}" -eq 0 ]; then echo "no test files found" >&2; exit 1; fi
exec node --import tsx --test --test-concurrency=2 --test-reporter=spec "${files[@]}"

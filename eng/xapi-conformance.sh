#!/usr/bin/env bash
# Runs the ADL LRS conformance suite (vendored in eng/lrs-conformance at a pinned commit, see its VENDORED.md) against
# a running Vape host, and prints its JSON summary and the line `N passed, N failed`.
#
#   eng/xapi-conformance.sh [--base http://127.0.0.1:5080] [--version 2.0.0|1.0.3] [--login commune] [--unit T01-X001]
#                           [--key K --secret S] [--directory dir1,dir2] [--grep PATTERN] [--timeout SECONDS] [--log FILE]
#
# Without --key/--secret it signs in as a demo official (Development hosts only: POST /dev/token) and registers a
# client for the unit through GraphQL. The suite's node dependencies come from the npm registry (npm ci on first run).
# The suite hangs when the LRS dies, so it always runs under `timeout`. Exit code: 0 when no test failed.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
suite="$here/lrs-conformance"
base="http://127.0.0.1:5080"
version="2.0.0"
login="commune"
unit="T01-X001"
key=""
secret=""
directory=""
grep_pattern=""
limit=1800
log=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --base) base="$2"; shift 2 ;;
    --version) version="$2"; shift 2 ;;
    --login) login="$2"; shift 2 ;;
    --unit) unit="$2"; shift 2 ;;
    --key) key="$2"; shift 2 ;;
    --secret) secret="$2"; shift 2 ;;
    --directory) directory="$2"; shift 2 ;;
    --grep) grep_pattern="$2"; shift 2 ;;
    --timeout) limit="$2"; shift 2 ;;
    --log) log="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

if [[ ! -d "$suite/node_modules" ]]; then
  (cd "$suite" && npm install --no-audit --no-fund --ignore-scripts --loglevel=error >&2)
fi

if [[ -z "$key" ]]; then
  token=$(curl -sf -X POST "$base/dev/token" -H 'content-type: application/json' -d "{\"login\":\"$login\"}" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).accessToken))')
  graphql() {
    curl -sf "$base/graphql" -H 'content-type: application/json' -H "authorization: Bearer $token" -d "$1"
  }
  unit_id=$(graphql "{\"query\":\"{ unitByCode(code: \\\"$unit\\\") { id } }\"}" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).data.unitByCode.id))')
  credentials=$(graphql "{\"query\":\"mutation(\$i: RegisterXapiClientInput!) { registerXapiClient(input: \$i) { key secret } }\",\"variables\":{\"i\":{\"unitId\":\"$unit_id\",\"name\":\"ADL conformance suite\"}}}")
  key=$(node -e 'console.log(JSON.parse(process.argv[1]).data.registerXapiClient.key)' "$credentials")
  secret=$(node -e 'console.log(JSON.parse(process.argv[1]).data.registerXapiClient.secret)' "$credentials")
fi

args=(-x "$version" -e "$base/xapi" -a -u "$key" -p "$secret" -z)
[[ -n "$directory" ]] && args+=(-d "$directory")
[[ -n "$grep_pattern" ]] && args+=(-g "$grep_pattern")
out=$(mktemp)
set +e
(cd "$suite" && timeout --kill-after=10 "$limit" node bin/console_runner.js "${args[@]}") > "$out" 2>&1
code=$?
set -e
written=$(grep -o 'Full run log written to .*' "$out" | sed 's/Full run log written to //' | tail -1 || true)
if [[ -z "$written" || ! -f "$written" ]]; then
  tail -40 "$out" >&2
  echo "the suite wrote no summary (exit $code; 124 means it timed out)" >&2
  echo "0 passed, 1 failed"
  exit 1
fi
[[ -n "$log" ]] && cp "$written" "$log"
node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  console.log(JSON.stringify(r.summary));
  console.log(`${r.summary.passed} passed, ${r.summary.failed} failed`);
  process.exit(r.summary.failed > 0 ? 1 : 0);
' "$written"

#!/usr/bin/env bash
# Rebuilds the shim packages into eng/shims/packages (committed, so restore needs no extra step).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
for p in Patched.DistributedLock.Postgres IdentityModel; do
  dotnet pack "$here/$p/$p.csproj" -c Release -o "$here/packages" --nologo -p:NuGetAudit=false
done

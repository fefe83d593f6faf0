#!/usr/bin/env bash
# The one command that runs the service locally on a fresh machine with the .NET 10 SDK, Node and npm:
# installs Azurite from the pinned lockfile, starts it (tables persisted in .azurite/), then `soc serve` on
# http://127.0.0.1:7071. Ctrl+C stops both. Extra arguments go to `soc serve` (for example --url http://127.0.0.1:8080).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

scripts/install-deps.sh

azurite_pid=""
if (exec 3<>/dev/tcp/127.0.0.1/10002) 2>/dev/null; then
  echo "Azurite (or another table endpoint) is already listening on 127.0.0.1:10002; using it."
else
  mkdir -p "$root/.azurite"
  node "$root/tools/azurite/node_modules/azurite/dist/src/table/main.js" \
    --tableHost 127.0.0.1 --tablePort 10002 --location "$root/.azurite" \
    --silent --skipApiVersionCheck --disableTelemetry >"$root/.azurite/azurite.log" 2>&1 &
  azurite_pid=$!
  trap '[ -n "$azurite_pid" ] && kill "$azurite_pid" 2>/dev/null || true' EXIT INT TERM
  for _ in $(seq 1 100); do
    (exec 3<>/dev/tcp/127.0.0.1/10002) 2>/dev/null && break
    sleep 0.1
  done
  echo "Azurite tables on http://127.0.0.1:10002 (data in .azurite/)"
fi

dotnet build src/Soc.Local -c Debug -nologo -v quiet -clp:ErrorsOnly\;NoSummary
dotnet src/Soc.Local/bin/Debug/net10.0/soc.dll serve "$@"

#!/usr/bin/env bash
# The one command that passes every test on a fresh machine with the .NET 10 SDK, Node and npm:
# installs Azurite and Chromium if missing, builds the solution, runs unit, function and integration tests.
# The integration tests start their own Azurite on a free port and the dev host on free ports.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

scripts/install-deps.sh --browser

results="$root/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

scripts/build-bicep.sh   # infra/: every Bicep file, warnings fail
dotnet build SocFunctions.sln -c Debug -nologo -v quiet -clp:ErrorsOnly\;NoSummary
set +e
dotnet test SocFunctions.sln -c Debug --no-build -nologo --logger "trx" --results-directory "$results" "$@" 2>&1 | tee "$results/console.log"
status=${PIPESTATUS[0]}
set -e

# One closing line over every test assembly.
passed=0; failed=0; skipped=0
while read -r f p s; do passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s)); done < <(
  grep -E '(Passed|Failed)!  - Failed: ' "$results/console.log" \
    | sed -E 's/.*Failed: +([0-9]+), Passed: +([0-9]+), Skipped: +([0-9]+).*/\1 \2 \3/')
echo "$passed passed, $failed failed, $skipped skipped" | tee "$results/summary.txt"
if [ "$status" -eq 0 ] && [ "$passed" -eq 0 ]; then
  echo "error: no test ran" >&2
  exit 1
fi
exit "$status"

#!/usr/bin/env bash
# Installs what the service and the tests need beyond the .NET SDK: Azurite (pinned by tools/azurite/package-lock.json)
# and, with --browser, Debian's Chromium for the dashboard tests. Safe to run again: it skips what is there.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

need() { command -v "$1" >/dev/null 2>&1 || { echo "error: $1 is required ($2)" >&2; exit 1; }; }
need dotnet "the .NET 10 SDK"
need node "Node.js 20 or later, for Azurite"
need npm "npm, for Azurite"

if [ ! -f "$root/tools/azurite/node_modules/azurite/dist/src/table/main.js" ]; then
  echo "Installing Azurite (tools/azurite, pinned lockfile)..."
  (cd "$root/tools/azurite" && npm ci --no-audit --no-fund --loglevel=error)
fi

if [ "${1:-}" = "--browser" ] && [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = "0" ]; then
    echo "Installing Chromium from Debian's packages..."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  elif command -v sudo >/dev/null 2>&1; then
    sudo apt-get update -qq
    sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "error: /usr/bin/chromium is missing; install Debian's chromium package (apt-get install chromium)" >&2
    exit 1
  fi
fi

# The dashboard's charting library (pinned by src/dashboard/package-lock.json), copied into the served folder.
if [ ! -f "$root/src/dashboard/app/vendor/chart.umd.min.js" ]; then
  echo "Installing the dashboard's packages (src/dashboard, pinned lockfile)..."
  (cd "$root/src/dashboard" && npm ci --no-audit --no-fund --loglevel=error && npm run --silent build)
fi

#!/usr/bin/env bash
# Compiles every Bicep file under infra/ with the Bicep CLI from NuGet (tools/bicep restores it; no other download)
# and fails on any error or warning, linter warnings included: Bicep exits 0 on warnings, so its output is read too.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

version=0.49.2
# The NuGet package folder, wherever this machine's NuGet configuration puts it.
packages="${NUGET_PACKAGES:-$(dotnet nuget locals global-packages --list | sed -E 's/^global-packages: *//')}"
packages="${packages%/}"
bicep="$packages/azure.bicep.commandline.linux-x64/$version/tools/bicep"
if [ ! -x "$bicep" ]; then
  dotnet restore tools/bicep/bicep-tools.csproj -nologo -v quiet >/dev/null
  chmod +x "$bicep" 2>/dev/null || true
fi

out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
mapfile -t files < <(find infra -name '*.bicep' | sort)
if [ "${#files[@]}" -eq 0 ]; then
  echo "error: no Bicep files under infra/" >&2
  exit 1
fi

failed=0
for file in "${files[@]}"; do
  # --outdir keeps the compiled JSON out of the repository.
  if ! log="$("$bicep" build "$file" --outdir "$out/$(dirname "$file")" 2>&1)"; then
    failed=1
  fi
  if [ -n "$log" ]; then
    echo "$log"
  fi
  if grep -Eq '(Warning|Error) [A-Za-z0-9-]+:|: (Warning|Error) ' <<<"$log"; then
    failed=1
  fi
done

if [ "$failed" -ne 0 ]; then
  echo "bicep: errors or warnings in infra/ (warnings fail the build)" >&2
  exit 1
fi
echo "bicep: ${#files[@]} files built with no warning (Bicep CLI $version)"

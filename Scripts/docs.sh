#!/usr/bin/env bash
# Builds the DocC documentation of every product, or of the targets named, and fails on any warning.
#
#   Scripts/docs.sh                            every product, into a temporary directory removed afterwards
#   Scripts/docs.sh OdynKit FlowerhubKit       only these targets
#   Scripts/docs.sh --output DIR [TARGET...]   keep the archives in DIR (DIR/<Target>.doccarchive)
#
# Each target goes through `swift package generate-documentation --target <T> --warnings-as-errors`
# (swift-docc-plugin), so docc itself fails on any warning: an unresolved ``Symbol`` link, a
# parameter without documentation, a broken article link. The script also fails on any other
# "warning:" line of the output about this package (not about a dependency's checkout).
# A product's catalog is Sources/<Target>/<Target>.docc; see CONTRIBUTING.md, "Documentation".
set -euo pipefail
caller=$(pwd)
cd "$(dirname "$0")/.."

# Every documented product's target, in the order they are built. A new kit is one word here.
products="AuthCore AuthCoreAsyncHTTPClient FlowerhubKit OdynKit BticinoKit ViessmannKit UtecKit VendorSandbox VendorCtlCore"

usage() { sed -n '2,/^set -euo/{/^set -euo/d;p}' "$0"; }

output=""
selected=()
while [ $# -gt 0 ]; do
  case "$1" in
    -h|--help) usage; exit 0 ;;
    --output)
      [ $# -ge 2 ] || { echo "--output needs a directory" >&2; exit 2; }
      output="$2"; shift 2 ;;
    -*) echo "unknown option '$1'" >&2; usage >&2; exit 2 ;;
    *) selected+=("$1"); shift ;;
  esac
done
if [ ${#selected[@]} -eq 0 ]; then
  read -r -a selected <<< "$products"
fi
for target in "${selected[@]}"; do
  if [ ! -d "Sources/$target/$target.docc" ]; then
    echo "no DocC catalog for '$target' (expected Sources/$target/$target.docc; products: $products)" >&2
    exit 2
  fi
done

log=$(mktemp)
keep="$output"
if [ -n "$output" ]; then
  case "$output" in /*) ;; *) output="$caller/$output" ;; esac
  mkdir -p "$output"
  output=$(cd "$output" && pwd)
  trap 'rm -f "$log"' EXIT
else
  output=$(mktemp -d)
  trap 'rm -f "$log"; rm -rf "$output"' EXIT
fi
failed=()

# The "warning:" lines of a run that concern this package. SwiftPM's notes about a dependency's
# own files (a dependency under .build/checkouts with unhandled files) are not ours to fix.
own_warnings() {
  { grep "warning:" "$1" || true; } | while IFS= read -r line; do
    case "$line" in *"/.build/"*) continue ;; esac
    if [[ "$line" =~ ^warning:\ \'([^\']+)\': ]] && [ -d ".build/checkouts/${BASH_REMATCH[1]}" ]; then
      continue
    fi
    echo "$line"
  done
}

for target in "${selected[@]}"; do
  echo "==> $target"
  started=$(date +%s)
  status=0
  swift package --allow-writing-to-directory "$output" generate-documentation \
    --target "$target" --warnings-as-errors --output-path "$output/$target.doccarchive" >"$log" 2>&1 || status=$?
  seconds=$(( $(date +%s) - started ))
  warnings=$(own_warnings "$log")
  if [ "$status" -ne 0 ] || [ -n "$warnings" ]; then
    # The diagnostics, without the build's progress lines.
    grep -vE '^\[[0-9]+/[0-9]+\]|^Building for|^Build of product|^Write swift-version' "$log" >&2 || true
    echo "    $target: FAILED after ${seconds}s (exit $status)" >&2
    failed+=("$target")
  else
    echo "    $target: no warnings (${seconds}s)${keep:+ -> $output/$target.doccarchive}"
  fi
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "documentation has warnings or errors in: ${failed[*]}" >&2
  exit 1
fi
echo "documentation of ${#selected[@]} target(s) built without warnings"

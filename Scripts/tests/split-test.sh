#!/usr/bin/env bash
# Proves Scripts/split.sh for one kit: splits AuthCore into a git repository tagged with its
# version, splits the kit with AuthCore taken from that repository by version (the way an app
# pins it), then builds the kit package and runs its own tests there.
#
#   Scripts/tests/split-test.sh [Kit]     (default FlowerhubKit; takes a few minutes: it builds
#                                         AuthCore's dependencies from scratch, as a user would)
set -euo pipefail
cd "$(dirname "$0")/../.."
source Scripts/lib/products.sh
kit="${1:-FlowerhubKit}"
authcore_version=$(product_version AuthCore)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "==> splitting AuthCore and $kit into $work"
Scripts/split.sh AuthCore "$work/AuthCore" --git
Scripts/split.sh "$kit" "$work/$kit" --url "AuthCore=file://$work/AuthCore"

failures=0
check() { if eval "$2"; then echo "ok: $1"; else echo "FAILED: $1" >&2; failures=$((failures + 1)); fi; }
check "AuthCore's mirror is tagged with its version" \
  "[ \"\$(git -C '$work/AuthCore' tag)\" = '$(product_version AuthCore)' ]"
check "the kit depends on AuthCore by version, not by path" \
  "grep -q 'url: \"file://$work/AuthCore\", from: \"$(product_version AuthCore)\"' '$work/$kit/Package.swift'"
check "the kit's package has no monorepo-only target names" \
  "! grep -qE '\"(TestSupport|VendorFixtures)\"' '$work/$kit/Package.swift'"
check "splitting into a folder that is not empty is refused" \
  "! Scripts/split.sh '$kit' '$work/$kit' >/dev/null 2>&1"
check "an unknown product is refused" "! Scripts/split.sh NoSuchKit '$work/none' >/dev/null 2>&1"

echo "==> building and testing the split $kit package"
cd "$work/$kit"
log="$work/build.log"
if ! swift build --build-tests >"$log" 2>&1; then
  tail -40 "$log" >&2
  echo "FAILED: the split $kit package does not build" >&2
  exit 1
fi
warnings=$(grep -E "^$work/$kit/(Sources|Tests)/.*warning:" "$log" | sort -u || true)
check "the split package builds without warnings" "[ -z \"\$warnings\" ] || { echo \"\$warnings\" >&2; false; }"
check "AuthCore resolved by version from its mirror" \
  "grep -q '\"version\" : \"$authcore_version\"' Package.resolved"
if swift test --skip-build >"$work/test.log" 2>&1; then
  echo "ok: the split $kit package passes its own tests: $(grep -E 'Test run with' "$work/test.log" | tail -1)"
else
  tail -40 "$work/test.log" >&2
  echo "FAILED: the split $kit package's tests" >&2
  failures=$((failures + 1))
fi

if [ "$failures" -gt 0 ]; then
  echo "$failures split check(s) failed" >&2
  exit 1
fi
echo "split tests passed"

#!/usr/bin/env bash
# Tests Scripts/release.sh on a throw-away clone of the repository (the repository itself is not
# touched): the first release of every product, "unchanged", a change without a version bump, an
# empty changelog section, a lower version, a dirty tree, and a patch release of one product.
#
#   Scripts/tests/release-test.sh             the version and changelog rules (seconds)
#   RELEASE_TEST_API=1 Scripts/tests/release-test.sh
#                                             also a real public-API break refused without a
#                                             major bump (builds FlowerhubKit twice: minutes)
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git clone -q "$repo" "$work/repo"
cd "$work/repo"
git config user.name "Release Test"
git config user.email "release-test@vendorsdks.invalid"
source Scripts/lib/products.sh
# Start from "never released", whatever the repository's own tags are.
git tag | xargs -r git tag -d >/dev/null

failures=0
pass() { echo "ok: $1"; }
fail() { echo "FAILED: $1" >&2; failures=$((failures + 1)); }
# expect <description> <expected exit code> <text the output must contain> -- command...
expect() {
  local what="$1" code="$2" needle="$3" output status=0
  shift 4
  output=$("$@" 2>&1) || status=$?
  if [ "$status" != "$code" ]; then
    fail "$what: exit $status, expected $code"$'\n'"$output"
  elif ! grep -qF -- "$needle" <<<"$output"; then
    fail "$what: output lacks '$needle'"$'\n'"$output"
  else
    pass "$what"
  fi
}
bump() { sed -i -E "s/(static let current = \")[0-9.]+(\")/\1$2\2/" "$(product_version_file "$1")"; }
commit() { git commit -qam "$1"; }

# 0. Every product has a version file with a semantic version, and a changelog section.
for product in $(product_names); do
  version=$(product_version "$product")
  [[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] && pass "$product has version $version" \
    || fail "$product: no version in $(product_version_file "$product")"
  grep -qxF "## $product" CHANGELOG.md && pass "$product has a changelog section" \
    || fail "$product: no '## $product' in CHANGELOG.md"
done

# 1. Nothing was ever released: every product is planned at its version, and nothing changes.
expect "first dry run plans every product" 0 "FlowerhubKit               (never released)" -- Scripts/release.sh --dry-run
for product in $(product_names); do
  expect "first dry run names $product's tag" 0 "tag $product-$(product_version "$product")" \
    -- Scripts/release.sh --dry-run "$product"
done
[ -z "$(git tag)" ] && pass "a dry run creates no tag" || fail "a dry run created tags: $(git tag)"

# 2. The first release: changelog headings and one tag per product.
expect "first release" 0 "tagged OdynKit-" -- Scripts/release.sh --skip-api-check --date 2026-01-02
for product in $(product_names); do
  version=$(product_version "$product")
  git rev-parse -q --verify "refs/tags/$product-$version" >/dev/null && pass "tag $product-$version" \
    || fail "no tag $product-$version"
  section=$(awk -v p="## $product" '/^## / { on = ($0 == p) } on' CHANGELOG.md)
  if grep -qxF "### [Unreleased]" <<<"$section" && grep -qxF "### [$version] - 2026-01-02" <<<"$section"; then
    pass "$product's changelog has an empty Unreleased section above its $version heading"
  else
    fail "$product's changelog section after the release:"$'\n'"$section"
  fi
done
expect "a second dry run finds nothing" 0 "nothing to release" -- Scripts/release.sh --dry-run
expect "unchanged products are named" 0 "OdynKit: unchanged since OdynKit-" -- Scripts/release.sh --dry-run

# 3. A change without a version bump is refused.
echo "// a change" >>Sources/FlowerhubKit/FlowerhubClient.swift
commit "Change FlowerhubKit"
expect "a change without a bump is refused" 1 "the version is still 1.0.0" -- Scripts/release.sh --dry-run
expect "only the changed product is refused" 0 "nothing to release" -- Scripts/release.sh --dry-run OdynKit

# 4. A bump with an empty changelog section is refused; with an entry, it is planned alone.
bump FlowerhubKit 1.0.1
commit "Bump FlowerhubKit"
expect "an empty Unreleased section is refused" 1 "is empty" -- Scripts/release.sh --dry-run --skip-api-check
awk '{ print } $0 == "## FlowerhubKit" { on = 1 } on && $0 == "### [Unreleased]" { print ""; print "- Fixed: a change."; on = 0 }' \
  CHANGELOG.md >CHANGELOG.tmp && mv CHANGELOG.tmp CHANGELOG.md
commit "Changelog"
expect "the bumped product is planned" 0 "FlowerhubKit               1.0.0              -> 1.0.1" \
  -- Scripts/release.sh --dry-run --skip-api-check
plan=$(Scripts/release.sh --dry-run --skip-api-check)
if grep -q "OdynKit  " <<<"$plan"; then fail "an unchanged product was planned: $plan"; else pass "others are not planned"; fi

# 5. A lower version and a dirty tree are refused.
bump FlowerhubKit 0.9.0
expect "a dirty tree is refused" 1 "uncommitted changes" -- Scripts/release.sh --skip-api-check
commit "Lower"
expect "a lower version is refused" 1 "lower than the last release 1.0.0" -- Scripts/release.sh --dry-run --skip-api-check
bump FlowerhubKit 1.0.1
commit "Back to 1.0.1"

# 6. The patch release.
expect "the patch release" 0 "tagged FlowerhubKit-1.0.1" -- Scripts/release.sh --skip-api-check --date 2026-02-03
grep -qxF "### [1.0.1] - 2026-02-03" CHANGELOG.md && pass "1.0.1 heading" || fail "no 1.0.1 heading"
[ "$(git tag --list 'OdynKit-*')" = "OdynKit-1.0.0" ] && pass "OdynKit not tagged again" || fail "OdynKit tags: $(git tag)"

# 7. A public API break needs a major bump (real diagnose-api-breaking-changes: slow, opt-in).
if [ "${RELEASE_TEST_API:-0}" = 1 ]; then
  sed -i 's/^    public static let current = /    public static let currentVersion = /' Sources/FlowerhubKit/FlowerhubKitVersion.swift
  sed -i 's/FlowerhubKitVersion.current)/FlowerhubKitVersion.currentVersion)/' Sources/FlowerhubKit/FlowerhubClient+UserAgent.swift
  sed -i 's/static let currentVersion = "1.0.1"/static let currentVersion = "1.1.0"/' Sources/FlowerhubKit/FlowerhubKitVersion.swift
  awk '{ print } $0 == "## FlowerhubKit" { on = 1 } on && $0 == "### [Unreleased]" { print ""; print "- Changed: a rename."; on = 0 }' \
    CHANGELOG.md >CHANGELOG.tmp && mv CHANGELOG.tmp CHANGELOG.md
  commit "Break FlowerhubKit's API"
  # The version file no longer has `current`: read the new spelling for this one check.
  sed -i 's/static let current = /static let current(Version)? = /' Scripts/lib/products.sh
  expect "an API break with a minor bump is refused" 1 "public API broke since 1.0.1 without a major version bump" \
    -- Scripts/release.sh --dry-run FlowerhubKit
fi

if [ "$failures" -gt 0 ]; then
  echo "$failures release test(s) failed" >&2
  exit 1
fi
echo "release tests passed"

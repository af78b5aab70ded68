#!/usr/bin/env bash
# Releases products one by one: each has its own version (in its version file, see
# Scripts/lib/products.sh), its own CHANGELOG.md section and its own tags `<Product>-X.Y.Z`.
#
#   Scripts/release.sh --dry-run             print what would be released, change nothing
#   Scripts/release.sh                       release every product that changed since its last tag
#   Scripts/release.sh FlowerhubKit ...      consider only these products
#
# Options:
#   --dry-run          print the plan (each product's last release and next version) and stop
#   --skip-api-check   do not run `swift package diagnose-api-breaking-changes` (much faster; the
#                      version rules are still checked)
#   --date YYYY-MM-DD  the date written into the changelog headings (default: today, UTC)
#
# A product is released when a file under its sources changed since its last tag (or it was never
# released). The release is refused, and nothing at all is changed, when any of them:
#   - keeps the version of its last release (bump it in the version file first),
#   - has a lower version than its last release,
#   - broke its public API (per diagnose-api-breaking-changes against the last tag) without a
#     major version bump,
#   - has no `### [Unreleased]` section with entries under its `## <Product>` heading in CHANGELOG.md.
# Otherwise each product's `### [Unreleased]` heading becomes `### [X.Y.Z] - <date>` (a new, empty
# `### [Unreleased]` goes above it), the change is committed, and the tags are created.
set -euo pipefail
cd "$(dirname "$0")/.."
source Scripts/lib/products.sh

dry_run=0
api_check=1
date=$(date -u +%Y-%m-%d)
selected=()
while [ $# -gt 0 ]; do
  case "$1" in
    --dry-run) dry_run=1 ;;
    --skip-api-check) api_check=0 ;;
    --date) date="${2:?--date needs a value}"; shift ;;
    -h|--help) sed -n '2,24p' "$0"; exit 0 ;;
    -*) echo "release: unknown option '$1'" >&2; exit 2 ;;
    *) product_kind "$1" >/dev/null || exit 2; selected+=("$1") ;;
  esac
  shift
done
[ ${#selected[@]} -gt 0 ] || mapfile -t selected < <(product_names)

if ! [[ "$date" =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}$ ]]; then
  echo "release: --date must be YYYY-MM-DD" >&2
  exit 2
fi
if [ "$dry_run" = 0 ] && [ -n "$(git status --porcelain --untracked-files=no)" ]; then
  echo "release: the working tree has uncommitted changes; commit or drop them first" >&2
  exit 1
fi

# The lines of a product's `### [Unreleased]` section in CHANGELOG.md (without the heading).
unreleased_entries() {
  awk -v product="$1" '
    /^## / { in_product = ($0 == "## " product); in_unreleased = 0; next }
    in_product && /^### / { in_unreleased = ($0 == "### [Unreleased]"); next }
    in_product && in_unreleased && NF { print }
  ' CHANGELOG.md
}

has_unreleased_heading() {
  awk -v product="$1" '
    /^## / { in_product = ($0 == "## " product); next }
    in_product && $0 == "### [Unreleased]" { found = 1 }
    END { exit found ? 0 : 1 }
  ' CHANGELOG.md
}

plan=()
refusals=()
for product in "${selected[@]}"; do
  version=$(product_version "$product")
  if [ -z "$version" ]; then
    refusals+=("$product: no version found in $(product_version_file "$product")")
    continue
  fi
  last=$(product_last_release "$product")
  mapfile -t paths < <(product_paths "$product")
  if [ -n "$last" ]; then
    if git diff --quiet "$product-$last" HEAD -- "${paths[@]}"; then
      echo "$product: unchanged since $product-$last"
      continue
    fi
    changes=$(git rev-list --count "$product-$last"..HEAD -- "${paths[@]}")
    order=$(semver_compare "$version" "$last")
    if [ "$order" = 0 ]; then
      refusals+=("$product: $changes commit(s) since $product-$last but the version is still $version: bump it in $(product_version_file "$product")")
      continue
    elif [ "$order" = -1 ]; then
      refusals+=("$product: version $version is lower than the last release $last")
      continue
    fi
    if [ "$api_check" = 1 ] && [ "$(product_kind "$product")" = library ] \
      && [ "$(semver_major "$version")" = "$(semver_major "$last")" ]; then
      echo "$product: checking the public API against $product-$last (this builds both)"
      if ! report=$(swift package diagnose-api-breaking-changes "$product-$last" --products "$product" 2>&1); then
        if printf '%s\n' "$report" | grep -q "API breakage"; then
          breaks=$(printf '%s\n' "$report" | grep "API breakage" | sed 's/^/    /')
          refusals+=("$product: the public API broke since $last without a major version bump ($version):"$'\n'"$breaks")
        else
          refusals+=("$product: the API check did not run: $(printf '%s\n' "$report" | tail -3)")
        fi
        continue
      fi
    fi
    from="$last"
  else
    changes=$(git rev-list --count HEAD -- "${paths[@]}")
    from="(never released)"
  fi
  if ! has_unreleased_heading "$product"; then
    refusals+=("$product: CHANGELOG.md has no '### [Unreleased]' section under '## $product'")
    continue
  fi
  if [ -z "$(unreleased_entries "$product")" ]; then
    refusals+=("$product: the '### [Unreleased]' section under '## $product' in CHANGELOG.md is empty")
    continue
  fi
  plan+=("$product|$from|$version|$changes")
done

if [ ${#refusals[@]} -gt 0 ]; then
  echo "release refused:" >&2
  for refusal in "${refusals[@]}"; do echo "  $refusal" >&2; done
  exit 1
fi
if [ ${#plan[@]} -eq 0 ]; then
  echo "nothing to release"
  exit 0
fi

echo "release plan ($date):"
for entry in "${plan[@]}"; do
  IFS='|' read -r product from version changes <<<"$entry"
  printf '  %-26s %-18s -> %-8s tag %s (%s commit(s))\n' "$product" "$from" "$version" "$product-$version" "$changes"
done
if [ "$dry_run" = 1 ]; then
  echo "dry run: nothing changed"
  exit 0
fi

for entry in "${plan[@]}"; do
  IFS='|' read -r product _ version _ <<<"$entry"
  awk -v product="$product" -v heading="### [$version] - $date" '
    /^## / { in_product = ($0 == "## " product) }
    in_product && $0 == "### [Unreleased]" && !done { print; print ""; print heading; done = 1; next }
    { print }
  ' CHANGELOG.md >CHANGELOG.md.new
  mv CHANGELOG.md.new CHANGELOG.md
done
summary=$(for entry in "${plan[@]}"; do IFS='|' read -r product _ version _ <<<"$entry"; printf '%s %s, ' "$product" "$version"; done)
git add CHANGELOG.md
git commit -q -m "Release ${summary%, }"
for entry in "${plan[@]}"; do
  IFS='|' read -r product _ version _ <<<"$entry"
  git tag -a "$product-$version" -m "$product $version"
  echo "tagged $product-$version"
done

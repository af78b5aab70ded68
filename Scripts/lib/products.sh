# The products of the monorepo, in one table, for the release and split scripts (sourced, not run).
#
# One line per product:
#   name | kind | targets | version file | products it depends on | test targets | fixture folders
# The version file holds the product's only version: `public static let current = "X.Y.Z"`.
# A product is "changed" when anything under its targets' source folders changed.

products_table() {
  cat <<'TABLE'
AuthCore|library|AuthCore|Sources/AuthCore/AuthCoreVersion.swift||AuthCoreTests|authcore
AuthCoreAsyncHTTPClient|library|AuthCoreAsyncHTTPClient|Sources/AuthCoreAsyncHTTPClient/AuthCoreAsyncHTTPClientVersion.swift|AuthCore|AuthCoreAsyncHTTPClientTests|
FlowerhubKit|library|FlowerhubKit|Sources/FlowerhubKit/FlowerhubKitVersion.swift|AuthCore|FlowerhubKitTests|flowerhub
OdynKit|library|OdynKit|Sources/OdynKit/OdynKitVersion.swift|AuthCore|OdynKitTests|odyn
BticinoKit|library|BticinoKit|Sources/BticinoKit/BticinoKitVersion.swift|AuthCore|BticinoKitTests|bticino
ViessmannKit|library|ViessmannKit|Sources/ViessmannKit/ViessmannKitVersion.swift|AuthCore|ViessmannKitTests|viessmann
UtecKit|library|UtecKit|Sources/UtecKit/UtecKitVersion.swift|AuthCore|UtecKitTests|utec
VendorSandbox|library|VendorSandbox VendorFixtures|Sources/VendorSandbox/VendorSandboxVersion.swift||VendorSandboxTests|*
vendorctl|executable|vendorctl VendorCtlCore|Sources/VendorCtlCore/VendorCtlVersion.swift|AuthCore AuthCoreAsyncHTTPClient VendorSandbox FlowerhubKit OdynKit BticinoKit ViessmannKit UtecKit|VendorCtlCoreTests|
TABLE
}

# Every product name, in table order.
product_names() { products_table | cut -d'|' -f1; }

# Field N (1-based) of a product's line; fails for an unknown product.
product_field() {
  local line
  line=$(products_table | awk -F'|' -v p="$1" '$1 == p')
  [ -n "$line" ] || { echo "unknown product '$1' (known: $(product_names | tr '\n' ' '))" >&2; return 1; }
  printf '%s\n' "$line" | cut -d'|' -f"$2"
}

product_kind() { product_field "$1" 2; }
product_targets() { product_field "$1" 3; }
product_version_file() { product_field "$1" 4; }
product_dependencies() { product_field "$1" 5; }
product_test_targets() { product_field "$1" 6; }
product_fixtures() { product_field "$1" 7; }

# The source folders whose changes make a new release of the product.
product_paths() {
  local target
  for target in $(product_targets "$1"); do
    if [ "$target" = VendorFixtures ]; then echo Fixtures; else echo "Sources/$target"; fi
  done
}

# The version in a product's version file, at a git revision (or in the working tree without one).
product_version() {
  local file text
  file=$(product_version_file "$1") || return 1
  if [ -n "${2:-}" ]; then text=$(git show "$2:$file" 2>/dev/null || true); else text=$(cat "$file" 2>/dev/null || true); fi
  printf '%s\n' "$text" | sed -nE 's/.*static let current = "([0-9]+\.[0-9]+\.[0-9]+)".*/\1/p' | head -1
}

# The highest released version of a product (from its `<Product>-X.Y.Z` tags), or nothing.
product_last_release() {
  git tag --list "$1-*" | sed -n "s/^$1-\([0-9]*\.[0-9]*\.[0-9]*\)\$/\1/p" | sort -t. -k1,1n -k2,2n -k3,3n | tail -1
}

# semver_compare A B: prints -1, 0 or 1.
semver_compare() {
  local a b i
  IFS=. read -r -a a <<<"$1"
  IFS=. read -r -a b <<<"$2"
  for i in 0 1 2; do
    if ((10#${a[i]} < 10#${b[i]})); then echo -1; return; fi
    if ((10#${a[i]} > 10#${b[i]})); then echo 1; return; fi
  done
  echo 0
}

semver_major() { echo "${1%%.*}"; }

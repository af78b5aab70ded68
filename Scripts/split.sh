#!/usr/bin/env bash
# Writes one product of the monorepo as a standalone Swift package, the way monorepos publish
# read-only mirrors: its sources, its DocC catalog, its tests with the test helpers and fixtures
# they use, a README pointing back here, and a Package.swift that depends on the other products
# (AuthCore for a kit) by URL and version, like any app would.
#
#   Scripts/split.sh <Product> <dir> [--url <Product>=<git url>]... [--base-url <url>] [--git]
#
#   <Product>     any product: AuthCore, AuthCoreAsyncHTTPClient, a kit, VendorSandbox, vendorctl
#   <dir>         the output folder (created; must be empty or absent)
#   --base-url    where the mirrors live: a product P is `<base-url>/P.git` (default
#                 https://github.com/vendorsdks)
#   --url P=URL   the git URL of one product's mirror (e.g. a local `file://` path for a test)
#   --git         also make <dir> a git repository with one commit tagged with the product's
#                 version, so another split package can depend on it by version
#
# The dependency on a product is `from: <its version in this tree>`. The sandbox's package also
# publishes the fixtures (`VendorFixtures`), which vendorctl's tests read.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
source Scripts/lib/products.sh

usage() { sed -n '2,19p' "$0"; }
product=""
out=""
base_url="https://github.com/vendorsdks"
make_git=0
declare -A urls=()
while [ $# -gt 0 ]; do
  case "$1" in
    --base-url) base_url="${2:?--base-url needs a value}"; shift ;;
    --url)
      pair="${2:?--url needs Product=URL}"
      urls["${pair%%=*}"]="${pair#*=}"
      shift
      ;;
    --git) make_git=1 ;;
    -h|--help) usage; exit 0 ;;
    -*) echo "split: unknown option '$1'" >&2; exit 2 ;;
    *)
      if [ -z "$product" ]; then product="$1"; elif [ -z "$out" ]; then out="$1"; else usage >&2; exit 2; fi
      ;;
  esac
  shift
done
[ -n "$product" ] && [ -n "$out" ] || { usage >&2; exit 2; }
product_kind "$product" >/dev/null || exit 2
if [ -e "$out" ] && [ -n "$(ls -A "$out" 2>/dev/null)" ]; then
  echo "split: $out exists and is not empty" >&2
  exit 1
fi

# Third-party packages: identity -> the `.package(...)` line (as in the monorepo's Package.swift).
package_line() {
  case "$1" in
    swift-http-types) echo '.package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0")' ;;
    swift-log) echo '.package(url: "https://github.com/apple/swift-log.git", from: "1.16.2")' ;;
    swift-crypto) echo '.package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0")' ;;
    async-http-client) echo '.package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0")' ;;
    swift-nio) echo '.package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2")' ;;
    swift-nio-ssl) echo '.package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6")' ;;
    swift-websocket) echo '.package(url: "https://github.com/hummingbird-project/swift-websocket.git", from: "1.6.2")' ;;
    swift-service-lifecycle)
      echo '.package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0")'
      ;;
    swift-argument-parser) echo '.package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2")' ;;
    hummingbird)
      echo '.package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1", traits: ["FullFoundation"])'
      ;;
    hummingbird-websocket)
      echo '.package(url: "https://github.com/hummingbird-project/hummingbird-websocket.git", from: "2.8.1")'
      ;;
    *) echo "split: no package line for '$1'" >&2; return 1 ;;
  esac
}

# What each target uses: `Product@package` for a third-party product, a bare name for a product
# (or a target) of this monorepo.
kits() { product_names | grep -E 'Kit$' | tr '\n' ' '; }
target_uses() {
  case "$1" in
    AuthCore) echo "HTTPTypes@swift-http-types HTTPTypesFoundation@swift-http-types Logging@swift-log Crypto@swift-crypto" ;;
    AuthCoreTests)
      echo "AuthCore HTTPTypes@swift-http-types HTTPTypesFoundation@swift-http-types Logging@swift-log Crypto@swift-crypto"
      ;;
    AuthCoreAsyncHTTPClient | AuthCoreAsyncHTTPClientTests)
      echo "AuthCore AsyncHTTPClient@async-http-client NIOCore@swift-nio NIOHTTP1@swift-nio NIOPosix@swift-nio"
      echo "NIOSSL@swift-nio-ssl HTTPTypes@swift-http-types"
      ;;
    BticinoKit) echo "AuthCore HTTPTypes@swift-http-types Logging@swift-log WSClient@swift-websocket NIOCore@swift-nio" ;;
    BticinoKitTests)
      echo "BticinoKit AuthCore HTTPTypes@swift-http-types Logging@swift-log Hummingbird@hummingbird"
      echo "HummingbirdWebSocket@hummingbird-websocket"
      ;;
    *KitTests) echo "${1%Tests} AuthCore HTTPTypes@swift-http-types Logging@swift-log" ;;
    *Kit) echo "AuthCore HTTPTypes@swift-http-types Logging@swift-log" ;;
    VendorFixtures) echo "" ;;
    VendorSandbox)
      echo "VendorFixtures Hummingbird@hummingbird HummingbirdWebSocket@hummingbird-websocket NIOCore@swift-nio"
      echo "ServiceLifecycle@swift-service-lifecycle HTTPTypes@swift-http-types Logging@swift-log Crypto@swift-crypto"
      ;;
    VendorSandboxTests)
      echo "VendorSandbox AuthCore AuthCoreAsyncHTTPClient VendorFixtures HTTPTypes@swift-http-types Logging@swift-log"
      kits
      ;;
    VendorCtlCore)
      echo "AuthCore AuthCoreAsyncHTTPClient VendorSandbox ArgumentParser@swift-argument-parser"
      echo "HTTPTypes@swift-http-types Logging@swift-log"
      kits
      ;;
    vendorctl) echo "VendorCtlCore" ;;
    VendorCtlCoreTests)
      echo "VendorCtlCore VendorSandbox AuthCore AuthCoreAsyncHTTPClient VendorFixtures HTTPTypes@swift-http-types"
      kits
      ;;
    *) echo "split: no dependency list for target '$1'" >&2; return 1 ;;
  esac
}

mirror_url() { echo "${urls[$1]:-$base_url/$1.git}"; }

# The fixtures: the sandbox ships them as its `VendorFixtures` target; vendorctl's tests read
# that; every other product gets a test-only copy of its own folder, renamed so that two split
# packages in one app's graph never declare the same target name.
case "$product" in
  VendorSandbox) fixtures_target="VendorFixtures" ;;
  vendorctl) fixtures_target="" ;;
  *) fixtures_target="${product}Fixtures" ;;
esac
support_target="${product}TestSupport"
[ "$product" = vendorctl ] && support_target="VendorCtlTestSupport"

# `.product(...)` / local entries for a list of uses, into $entries; records the packages they need.
# (Not called in a subshell, so that the records survive.)
declare -A needed_packages=()
declare -A needed_products=()
local_targets=" $(product_targets "$product") $support_target $fixtures_target "
entries=""
dependency_entries() {
  local use list=()
  for use in $*; do
    if [[ "$use" == *@* ]]; then
      list+=(".product(name: \"${use%@*}\", package: \"${use#*@}\")")
      needed_packages["${use#*@}"]=1
    elif [ "$use" = VendorFixtures ] && [ "$product" != VendorSandbox ] && [ -z "$fixtures_target" ]; then
      list+=(".product(name: \"VendorFixtures\", package: \"VendorSandbox\")")
      needed_products[VendorSandbox]=1
    elif [ "$use" = VendorFixtures ] && [ "$product" != VendorSandbox ]; then
      list+=("\"$fixtures_target\"")
    elif [[ "$local_targets" == *" $use "* ]]; then
      list+=("\"$use\"")
    else
      list+=(".product(name: \"$use\", package: \"$use\")")
      needed_products["$use"]=1
    fi
  done
  entries=""
  for use in "${list[@]}"; do entries+="${entries:+,}"$'\n'"                $use"; done
  entries+=$'\n'"            "
}

version=$(product_version "$product")
mkdir -p "$out"
out=$(cd "$out" && pwd)
source_targets=$(product_targets "$product")
test_targets=$(product_test_targets "$product")

# Sources (each with the DocC catalog inside its folder), tests and the shared test helpers.
mkdir -p "$out/Sources" "$out/Tests"
for target in $source_targets; do
  [ "$target" = VendorFixtures ] || cp -R "Sources/$target" "$out/Sources/$target"
done
for target in $test_targets; do cp -R "Tests/$target" "$out/Tests/$target"; done
if [ -n "$test_targets" ]; then cp -R Tests/TestSupport "$out/Tests/$support_target"; fi

# The fixtures.
resources=()
if [ -n "$fixtures_target" ]; then
  mkdir -p "$out/Fixtures"
  cp Fixtures/Fixture.swift "$out/Fixtures/"
  folders=$(product_fixtures "$product")
  [ "$folders" = "*" ] && folders=$(cd Fixtures && find . -mindepth 1 -maxdepth 1 -type d -printf '%f\n' | sort)
  for folder in ${folders:-authcore}; do
    cp -R "Fixtures/$folder" "$out/Fixtures/$folder"
    resources+=(".copy(\"$folder\")")
  done
fi
renames=(-e "s/^import TestSupport$/import $support_target/")
if [ -n "$fixtures_target" ] && [ "$fixtures_target" != VendorFixtures ]; then
  renames+=(-e "s/^import VendorFixtures$/import $fixtures_target/")
fi
find "$out/Tests" -name '*.swift' -print0 | xargs -0 -r sed -i -E "${renames[@]}"

# Package.swift.
target_block() { # kind name dependencies [extra lines]
  printf '        .%s(\n            name: "%s",\n            dependencies: [%s],\n' "$1" "$2" "$3"
  [ -n "${4:-}" ] && printf '%s\n' "$4"
  printf '            swiftSettings: strictSettings\n        ),\n'
}
targets_text=""
for target in $source_targets; do
  if [ "$target" = VendorFixtures ]; then continue; fi
  dependency_entries "$(target_uses "$target")"
  kind=target
  [ "$(product_kind "$product")" = executable ] && [ "$target" = "$product" ] && kind=executableTarget
  targets_text+=$(target_block "$kind" "$target" "$entries")$'\n'
done
if [ -n "$fixtures_target" ]; then
  resource_list=$(printf '%s, ' "${resources[@]}" | sed 's/, $//')
  targets_text+=$(target_block target "$fixtures_target" "" \
    "            path: \"Fixtures\","$'\n'"            resources: [$resource_list],")$'\n'
fi
if [ -n "$test_targets" ]; then
  dependency_entries "AuthCore VendorFixtures HTTPTypes@swift-http-types Logging@swift-log"
  targets_text+=$(target_block target "$support_target" "$entries" "            path: \"Tests/$support_target\",")$'\n'
fi
for target in $test_targets; do
  dependency_entries "$(target_uses "$target") $support_target"
  targets_text+=$(target_block testTarget "$target" "$entries")$'\n'
done

if [ "$(product_kind "$product")" = executable ]; then
  products_text="        .executable(name: \"$product\", targets: [\"$product\"]),"
else
  products_text="        .library(name: \"$product\", targets: [\"$product\"]),"
  if [ "$product" = VendorSandbox ]; then
    products_text+=$'\n'"        .library(name: \"VendorFixtures\", targets: [\"VendorFixtures\"]),"
  fi
fi
package_lines=()
for package in $(printf '%s\n' "${!needed_packages[@]}" | sort); do package_lines+=("        $(package_line "$package"),"); done
for dependency in $(printf '%s\n' "${!needed_products[@]}" | sort); do
  package_lines+=("        .package(url: \"$(mirror_url "$dependency")\", from: \"$(product_version "$dependency")\"),")
done

cat >"$out/Package.swift" <<EOF
// swift-tools-version:6.2
//
// $product $version, split from the VendorSDKs monorepo by Scripts/split.sh. Do not edit: changes
// are made in the monorepo and published here.

import PackageDescription

let strictSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "$product",
    platforms: [.macOS(.v15), .iOS(.v18), .tvOS(.v18), .watchOS(.v11)],
    products: [
$products_text
    ],
    dependencies: [
$(printf '%s\n' "${package_lines[@]}")
    ],
    targets: [
${targets_text%$'\n'}
    ]
)
EOF

cat >"$out/README.md" <<EOF
# $product

$product $version from [VendorSDKs](https://github.com/vendorsdks/VendorSDKs): a read-only mirror
of one product of the monorepo, made by \`Scripts/split.sh\`. Issues, changes and the full
documentation live in the monorepo.

\`\`\`swift
.package(url: "$(mirror_url "$product")", from: "$version")
\`\`\`

\`swift test\` runs the product's own tests.
EOF
cp LICENSE "$out/" 2>/dev/null || true
printf '.build/\nPackage.resolved\n' >"$out/.gitignore"

if [ "$make_git" = 1 ]; then
  git -C "$out" init -q
  git -C "$out" add -A
  git -C "$out" -c user.name=VendorSDKs -c user.email=dev@vendorsdks.invalid commit -q \
    -m "$product $version (from VendorSDKs $(git -C "$root" rev-parse --short HEAD))"
  git -C "$out" tag "$version"
fi
echo "split: $product $version -> $out"

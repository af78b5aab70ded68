#!/usr/bin/env bash
# Runs the test suites: all of them, or one product's.
#
#   Scripts/test.sh              every suite
#   Scripts/test.sh authcore     AuthCore only
#   Scripts/test.sh flowerhub    FlowerhubKit only
#   Scripts/test.sh odyn         OdynKit only
#   Scripts/test.sh bticino      BticinoKit only
#   Scripts/test.sh utec         UtecKit only
#   Scripts/test.sh viessmann    ViessmannKit only
#   Scripts/test.sh ahc          AuthCoreAsyncHTTPClient only (the AsyncHTTPClient transport)
#   Scripts/test.sh vendorctl    the vendorctl command-line tool only
#   Scripts/test.sh sandbox      VendorSandbox: every kit end to end over real sockets, and the fault matrix
#   Scripts/test.sh release      the release script's rules, on a throw-away clone (seconds)
#   Scripts/test.sh split        a kit split into its own package, built and tested there (minutes)
#
# `all` runs every Swift suite, then the release and split script tests.
# The build must be free of warnings in the project's own sources: any warning fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."

case "${1:-all}" in
  all) filter="" ;;
  authcore|core) filter="AuthCoreTests" ;;
  flowerhub) filter="FlowerhubKitTests" ;;
  odyn) filter="OdynKitTests" ;;
  bticino) filter="BticinoKitTests" ;;
  utec) filter="UtecKitTests" ;;
  viessmann) filter="ViessmannKitTests" ;;
  ahc|asynchttpclient) filter="AuthCoreAsyncHTTPClientTests" ;;
  vendorctl|cli) filter="VendorCtlCoreTests" ;;
  sandbox) filter="VendorSandboxTests" ;;
  release) exec bash Scripts/tests/release-test.sh ;;
  split) exec bash Scripts/tests/split-test.sh ;;
  -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
  *)
    echo "unknown suite '$1' (expected: authcore, flowerhub, odyn, bticino, viessmann, utec, ahc, vendorctl, sandbox," \
      "release, split)" >&2
    exit 2
    ;;
esac

log=$(mktemp)
trap 'rm -f "$log"' EXIT

echo "==> building (with tests)"
if ! swift build --build-tests 2>&1 | tee "$log"; then
  echo "build failed" >&2
  exit 1
fi
own_warnings=$(grep -E "^$(pwd)/(Sources|Tests|Fixtures)/.*warning:" "$log" | sort -u || true)
if [ -n "$own_warnings" ]; then
  echo "the build has warnings in project sources:" >&2
  echo "$own_warnings" >&2
  exit 1
fi

echo "==> checking that AuthCore and the kits stay free of SwiftNIO"
bash Scripts/check-dependencies.sh

echo "==> checking that no two products (or a product and a common server library) share a public type name"
bash Scripts/check-public-names.sh

echo "==> swift format lint (configuration: .swift-format)"
if ! swift format lint --strict -r Sources Tests Package.swift; then
  echo "swift format lint found problems: run 'swift format format -i -r Sources Tests Package.swift'" >&2
  exit 1
fi

echo "==> testing ${filter:-all suites}"
if [ -n "$filter" ]; then
  swift test --skip-build --filter "$filter"
else
  swift test --skip-build
  echo "==> testing the release script"
  bash Scripts/tests/release-test.sh
  echo "==> testing a split package"
  bash Scripts/tests/split-test.sh
fi

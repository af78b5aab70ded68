#!/usr/bin/env bash
# Fails when AuthCore or a kit that must stay NIO-free depends, directly or through another of
# the package's targets, on anything beyond the small allowed set of products.
set -euo pipefail
cd "$(dirname "$0")/.."
swift package describe --type json | python3 -c '
import json, sys
allowed = {"HTTPTypes", "HTTPTypesFoundation", "Logging", "Crypto"}
may_use_nio = {"AuthCoreAsyncHTTPClient", "BticinoKit", "VendorSandbox", "vendorctl", "VendorCtlCore"}
targets = {t["name"]: t for t in json.load(sys.stdin)["targets"]}
def products(name, seen):
    if name in seen:
        return set()
    seen.add(name)
    target = targets[name]
    found = set(target.get("product_dependencies") or [])
    for dependency in target.get("target_dependencies") or []:
        found |= products(dependency, seen)
    return found
checked, failed = [], False
for name, target in sorted(targets.items()):
    if target.get("type") != "library" or name in may_use_nio or name in ("TestSupport", "VendorFixtures"):
        continue
    extra = products(name, set()) - allowed
    checked.append(name)
    if extra:
        failed = True
        print(f"{name} must not depend on: {sorted(extra)}")
print("dependency check:", ", ".join(checked), "use only", ", ".join(sorted(allowed)))
sys.exit(1 if failed else 0)
'

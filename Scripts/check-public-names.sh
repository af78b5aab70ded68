#!/usr/bin/env bash
# Fails when two products declare the same top-level public type name (an app importing both
# would get an ambiguity), or when a product declares a name that a library a server app
# commonly imports beside ours already uses (Hummingbird, Vapor, AsyncHTTPClient, the OpenAPI
# runtime, gRPC, SwiftNIO, Foundation's networking types).
set -euo pipefail
cd "$(dirname "$0")/.."

# Names taken by libraries an app may import next to a kit. Checked against their sources on
# this machine when they are there (see below); this list keeps the check working without them.
reserved="Application Request Response Router RequestContext RequestBody ResponseBody Middleware
RequestAuthenticator RetryPolicy HTTPClient HTTPClientRequest HTTPClientResponse HTTPBody
ClientTransport ClientMiddleware ServerMiddleware Channel EventLoop ByteBuffer Environment
Route Routes URLSession URLRequest HTTPRequest HTTPResponse HTTPFields Logger JSONDecoder"

declare -A owner
failed=0
for module in Sources/*/; do
  name=$(basename "$module")
  case "$name" in TestSupport|VendorFixtures) continue ;; esac
  while read -r type; do
    [ -z "$type" ] && continue
    if [ -n "${owner[$type]:-}" ] && [ "${owner[$type]}" != "$name" ]; then
      echo "public type '$type' is declared in both ${owner[$type]} and $name" >&2
      failed=1
    fi
    owner[$type]=$name
    for taken in $reserved; do
      if [ "$type" = "$taken" ]; then
        echo "public type '$type' in $name collides with a type of a library apps import beside it" >&2
        failed=1
      fi
    done
  done < <(grep -rhoE "^public (final )?(struct|class|enum|actor|protocol|typealias) [A-Za-z0-9_]+" "$module" \
    | awk '{print $NF}' | sort -u)
done

# Where the machine keeps the sources of those libraries, check against their real names too.
packages=/opt/swift-packages
if [ -d "$packages" ]; then
  pattern=$(printf '%s\n' "${!owner[@]}" | sort -u | paste -sd'|')
  for repo in hummingbird-project/hummingbird vapor/vapor swift-server/async-http-client \
    apple/swift-openapi-runtime grpc/grpc-swift-2 apple/swift-nio; do
    git_dir="$packages/$repo.git"
    [ -d "$git_dir" ] || continue
    tag=$(git -C "$git_dir" tag | sort -V | tail -n 1)
    [ -n "$tag" ] || continue
    while read -r type; do
      [ -z "$type" ] && continue
      echo "public type '$type' in ${owner[$type]} collides with $repo ($tag)" >&2
      failed=1
    done < <(git -C "$git_dir" grep -hoE "^public (final )?(struct|class|enum|actor|protocol|typealias) ($pattern)\b" \
      "$tag" 2>/dev/null | awk '{print $NF}' | sort -u)
  done
fi

if [ "$failed" = 0 ]; then
  echo "public names: ${#owner[@]} top-level public types, no collisions"
fi
exit "$failed"

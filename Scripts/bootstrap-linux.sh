#!/usr/bin/env bash
# Makes sure a Linux machine has what FoundationNetworking needs: libcurl and OpenSSL.
# The runtime libraries are required; the -dev packages are installed when apt can reach its
# registry, and only warned about otherwise.
set -euo pipefail
[ "$(uname -s)" = "Linux" ] || exit 0

missing=()
for package in libcurl4-openssl-dev libssl-dev; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "==> installing ${missing[*]}"
  if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"; } >/dev/null 2>&1; then
    echo "warning: could not install ${missing[*]}; continuing with the runtime libraries" >&2
  fi
fi

if ! ldconfig -p | grep -q "libcurl.so.4"; then
  echo "libcurl.so.4 is missing: install libcurl4 (Debian/Ubuntu) before building" >&2
  exit 1
fi

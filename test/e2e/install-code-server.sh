#!/usr/bin/env bash
# Installs what the e2e server route needs (Chromium, code-server 4.100.3 and its native-build deps) once; reruns are no-ops.
# See shared/docs/vscode-in-ci.md. code-server is cached outside the clone (test/e2e/code-server.mjs says where),
# so fresh clones on the same machine (CI) reuse it.
set -euo pipefail

RIPGREP_CACHE_VERSION=1.15.11
RIPGREP_ARCHIVE=ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz
APT_PACKAGES=(chromium libx11-dev libxkbfile-dev libsecret-1-dev libkrb5-dev pkg-config ripgrep)

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
read -r CODE_SERVER_VERSION cache_dir < <(node --input-type=module -e "
  const { CODE_SERVER_VERSION, codeServerDir } = await import('$here/code-server.mjs');
  console.log(CODE_SERVER_VERSION, codeServerDir);")
marker="$cache_dir/.installed-$CODE_SERVER_VERSION"

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

install_apt_packages() {
  local missing=()
  for package in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
  done
  [ "${#missing[@]}" -eq 0 ] && return 0
  echo "e2e setup: apt-get install ${missing[*]}"
  as_root apt-get update
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
}

# @vscode/ripgrep's postinstall downloads from GitHub unless this archive is already in its cache.
prepare_ripgrep_cache() {
  local tmp cache_folder archive staging
  tmp="$(node -p 'require("node:os").tmpdir()')"
  cache_folder="$tmp/vscode-ripgrep-cache-$RIPGREP_CACHE_VERSION"
  archive="$cache_folder/$RIPGREP_ARCHIVE"
  [ -s "$archive" ] && return 0
  mkdir -p "$cache_folder"
  staging="$(mktemp -d)"
  cp /usr/bin/rg "$staging/rg"
  tar -czf "$archive" -C "$staging" rg
  rm -rf "$staging"
}

install_code_server() {
  if [ -f "$marker" ] && [ -x "$cache_dir/node_modules/.bin/code-server" ]; then
    echo "e2e setup: code-server $CODE_SERVER_VERSION already installed in $cache_dir"
    return 0
  fi
  mkdir -p "$cache_dir"
  # A package.json of its own keeps npm from walking up to the extension's package.json.
  [ -f "$cache_dir/package.json" ] || echo '{ "name": "e2e-code-server-cache", "private": true }' >"$cache_dir/package.json"
  echo "e2e setup: installing code-server@$CODE_SERVER_VERSION into $cache_dir"
  (cd "$cache_dir" && npm_config_unsafe_perm=true npm_config_yes=true \
    npm install --no-audit --no-fund --save-exact "code-server@$CODE_SERVER_VERSION")
  touch "$marker"
}

install_apt_packages
prepare_ripgrep_cache
install_code_server
echo "e2e setup: done"

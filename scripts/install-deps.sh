#!/usr/bin/env bash
# Installs what building and testing need on Debian 12 (bookworm).
# As root it runs apt-get; otherwise it prints the exact command and stops.
set -euo pipefail

packages=(
    cmake ninja-build g++ pkg-config
    qt6-base-dev qt6-base-dev-tools qt6-httpserver-dev qt6-tools-dev qt6-tools-dev-tools
    qt6-websockets-dev qt6-l10n-tools qt6-svg-dev qtkeychain-qt6-dev libqt6sql6-sqlite qt6-qpa-plugins
    libgl-dev clang-format
    dbus dbus-x11 gnome-keyring
)
# The interoperability tests run Alibaba Cloud's official Node.js SDK.
command -v node >/dev/null 2>&1 || packages+=(nodejs)
command -v npm >/dev/null 2>&1 || packages+=(npm)

missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
        || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
    echo "Missing Debian packages. Install them with:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
    exit 1
fi
echo "Installing: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null

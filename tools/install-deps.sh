#!/usr/bin/env bash
# Installs the Debian 12 packages ipzone needs to build and test, skipping
# those already installed. Run as root (or with sudo available).
set -euo pipefail
packages=(g++ make cmake libcli11-dev libyaml-cpp-dev libfmt-dev catch2)
# The tz database, for "today" in --tz / TZ / Asia/Shanghai (README "How the Measures are read").
packages+=(tzdata)
# The HTML reports' browser tests: headless Chromium, a CJK font, pdfinfo/pdftotext.
packages+=(chromium fonts-noto-cjk poppler-utils)
# The XLSX output (libxlsxwriter, zlib), the .xlsx roster reader (minizip, expat),
# and their tests (openpyxl, for /usr/bin/python3).
packages+=(libxlsxwriter-dev zlib1g-dev libminizip-dev libexpat1-dev python3-openpyxl)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all packages present"
  exit 0
fi
as_root=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "install-deps: run as root to install: ${missing[*]}" >&2; exit 1; }
  as_root=(sudo)
fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get -o DPkg::Lock::Timeout=900 install -y -qq --no-install-recommends "${missing[@]}"

#!/usr/bin/env bash
# Installs the Debian packages and Python modules Kimbiseo needs to build, run and test.
# As root it runs apt-get/pip itself; otherwise it prints the exact command and stops.
set -euo pipefail

DEB_PACKAGES=(
  pkg-config
  libcurl4-openssl-dev   # HTTP gateways and SMTP
  libssl-dev             # HMAC-SHA256 for gateway signatures
  libsqlite3-dev         # the customer store
  libcairo2-dev          # DM label PDFs
  libfreetype-dev
  fonts-nanum            # NanumGothic for labels
  sqlite3                # second writer in tests, baseline in benchmarks
  poppler-utils          # pdftotext/pdfinfo/pdftoppm in tests
  openssl                # throwaway certificates for the TLS tests
)
PY_MODULES=(aiosmtpd openpyxl korean_lunar_calendar ephem)
PY_PACKAGES=(aiosmtpd openpyxl korean-lunar-calendar ephem)

missing=()
for p in "${DEB_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  if [ "$(id -u)" = 0 ]; then
    echo "kimbiseo: installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "kimbiseo: missing Debian packages. Run:" >&2
    echo "  sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi

PY=${PYTHON:-python3}
pymissing=()
for i in "${!PY_MODULES[@]}"; do
  "$PY" -c "import ${PY_MODULES[$i]}" 2>/dev/null || pymissing+=("${PY_PACKAGES[$i]}")
done
if ((${#pymissing[@]})); then
  if [ "$(id -u)" = 0 ] || [ -n "${VIRTUAL_ENV:-}" ]; then
    echo "kimbiseo: installing Python modules for tests: ${pymissing[*]}"
    "$PY" -m pip install -q --disable-pip-version-check "${pymissing[@]}" 2>&1 | grep -v "Running pip as the 'root'" || true
  else
    echo "kimbiseo: tests need Python modules. Run:" >&2
    echo "  $PY -m pip install --user ${pymissing[*]}" >&2
  fi
fi

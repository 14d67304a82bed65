#!/usr/bin/env bash
# Installs Kimbiseo system-wide (run as root after `make build`):
#   binary      PREFIX/bin/kimbiseo
#   config      /etc/kimbiseo/kimbiseo.yaml (kept if it exists)
#   templates   PREFIX/share/kimbiseo/templates
#   unit        /etc/systemd/system/kimbiseo.service, user `kimbiseo`, state /var/lib/kimbiseo
set -euo pipefail
PREFIX=${1:-/usr/local}
cd "$(dirname "$0")/.."
[ "$(id -u)" = 0 ] || { echo "install: run as root (sudo make install)" >&2; exit 1; }

install -D -m 0755 .build/release/kimbiseo "$PREFIX/bin/kimbiseo"
install -d -m 0755 "$PREFIX/share/kimbiseo"
cp -r templates "$PREFIX/share/kimbiseo/"
install -D -m 0644 README.md "$PREFIX/share/doc/kimbiseo/README.md"
install -d -m 0750 /etc/kimbiseo
if [ ! -f /etc/kimbiseo/kimbiseo.yaml ]; then
  sed -e 's#path: ./var/kimbiseo.sqlite#path: /var/lib/kimbiseo/kimbiseo.sqlite#' \
      -e 's#spool_dir: ./var/spool/mail#spool_dir: /var/lib/kimbiseo/spool/mail#' \
      -e 's#spool_dir: ./var/spool#spool_dir: /var/lib/kimbiseo/spool#' \
      -e 's#output_dir: ./var/labels#output_dir: /var/lib/kimbiseo/labels#' \
      -e "s#templates_dir: templates/sms#templates_dir: $PREFIX/share/kimbiseo/templates/sms#" \
      config/kimbiseo.yaml > /etc/kimbiseo/kimbiseo.yaml
  chmod 0640 /etc/kimbiseo/kimbiseo.yaml
fi
getent group kimbiseo >/dev/null || groupadd --system kimbiseo
getent passwd kimbiseo >/dev/null || useradd --system --gid kimbiseo --home-dir /var/lib/kimbiseo --shell /usr/sbin/nologin kimbiseo
chgrp kimbiseo /etc/kimbiseo /etc/kimbiseo/kimbiseo.yaml
sed "s#/usr/local/bin/kimbiseo#$PREFIX/bin/kimbiseo#; s#/usr/local/share#$PREFIX/share#g" systemd/kimbiseo.service \
  > /etc/systemd/system/kimbiseo.service
if command -v systemctl >/dev/null && [ -d /run/systemd/system ]; then
  systemctl daemon-reload
  echo "installed. Start with: systemctl enable --now kimbiseo"
else
  echo "installed (no running systemd here: enable the unit on the target machine)."
fi

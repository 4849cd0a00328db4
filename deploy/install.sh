#!/usr/bin/env bash
# Installs a published CityScreen build as the systemd service deploy/cityscreen.service:
#   dotnet publish src/CityScreen.Server -c Release -o out/cityscreen
#   sudo deploy/install.sh out/cityscreen
# The program goes to /opt/cityscreen (the previous one is kept as /opt/cityscreen.previous for a
# rollback), the data stays in /var/lib/cityscreen, settings in /etc/cityscreen/cityscreen.env.
# DESTDIR=/some/dir installs into that tree only (no user, no systemctl): how CI checks it.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
published="${1:?usage: install.sh PUBLISH_DIR}"
[ -f "$published/CityScreen.Server.dll" ] || { echo "install.sh: $published has no CityScreen.Server.dll (run dotnet publish first)" >&2; exit 1; }
root="${DESTDIR:-}"
app="$root/opt/cityscreen" data="$root/var/lib/cityscreen" conf="$root/etc/cityscreen" units="$root/etc/systemd/system"

if [ -z "$root" ]; then
  id -u cityscreen >/dev/null 2>&1 || useradd --system --home-dir /var/lib/cityscreen --shell /usr/sbin/nologin cityscreen
  systemctl stop cityscreen 2>/dev/null || true
fi

mkdir -p "$app" "$data" "$conf" "$units"
if [ -n "$(ls -A "$app" 2>/dev/null)" ]; then
  rm -rf "$app.previous"
  cp -a "$app" "$app.previous"
fi
# The program only: a published build never carries data, so nothing under data/ is touched.
rm -rf "${app:?}"/*
cp -a "$published"/. "$app"/
install -m 0644 "$here/cityscreen.service" "$units/cityscreen.service"
if [ ! -f "$conf/cityscreen.env" ]; then
  install -m 0640 /dev/null "$conf/cityscreen.env"
  cat > "$conf/cityscreen.env" <<'ENV'
# CityScreen settings (docs/operations.md). Set the first admin's password before the first start.
# CityScreen__Auth__Admin__Password=
# Cluster mode:
# CityScreen__Cluster__Provider=Postgres
# CityScreen__Storage__Provider=Postgres
# CityScreen__Jobs__Storage=Postgres
# ConnectionStrings__CityScreen=Host=db;Database=cityscreen;Username=cityscreen;Password=
ENV
fi

if [ -z "$root" ]; then
  chown -R cityscreen:cityscreen "$data"
  chown root:cityscreen "$conf/cityscreen.env"
  systemctl daemon-reload
  systemctl enable --now cityscreen
  echo "installed; follow it with: journalctl -u cityscreen -f"
else
  echo "installed into $root"
fi

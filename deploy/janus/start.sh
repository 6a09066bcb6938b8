#!/usr/bin/env bash
# Starts Debian's Janus (apt-get install janus) with the configuration Vape ships: renders deploy/janus/*.jcfg into
# a data dir and runs janus in the foreground (Ctrl+C stops it). Settings through the environment:
#   JANUS_DATA        the data dir (default: data/janus beside Vape.sln): rendered config, log, admin key
#   JANUS_IP          where the client API listens and ICE gathers (default 127.0.0.1; WebRTC needs a non-loopback
#                     address for real clients, e.g. the machine's LAN address)
#   JANUS_HTTP_PORT   client API port (default 8088)
#   JANUS_ADMIN_IP    where the admin API listens (default 127.0.0.1: only Vape talks to it)
#   JANUS_ADMIN_PORT  admin API port (default 7088)
#   JANUS_ADMIN_KEY   the admin secret and VideoRoom admin key (default: generated once into $JANUS_DATA/admin-key)
#   JANUS_RTP_PORTS   RTP port range (default 20000-40000)
#   JANUS_DEBUG_LEVEL 0-7 (default 4)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
data="${JANUS_DATA:-$root/data/janus}"
ip="${JANUS_IP:-127.0.0.1}"
mkdir -p "$data/etc"
data="$(cd "$data" && pwd)"
if [ -z "${JANUS_ADMIN_KEY:-}" ]; then
  [ -s "$data/admin-key" ] || (umask 077; head -c 32 /dev/urandom | base64 | tr -d '/+=' > "$data/admin-key")
  JANUS_ADMIN_KEY="$(cat "$data/admin-key")"
fi
case "$JANUS_ADMIN_KEY" in *[!A-Za-z0-9._-]*) echo "start.sh: JANUS_ADMIN_KEY: letters, digits, . _ - only" >&2; exit 2;; esac
libdir="$(ls -d /usr/lib/*/janus 2>/dev/null | head -1 || true)"
[ -n "$libdir" ] || libdir=/usr/lib/janus
command -v janus >/dev/null || { echo "start.sh: janus is not installed (apt-get install -y janus)" >&2; exit 2; }
enforce=""
# Inside a network namespace or on a server: gather ICE candidates on the chosen address only.
[ "$ip" != "127.0.0.1" ] && [ "$ip" != "0.0.0.0" ] && enforce="	ice_enforce_list = \"$ip\""
for f in janus.jcfg janus.transport.http.jcfg janus.plugin.videoroom.jcfg; do
  sed -e "s|@CONFIGS@|$data/etc|g" -e "s|@LIBDIR@|$libdir|g" -e "s|@DATA@|$data|g" \
      -e "s|@DEBUG_LEVEL@|${JANUS_DEBUG_LEVEL:-4}|g" -e "s|@ADMIN_KEY@|$JANUS_ADMIN_KEY|g" \
      -e "s|@RTP_PORTS@|${JANUS_RTP_PORTS:-20000-40000}|g" -e "s|@IP@|$ip|g" \
      -e "s|@HTTP_PORT@|${JANUS_HTTP_PORT:-8088}|g" -e "s|@ADMIN_IP@|${JANUS_ADMIN_IP:-127.0.0.1}|g" \
      -e "s|@ADMIN_PORT@|${JANUS_ADMIN_PORT:-7088}|g" -e "s|@ICE_ENFORCE@|$enforce|g" \
      "$here/$f" > "$data/etc/$f"
done
chmod 600 "$data/etc/"*.jcfg
exec janus -C "$data/etc/janus.jcfg" -F "$data/etc" -o

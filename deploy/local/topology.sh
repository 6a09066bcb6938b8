#!/usr/bin/env bash
# Vape's production shape on one machine, without Docker: PostgreSQL (the embedded cluster), Redis, two Vape
# hosts and nginx in front, all on loopback, and Janus for the live class's picture and sound (deploy/janus/start.sh)
# when Debian's `janus` is installed. The same topology as docker-compose.yml.
#
#   deploy/local/topology.sh start     build, start everything, wait until nginx answers ready
#   deploy/local/topology.sh stop      stop everything it started
#   deploy/local/topology.sh status    what runs, and readiness of each host
#
# Settings (environment): VAPE_TOPOLOGY_DIR (default data/topology: cluster, keys, files, logs, pids),
# VAPE_TOPOLOGY_PORT (nginx, 8080), VAPE_HOST_PORTS ("5081 5082"), VAPE_REDIS_PORT (6390),
# VAPE_TOPOLOGY_ENVIRONMENT (Development: demo data and /dev/token for load clients), VAPE_TOPOLOGY_APP (a
# folder with a built Vape.Host.dll to run instead of building one; the tests pass their own build).
# Janus: VAPE_JANUS (1 by default when `janus` is installed, 0 to leave it out), VAPE_JANUS_IP (127.0.0.1: the API
# and ICE candidates; a LAN address for phones), VAPE_JANUS_HTTP_PORT (8088), VAPE_JANUS_ADMIN_PORT (7088); its
# data, log and admin key under $VAPE_TOPOLOGY_DIR/janus, the key given to both hosts (Vape:Media:Janus:Nodes:0).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
STATE=${VAPE_TOPOLOGY_DIR:-$ROOT/data/topology}
NGINX_PORT=${VAPE_TOPOLOGY_PORT:-8080}
read -r -a HOST_PORTS <<<"${VAPE_HOST_PORTS:-5081 5082}"
REDIS_PORT=${VAPE_REDIS_PORT:-6390}
ENVIRONMENT=${VAPE_TOPOLOGY_ENVIRONMENT:-Development}
APP=${VAPE_TOPOLOGY_APP:-$STATE/app}
JANUS=${VAPE_JANUS:-$([ -x /usr/bin/janus ] && echo 1 || echo 0)}
JANUS_IP=${VAPE_JANUS_IP:-127.0.0.1}
JANUS_HTTP_PORT=${VAPE_JANUS_HTTP_PORT:-8088}
JANUS_ADMIN_PORT=${VAPE_JANUS_ADMIN_PORT:-7088}

say() { echo "topology: $*"; }

install_missing() {
  local missing=()
  command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
  command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx)
  [ "$JANUS" = 1 ] && { [ -x /usr/bin/janus ] || missing+=(janus); [ -f /usr/share/javascript/janus-gateway/janus.min.js ] || missing+=(libjs-janus-gateway); }
  [ ${#missing[@]} -eq 0 ] && return
  if [ "$(id -u)" -ne 0 ]; then
    echo "topology: needs ${missing[*]}: sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  say "installing ${missing[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  # Debian starts its own services; this topology runs its own copies on its own ports.
  for service in redis-server nginx; do
    command -v systemctl >/dev/null 2>&1 && systemctl stop "$service" >/dev/null 2>&1 || true
    command -v service >/dev/null 2>&1 && service "$service" stop >/dev/null 2>&1 || true
  done
}

alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

wait_ready() { # url, seconds
  for _ in $(seq 1 "$2"); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$1" 2>/dev/null)" = "200" ] && return 0
    sleep 1
  done
  return 1
}

start_redis() {
  alive "$STATE/redis.pid" && return
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --daemonize yes --pidfile "$STATE/redis.pid" \
    --dir "$STATE" --logfile "$STATE/redis.log" --save "" --appendonly no
  for _ in $(seq 1 50); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && return; sleep 0.1; done
  echo "topology: redis did not start, see $STATE/redis.log" >&2; exit 1
}

janus_ping() {
  curl -s -X POST "http://$JANUS_IP:$JANUS_ADMIN_PORT/admin" \
    -d "{\"janus\":\"ping\",\"transaction\":\"t\",\"admin_secret\":\"$(cat "$STATE/janus/admin-key" 2>/dev/null)\"}" 2>/dev/null | grep -q pong
}

# Janus with the configuration Vape ships (deploy/janus), in the background; its admin key stays in $STATE/janus.
start_janus() {
  [ "$JANUS" = 1 ] || return 0
  alive "$STATE/janus.pid" && return
  mkdir -p "$STATE/janus"
  (
    JANUS_DATA=$STATE/janus JANUS_IP=$JANUS_IP JANUS_ADMIN_IP=127.0.0.1 JANUS_HTTP_PORT=$JANUS_HTTP_PORT \
    JANUS_ADMIN_PORT=$JANUS_ADMIN_PORT JANUS_DEBUG_LEVEL=${VAPE_JANUS_DEBUG_LEVEL:-3} \
      nohup bash "$ROOT/deploy/janus/start.sh" >>"$STATE/janus.log" 2>&1 &
    echo $! >"$STATE/janus.pid"
  )
  for _ in $(seq 1 300); do janus_ping && { say "janus ready on http://$JANUS_IP:$JANUS_HTTP_PORT/janus"; return; }; sleep 0.2; done
  echo "topology: janus not ready, see $STATE/janus.log" >&2; exit 1
}

# The media settings each host gets when Janus runs (environment variable names of Vape:Media:Janus:Nodes:0).
janus_environment() {
  [ "$JANUS" = 1 ] || return 0
  echo "Vape__Media__Janus__Nodes__0__Name=janus-1"
  echo "Vape__Media__Janus__Nodes__0__AdminUrl=http://127.0.0.1:$JANUS_ADMIN_PORT/admin"
  echo "Vape__Media__Janus__Nodes__0__PublicUrl=http://$JANUS_IP:$JANUS_HTTP_PORT/janus"
  echo "Vape__Media__Janus__Nodes__0__AdminKey=$(cat "$STATE/janus/admin-key")"
}

# host <index>: starts (or restarts) one Vape host.
start_host() {
  local i=$1 port=${HOST_PORTS[$1]} name
  name=host-$((i + 1))
  alive "$STATE/$name.pid" && return
  (
    cd "$APP"
    while IFS= read -r setting; do [ -n "$setting" ] && export "${setting?}"; done < <(janus_environment)
    ASPNETCORE_ENVIRONMENT=$ENVIRONMENT ASPNETCORE_URLS=http://127.0.0.1:$port \
    Vape__DataPath=$STATE/data Vape__Database=vape ConnectionStrings__Redis=127.0.0.1:$REDIS_PORT \
    Vape__HostName=$name \
      nohup dotnet Vape.Host.dll >>"$STATE/$name.log" 2>&1 &
    echo $! >"$STATE/$name.pid"
  )
  wait_ready "http://127.0.0.1:$port/health/ready" 120 || { echo "topology: $name not ready, see $STATE/$name.log" >&2; exit 1; }
  say "$name ready on http://127.0.0.1:$port"
}

write_nginx_conf() {
  local servers=""
  for port in "${HOST_PORTS[@]}"; do servers+="        server 127.0.0.1:$port max_fails=1 fail_timeout=3s;"$'\n'; done
  mkdir -p "$STATE/nginx"
  cat >"$STATE/nginx.conf" <<CONF
# Written by deploy/local/topology.sh; see deploy/nginx/nginx.conf for the commented production version.
worker_processes 1;
pid $STATE/nginx.pid;
error_log $STATE/nginx-error.log crit;
worker_rlimit_nofile 20000;
events { worker_connections 16384; }
http {
    access_log off;
    client_body_temp_path $STATE/nginx/body;
    proxy_temp_path $STATE/nginx/proxy;
    fastcgi_temp_path $STATE/nginx/fastcgi;
    uwsgi_temp_path $STATE/nginx/uwsgi;
    scgi_temp_path $STATE/nginx/scgi;
    client_max_body_size 60m;
    map \$http_upgrade \$connection_upgrade { default upgrade; '' ''; }
    # Load clients on loopback all share one address, so no ip stickiness here: clients connect with
    # skipNegotiation + WebSockets (one request per connection), and a dead host is skipped at once.
    upstream vape {
        least_conn;
$servers        keepalive 32;
    }
    server {
        listen 127.0.0.1:$NGINX_PORT;
        proxy_http_version 1.1;
        proxy_set_header Host \$host;
        proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
        proxy_set_header Upgrade \$http_upgrade;
        proxy_set_header Connection \$connection_upgrade;
        proxy_next_upstream error timeout http_502 http_503;
        proxy_connect_timeout 2s;
        location /hubs/ { proxy_pass http://vape; proxy_read_timeout 1h; proxy_send_timeout 1h; proxy_buffering off; }
        location / { proxy_pass http://vape; }
    }
}
CONF
}

start() {
  install_missing
  mkdir -p "$STATE"
  if [ -z "${VAPE_TOPOLOGY_APP:-}" ]; then
    say "building the host into $APP"
    dotnet build "$ROOT/src/Host/Vape.Host" -c Release -o "$APP" -v quiet -nologo >"$STATE/build.log" 2>&1 \
      || { echo "topology: build failed, see $STATE/build.log" >&2; exit 1; }
  fi
  start_redis
  start_janus
  # One after the other: the first host starts the embedded cluster, the second finds it running.
  for i in "${!HOST_PORTS[@]}"; do start_host "$i"; done
  write_nginx_conf
  alive "$STATE/nginx.pid" || /usr/sbin/nginx -c "$STATE/nginx.conf" -p "$STATE"
  wait_ready "http://127.0.0.1:$NGINX_PORT/health/ready" 30 || { echo "topology: nginx not answering" >&2; exit 1; }
  say "ready: http://127.0.0.1:$NGINX_PORT (hosts ${HOST_PORTS[*]}, redis $REDIS_PORT)"
}

stop() {
  alive "$STATE/nginx.pid" && /usr/sbin/nginx -c "$STATE/nginx.conf" -p "$STATE" -s stop 2>/dev/null || true
  for i in "${!HOST_PORTS[@]}"; do
    local pidfile=$STATE/host-$((i + 1)).pid
    if alive "$pidfile"; then kill -TERM "$(cat "$pidfile")"; fi
  done
  for i in "${!HOST_PORTS[@]}"; do
    local pidfile=$STATE/host-$((i + 1)).pid
    for _ in $(seq 1 60); do alive "$pidfile" || break; sleep 0.5; done
    alive "$pidfile" && kill -KILL "$(cat "$pidfile")" 2>/dev/null || true
    rm -f "$pidfile"
  done
  redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
  if alive "$STATE/janus.pid"; then
    kill -TERM "$(cat "$STATE/janus.pid")"
    for _ in $(seq 1 50); do alive "$STATE/janus.pid" || break; sleep 0.1; done
    alive "$STATE/janus.pid" && kill -KILL "$(cat "$STATE/janus.pid")" 2>/dev/null || true
  fi
  rm -f "$STATE/janus.pid"
  # The embedded cluster outlives a host that was killed; stop it here.
  local pg_ctl
  pg_ctl=$(ls /usr/lib/postgresql/*/bin/pg_ctl 2>/dev/null | sort -V | tail -1 || true)
  if [ -n "$pg_ctl" ] && [ -f "$STATE/data/postgres/postmaster.pid" ]; then
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$pg_ctl" -D "$STATE/data/postgres" stop -m fast >/dev/null 2>&1 || true
    else "$pg_ctl" -D "$STATE/data/postgres" stop -m fast >/dev/null 2>&1 || true; fi
  fi
  say "stopped"
}

status() {
  for i in "${!HOST_PORTS[@]}"; do
    local name=host-$((i + 1)) port=${HOST_PORTS[$i]}
    echo "$name (:$port): $(alive "$STATE/$name.pid" && echo running || echo stopped), ready: $(curl -s "http://127.0.0.1:$port/health/ready" || echo -)"
  done
  echo "redis (:$REDIS_PORT): $(redis-cli -p "$REDIS_PORT" ping 2>/dev/null || echo stopped)"
  echo "nginx (:$NGINX_PORT): $(alive "$STATE/nginx.pid" && echo running || echo stopped)"
  [ "$JANUS" = 1 ] && echo "janus (:$JANUS_HTTP_PORT, admin :$JANUS_ADMIN_PORT): $(janus_ping && echo ready || echo stopped)"
  return 0
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac

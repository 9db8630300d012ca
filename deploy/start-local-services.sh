#!/usr/bin/env bash
# Installs (when missing) and starts RabbitMQ and PostgreSQL on loopback from Debian's
# packages (and the test peers: an SMTP server, headless Chromium), for machines with no Docker engine (developers' machines and CI).
# Safe to run twice: every step checks before it acts. Leaves the machine's own
# configuration untouched (RabbitMQ reads a config from /tmp; PostgreSQL keeps its own).
set -euo pipefail

RMQ_DIR=${RMQ_DIR:-/tmp/ingestion-rabbitmq}
PG_ROLE=${PG_ROLE:-app}
PG_PASSWORD=${PG_PASSWORD:-app}
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"

log() { echo "[local-services] $*"; }

install_missing() {
  local missing=()
  command -v rabbitmq-server >/dev/null 2>&1 || missing+=(rabbitmq-server)
  ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || missing+=(postgresql)
  # Test peers: a real SMTP server (alert e-mail) and headless Chromium with Arabic fonts (operator pages).
  python3 -c 'import aiosmtpd' >/dev/null 2>&1 || /usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1 || missing+=(python3-aiosmtpd)
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  [ -d /usr/share/fonts/truetype/noto ] || missing+=(fonts-noto-core)
  [ ${#missing[@]} -eq 0 ] && return
  log "installing ${missing[*]}"
  $SUDO apt-get update -q
  # policy-rc.d keeps the packages from starting services on install (no init system here).
  DEBIAN_FRONTEND=noninteractive RUNLEVEL=1 $SUDO apt-get install -y -q "${missing[@]}"
}

start_rabbitmq() {
  export RABBITMQ_CONFIG_FILE=$RMQ_DIR/rabbitmq.conf RABBITMQ_ENABLED_PLUGINS_FILE=$RMQ_DIR/enabled_plugins
  export ERL_EPMD_ADDRESS=127.0.0.1
  export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
  local pidfile=/var/lib/rabbitmq/mnesia/rabbit@$(hostname -s).pid
  if rabbitmqctl -q status >/dev/null 2>&1; then log "RabbitMQ already running"; return; fi
  mkdir -p "$RMQ_DIR"
  printf 'listeners.tcp.default = 127.0.0.1:5672\nmanagement.tcp.ip = 127.0.0.1\nmanagement.tcp.port = 15672\n' > "$RMQ_DIR/rabbitmq.conf"
  echo '[rabbitmq_management].' > "$RMQ_DIR/enabled_plugins"
  chown -R rabbitmq:rabbitmq "$RMQ_DIR" 2>/dev/null || true
  log "starting RabbitMQ"
  rabbitmq-server -detached
  rabbitmqctl wait --timeout 90 "$pidfile" >/dev/null
  # The management API answers a little after the broker itself.
  for _ in $(seq 1 60); do
    curl -fsS -u guest:guest http://127.0.0.1:15672/api/overview >/dev/null 2>&1 && break
    sleep 1
  done
}

start_postgres() {
  local version; version=$(ls /usr/lib/postgresql | sort -V | tail -n1)
  if ! pg_lsclusters -h | grep -q "^$version main"; then pg_createcluster "$version" main >/dev/null; fi
  if ! pg_isready -q -h 127.0.0.1; then
    log "starting PostgreSQL $version"
    pg_ctlcluster "$version" main start
    for _ in $(seq 1 60); do pg_isready -q -h 127.0.0.1 && break; sleep 0.5; done
  else
    log "PostgreSQL already running"
  fi
  # TCP logins use scram: the role needs a password. CREATEDB: each service and test makes its own database.
  runuser -u postgres -- psql -qtAc "SELECT 1 FROM pg_roles WHERE rolname='$PG_ROLE'" | grep -q 1 ||
    runuser -u postgres -- psql -qc "CREATE ROLE $PG_ROLE LOGIN PASSWORD '$PG_PASSWORD' CREATEDB"
}

install_missing
start_rabbitmq
start_postgres
log "RabbitMQ amqp://127.0.0.1:5672 (management http://127.0.0.1:15672), PostgreSQL 127.0.0.1:5432 role $PG_ROLE: ready"

#!/bin/bash
# Container health check without curl or wget (absent from the aspnet runtime image):
# bash's /dev/tcp speaks just enough HTTP/1.1 to read the status line.
# Usage: healthcheck [path]   (path defaults to /health; port from HEALTHCHECK_PORT, else 8080)
# Exit 0 on "HTTP/1.x 200", 1 otherwise (no listener, timeout, any other status).
set -u
path=${1:-/health}
port=${HEALTHCHECK_PORT:-8080}
if ! exec 3<>"/dev/tcp/127.0.0.1/$port"; then
  echo "unhealthy: nothing listens on port $port" >&2
  exit 1
fi
printf 'GET %s HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n' "$path" >&3
status=""
IFS= read -r -t 4 status <&3 || true
exec 3<&-
case "$status" in
  "HTTP/1."?" 200"*) exit 0 ;;
esac
echo "unhealthy: GET $path answered '${status%$'\r'}'" >&2
exit 1

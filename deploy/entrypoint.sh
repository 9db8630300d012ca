#!/bin/sh
# Starts the assembly chosen at build time (APP_ASSEMBLY) with the arguments given to the
# container. exec keeps dotnet as PID 1, so docker stop's SIGTERM reaches the host's
# graceful shutdown.
set -eu
# Replicas of one service share OTEL_SERVICE_NAME. Without a distinct service.instance.id
# the collector's Prometheus exporter gives their series identical labels and they
# overwrite each other; the container's hostname (its short id) tells them apart. An id set
# by the operator, or one the SDK adds itself later, takes precedence.
case "${OTEL_RESOURCE_ATTRIBUTES:-}" in
  *service.instance.id=*) ;;
  *) OTEL_RESOURCE_ATTRIBUTES="service.instance.id=${HOSTNAME:-$(cat /proc/sys/kernel/hostname)}${OTEL_RESOURCE_ATTRIBUTES:+,$OTEL_RESOURCE_ATTRIBUTES}"
     export OTEL_RESOURCE_ATTRIBUTES ;;
esac
exec dotnet "/app/${APP_ASSEMBLY:?APP_ASSEMBLY is set at build time}.dll" "$@"

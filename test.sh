#!/usr/bin/env bash
# Runs every test of the solution against a real RabbitMQ and PostgreSQL on loopback.
# It installs them from Debian's packages when missing and starts them (deploy/start-local-services.sh,
# safe to run twice), then runs `dotnet test`. Extra arguments go to dotnet test (e.g. --filter Store).
set -euo pipefail
cd "$(dirname "$0")"

bash deploy/start-local-services.sh

log=$(mktemp)
status=0
# A hung test must not hang the run: blame-hang dumps and stops it.
dotnet test Ingestion.sln --blame-hang-timeout 10m "$@" 2>&1 | tee "$log" || status=$?

# One closing line for the whole run, summed over the test assemblies.
awk '/(Passed|Failed)! +- +Failed: /{
       for (i = 1; i <= NF; i++) {
         if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1)
       }
     }
     END { gsub(",", "", p); printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$log"
rm -f "$log"
exit $status

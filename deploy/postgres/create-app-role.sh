#!/bin/bash
# Runs once, when the postgres image initialises an empty data volume
# (/docker-entrypoint-initdb.d). Creates the role the services log in with: LOGIN and
# CREATEDB only, because each service creates its own database (ingest_feeds,
# ingest_store, ingest_alerting) on first start. The superuser (POSTGRES_USER) stays for
# administration. The role name and password come from the environment (.env), never from
# this file. Idempotent, so a re-run against a live server is harmless.
# Changing INGEST_DB_PASSWORD later does not reach an existing volume: ALTER ROLE by hand,
# or start over with `docker compose down -v`.
set -euo pipefail
: "${INGEST_DB_USER:?INGEST_DB_USER is not set}"
: "${INGEST_DB_PASSWORD:?INGEST_DB_PASSWORD is not set}"

# psql variables (:"name" quotes an identifier, :'name' a literal) keep the values out of
# the SQL text, so no quoting trouble and no injection from the .env file.
psql -v ON_ERROR_STOP=1 --username "${POSTGRES_USER:-postgres}" --dbname "${POSTGRES_DB:-postgres}" \
     -v role="$INGEST_DB_USER" -v password="$INGEST_DB_PASSWORD" <<'SQL'
SELECT NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'role') AS role_missing \gset
\if :role_missing
  CREATE ROLE :"role" LOGIN CREATEDB PASSWORD :'password';
\else
  ALTER ROLE :"role" LOGIN CREATEDB PASSWORD :'password';
\endif
SQL

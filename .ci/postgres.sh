#!/usr/bin/env bash
# Installs (if missing) and starts PostgreSQL 15 on 127.0.0.1:5432 with role crmgov / database crmgov_test,
# then prints the connection string for CRMGOV_TEST_POSTGRES. Safe to run again.
# Use: export CRMGOV_TEST_POSTGRES="$(bash .ci/postgres.sh | tail -n 1)"
set -euo pipefail

installed_here=0
if ! command -v pg_ctlcluster >/dev/null 2>&1 || [ ! -d /etc/postgresql/15/main ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
  installed_here=1
fi

conf=/etc/postgresql/15/main/postgresql.conf
if ! grep -q "^listen_addresses = '127.0.0.1'" "$conf"; then
  echo "listen_addresses = '127.0.0.1'" >>"$conf"
fi
if [ "$installed_here" = 1 ]; then
  # A server this script installed exists only for the tests (a fresh CI machine), which create and drop a database per
  # test: durability is traded for speed, and no autovacuum worker starts in each new database (a drop would wait for it).
  # A server that was already there (benchmarks, a developer's data) is left as it is.
  printf 'fsync = off\nsynchronous_commit = off\nfull_page_writes = off\nautovacuum = off\n' >>"$conf"
fi

if ! pg_lsclusters -h | awk '$1 == "15" && $2 == "main" && $4 == "online" { found = 1 } END { exit !found }'; then
  pg_ctlcluster 15 main start >&2
elif [ "$installed_here" = 1 ]; then
  # The package started it before the settings above were written.
  pg_ctlcluster 15 main restart >&2
fi

for _ in $(seq 1 30); do
  if su postgres -c "psql -qAtc 'select 1'" >/dev/null 2>&1; then break; fi
  sleep 1
done

su postgres -c "psql -v ON_ERROR_STOP=1 -qAt" >&2 <<'SQL'
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'crmgov') THEN
    CREATE ROLE crmgov LOGIN PASSWORD 'crmgov';
  END IF;
END $$;
-- The portal's test suites give each test a database of its own.
ALTER ROLE crmgov CREATEDB;
-- Dropping a test database ends its sessions (DROP DATABASE ... WITH (FORCE)).
GRANT pg_signal_backend TO crmgov;
SQL
if [ "$(su postgres -c "psql -qAtc \"SELECT 1 FROM pg_database WHERE datname = 'crmgov_test'\"")" != "1" ]; then
  su postgres -c "createdb -O crmgov crmgov_test" >&2
fi

echo "Host=127.0.0.1;Port=5432;Database=crmgov_test;Username=crmgov;Password=crmgov"

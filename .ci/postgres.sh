#!/usr/bin/env bash
# Installs (if missing) PostgreSQL 15, starts a cluster for the tests on 127.0.0.1:5433 with role crmgov / database crmgov_test,
# then prints the connection string for CRMGOV_TEST_POSTGRES. Safe to run again.
# Use: export CRMGOV_TEST_POSTGRES="$(bash .ci/postgres.sh | tail -n 1)"
set -euo pipefail

if ! command -v pg_createcluster >/dev/null 2>&1 || [ ! -d /usr/lib/postgresql/15 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
fi

# The tests get a cluster of their own (15/crmgov-test on port 5433), created here when missing: they create and drop a
# database per test, so durability is traded for speed there (no fsync, no full-page writes, asynchronous commits) and
# no autovacuum worker starts in each new database (a drop would wait for it). A server already on the machine (the
# main cluster: benchmarks, a developer's data) is left as it is.
cluster=crmgov-test
port=5433
conf=/etc/postgresql/15/$cluster/postgresql.conf
if [ ! -f "$conf" ]; then
  pg_createcluster 15 "$cluster" -p "$port" >&2
  printf "listen_addresses = '127.0.0.1'\nfsync = off\nsynchronous_commit = off\nfull_page_writes = off\nautovacuum = off\n" >>"$conf"
fi
if ! pg_lsclusters -h | awk -v c="$cluster" '$1 == "15" && $2 == c && $4 == "online" { found = 1 } END { exit !found }'; then
  pg_ctlcluster 15 "$cluster" start >&2
fi

for _ in $(seq 1 30); do
  if su postgres -c "psql -p $port -qAtc 'select 1'" >/dev/null 2>&1; then break; fi
  sleep 1
done

su postgres -c "psql -p $port -v ON_ERROR_STOP=1 -qAt" >&2 <<'SQL'
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
if [ "$(su postgres -c "psql -p $port -qAtc \"SELECT 1 FROM pg_database WHERE datname = 'crmgov_test'\"")" != "1" ]; then
  su postgres -c "createdb -p $port -O crmgov crmgov_test" >&2
fi

echo "Host=127.0.0.1;Port=$port;Database=crmgov_test;Username=crmgov;Password=crmgov"

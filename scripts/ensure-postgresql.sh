#!/usr/bin/env bash
# The PostgreSQL tests (tests/store/) start a throwaway cluster of their own from Debian's server binaries. This
# installs Debian's `postgresql` with apt when they are missing and we are root on a Debian-like machine (the
# package's own cluster is not needed: the tests run theirs on a free port); otherwise it says what to run, and
# those tests skip, saying so by name. Fast when present.
set -euo pipefail
if [ -n "${POSTGRES_BIN:-}" ] || compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "The PostgreSQL tests need PostgreSQL's server: sudo apt-get install -y postgresql (or set POSTGRES_BIN). Without it they skip." >&2
  exit 0 # lint and the other tests still run
fi
echo "Installing PostgreSQL for the store tests (apt-get, one time)…" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq postgresql >/dev/null
echo "PostgreSQL: $(ls -d /usr/lib/postgresql/*/bin | tail -1)" >&2

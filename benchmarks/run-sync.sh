#!/bin/sh
# Builds the project and the benchmarks, then runs SyncBenchmark (the sync figures: one sync, 20 at once).
# Arguments are passed on (e.g. --rounds 15). Report on stdout, progress on stderr.
set -eu
cd "$(dirname "$0")/.."
if [ "${SKIP_INSTALL:-}" != "1" ]; then
  # shellcheck disable=SC2086
  mvn -q -B ${MVN_OPTS:--o} install -DskipTests >&2
fi
# shellcheck disable=SC2086
mvn -q -B ${MVN_OPTS:--o} -f benchmarks/pom.xml package >&2
# shellcheck disable=SC2086
exec java ${JAVA_OPTS:-} -cp 'benchmarks/target/blue-realm-benchmarks-0.1.0-SNAPSHOT.jar:benchmarks/target/lib/*' \
  dev.bluerealm.bench.SyncBenchmark "$@"

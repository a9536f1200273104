#!/bin/sh
# Builds the daemon and the benchmarks, then runs DaemonLoadBenchmark (issue 5: /health against a bare
# JDK HttpServer, session register + deregister pairs, rows counted in daemon.db afterwards).
# Arguments are passed on, e.g.
#   benchmarks/run-daemon.sh --rounds 3 --seconds 30 --clients 32 --warmup 5
# The Markdown report goes to stdout, progress to stderr; the exit code is 1 on any failed request
# or row mismatch.
#   SKIP_BUILD=1    do not rebuild the api/impl/daemon jars in this work tree (use target/ as it is)
#   JAVA_OPTS=...   extra JVM options for the load generator's JVM (default: none)
#   MVN_OPTS=...    extra Maven options (default: -o, offline)
# Unlike the other run-*.sh scripts this one never installs: it packages blue-realm-api, -impl and
# -daemon in this work tree and puts those jars ahead of the copies in benchmarks/target/lib, so the
# daemon measured is the one in this tree whatever ~/.m2 holds (and ~/.m2 is left alone). Server
# JVM options (the same for both servers) go in --server-opts '...'.
set -eu
cd "$(dirname "$0")/.."
if [ "${SKIP_BUILD:-}" != "1" ]; then
  # shellcheck disable=SC2086
  mvn -q -B ${MVN_OPTS:--o} -pl blue-realm-api,blue-realm-impl,blue-realm-daemon package -DskipTests >&2
fi
# shellcheck disable=SC2086
mvn -q -B ${MVN_OPTS:--o} -f benchmarks/pom.xml package >&2
cp=benchmarks/target/blue-realm-benchmarks-0.1.0-SNAPSHOT.jar
for m in blue-realm-api blue-realm-impl blue-realm-daemon; do
  cp="$cp:$m/target/$m-0.1.0-SNAPSHOT.jar"
done
for j in benchmarks/target/lib/*.jar; do
  case "$(basename "$j")" in
    blue-realm-*) ;; # this tree's jars above, not the ~/.m2 copies
    *) cp="$cp:$j" ;;
  esac
done
# shellcheck disable=SC2086
exec java ${JAVA_OPTS:-} -cp "$cp" dev.bluerealm.bench.DaemonLoadBenchmark "$@"

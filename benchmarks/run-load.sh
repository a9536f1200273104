#!/bin/sh
# Builds the benchmarks and runs LoadBenchmark. Arguments go to LoadBenchmark (see README.md), e.g.
#   benchmarks/run-load.sh --rounds 25 --cold 5
# The Markdown report goes to stdout, progress to stderr.
#   SKIP_INSTALL=1  do not rebuild/install the root modules first (use those in ~/.m2 as they are)
#   JAVA_OPTS=...   extra JVM options for the benchmark JVM (default: none, as the CLI runs)
#   MVN_OPTS=...    extra Maven options (default: -o, offline)
set -eu
here=$(CDPATH='' cd -- "$(dirname -- "$0")" && pwd)
root=$(dirname -- "$here")
mvn_opts=${MVN_OPTS:--o}
if [ "${SKIP_INSTALL:-0}" != 1 ]; then
    # the engine under test: install the root modules (tests skipped, not even compiled)
    # shellcheck disable=SC2086
    mvn -q -B $mvn_opts -f "$root/pom.xml" install -Dmaven.test.skip=true >&2
fi
# shellcheck disable=SC2086
mvn -q -B $mvn_opts -f "$here/pom.xml" package >&2
jar=$(ls "$here"/target/blue-realm-benchmarks-*.jar)
# shellcheck disable=SC2086
exec java ${JAVA_OPTS:-} -cp "$jar:$here/target/lib/*" dev.bluerealm.bench.LoadBenchmark "$@"

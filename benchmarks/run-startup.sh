#!/usr/bin/env bash
# Start-up of the `blue` launcher (issue 8): `blue --version` and `blue realm status` (offline, and
# fetching from the realm's remote) in the RFC's realm made by `blue demo`, against a Java hello-world
# in the same run; each with the launcher's AppCDS archive (lib/blue.jsa) and with the JDK's default
# archive instead; then, with a daemon running, `realm status` and `realm check` run by the daemon for
# bin/blue's small client JVM, and `realm status` in its own JVM (a session registered and ended); then
# the first command of a daemon just started, and the daemon's memory. Bash's CPU time counts the client's
# process tree only: the daemon's share of a command it runs is not in it.
#
# Usage: benchmarks/run-startup.sh [ROUNDS [BASELINE]]
#   ROUNDS    rounds (default 21); in each round every command runs once, in turn, so that the load
#             of a shared machine falls on all of them alike
#   BASELINE  another installation's bin/blue (say, an older build) measured in the same rounds
# Prints a Markdown report on stdout: per command the median wall time, the 10th-90th percentile
# range, and the median CPU time (user + system) of the whole process tree (bash's `time`).
set -eu
cd "$(dirname "$0")/.."
rounds=${1:-21}
baseline=${2:-}
blue=$PWD/blue-realm-cli/target/blue/bin/blue
if [ ! -x "$blue" ]; then
  echo "build first: mvn -B -q package -DskipTests -pl blue-realm-cli -am" >&2
  exit 1
fi
if [ -n "$baseline" ] && [ ! -x "$baseline" ]; then
  echo "no launcher at $baseline" >&2
  exit 1
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/blue-startup.XXXXXX")
cleanup() {
  if [ -d "$work/run" ]; then
    BLUE_HOME="$work/demo/.blue" BLUE_DAEMON_RUN_DIR="$work/run" "$blue" daemon stop >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT INT TERM
java_home=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.home = //p')
default_jsa="$java_home/lib/server/classes.jsa"

mkdir -p "$work/hello" "$work/times"
cat > "$work/hello/Hello.java" <<'JAVA'
public class Hello { public static void main(String[] a) { System.out.println("hello"); } }
JAVA
javac -d "$work/hello" "$work/hello/Hello.java"
BLUE_DAEMON=off "$blue" demo --dir "$work/demo" > /dev/null
cd "$work/demo/aperture"
export BLUE_HOME="$work/demo/.blue" BLUE_DAEMON=off NO_COLOR=1
# the daemon of the last row is this run's own: any free port, its pid file in $work, no fetching
export BLUE_DAEMON_PORT=0 BLUE_DAEMON_RUN_DIR="$work/run" BLUE_DAEMON_WATCH_SECONDS=0

# The commands, one a line: LABEL|ENV|COMMAND (ENV: assignments for env(1), or -)
cmds="$work/commands"
{
  echo 'Java hello-world (`java -Xshare:auto -XX:TieredStopAtLevel=1 Hello`)|-|java -Xshare:auto -XX:TieredStopAtLevel=1 -cp '"$work/hello"' Hello'
  for which in this ${baseline:+baseline}; do
    if [ "$which" = this ]; then b=$blue; tag=''; else b=$baseline; tag=' [baseline]'; fi
    echo '`blue --version`, AppCDS archive'"$tag"'|-|'"$b"' --version'
    echo '`blue realm status --offline`, AppCDS archive'"$tag"'|-|'"$b"' realm status --offline'
    echo '`blue realm status` (fetches), AppCDS archive'"$tag"'|-|'"$b"' realm status'
    echo '`blue --version`, JDK default archive only'"$tag"'|BLUE_JAVA_OPTS=-XX:SharedArchiveFile='"$default_jsa"'|'"$b"' --version'
    echo '`blue realm status --offline`, JDK default archive only'"$tag"'|BLUE_JAVA_OPTS=-XX:SharedArchiveFile='"$default_jsa"'|'"$b"' realm status --offline'
    echo '`blue realm status` (fetches), JDK default archive only'"$tag"'|BLUE_JAVA_OPTS=-XX:SharedArchiveFile='"$default_jsa"'|'"$b"' realm status'
  done
  # with the daemon running, as by default: the commands run by the daemon for a small client JVM, and in their own
  echo '`blue realm status --offline`, daemon running: run by the daemon|BLUE_DAEMON=on|'"$blue"' realm status --offline'
  echo '`blue realm status` (fetches), daemon running: run by the daemon|BLUE_DAEMON=on|'"$blue"' realm status'
  echo '`blue realm check`, daemon running: run by the daemon|BLUE_DAEMON=on|'"$blue"' realm check'
  # bin/blue's client JVM as it starts it, but with the JDK's default archive instead of lib/blue-client.jsa
  lib=${blue%/bin/blue}/lib
  client_cp=$(ls "$lib"/blue-realm-cli.jar "$lib"/blue-realm-daemon-*.jar "$lib"/blue-realm-api-*.jar | paste -sd: -)
  echo '`blue realm status --offline`, daemon running: run by the daemon, its client JVM with the JDK default archive only (started directly)|BLUE_DAEMON=on|java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -XX:SharedArchiveFile='"$default_jsa"' -cp '"$client_cp"' dev.bluerealm.cli.DaemonRun realm status --offline'
  echo '`blue realm status` (fetches), daemon running: in its own JVM (`BLUE_DAEMON_COMMANDS=off`; a session registered and ended)|BLUE_DAEMON=on BLUE_DAEMON_COMMANDS=off|'"$blue"' realm status'
  echo '`blue realm check`, in its own JVM, no daemon|-|'"$blue"' realm check'
} > "$cmds"

TIMEFORMAT='%3R %3U %3S'
run() { # run N ENV COMMAND...: one timed run (wall, user and system seconds), appended to $work/times/N
  local n=$1 e=$2
  shift 2
  if [ "$e" = - ]; then
    { time "$@" > /dev/null 2>&1 < /dev/null; } 2>> "$work/times/$n" || true
  else
    # shellcheck disable=SC2086
    { time env $e "$@" > /dev/null 2>&1 < /dev/null; } 2>> "$work/times/$n" || true
  fi
}
each() { # each FUNCTION: FUNCTION N ENV COMMAND for every command
  local n=0 label e command
  while IFS='|' read -r label e command <&3; do
    n=$((n + 1))
    set -f
    # shellcheck disable=SC2086
    "$1" "$n" "$e" $command
    set +f
  done 3< "$cmds"
}
warm() { shift; run 0 "$@"; }
"$blue" daemon start > /dev/null 2>&1 || echo "(no daemon: its row measures an auto-start attempt)" >&2
each warm # file cache, the realm's model snapshot, the repo's cache.db, the daemon's first answers
rm -f "$work/times/"*
load0=$(cut -d' ' -f1-3 /proc/loadavg)
i=0
while [ "$i" -lt "$rounds" ]; do
  each run
  i=$((i + 1))
done
load1=$(cut -d' ' -f1-3 /proc/loadavg)
daemon_rss=$(BLUE_DAEMON=on "$blue" daemon status --json 2>/dev/null | sed -n 's/.*"pid": \([0-9]*\).*/\1/p' | head -1)
daemon_rss=${daemon_rss:+$(ps -o rss= -p "$daemon_rss" 2>/dev/null | awk '{print int($1 / 1024)}')}

# The first command a freshly started daemon runs (its JVM still cold), five times
mkdir -p "$work/times/first"
for attempt in 1 2 3 4 5; do
  BLUE_DAEMON=on "$blue" daemon stop > /dev/null 2>&1 || true
  BLUE_DAEMON=on "$blue" daemon start > /dev/null 2>&1 || true
  { time env BLUE_DAEMON=on "$blue" realm status --offline > /dev/null 2>&1 < /dev/null; } 2>> "$work/times/first/status" || true
done

pct() { # pct P: the P-th percentile (nearest rank) of the numbers on stdin
  sort -n | awk -v p="$1" '{a[NR]=$1} END {r=int((p*NR+99)/100); if (r<1) r=1; print a[r]}'
}
echo "# Start-up ($(date -u +%Y-%m-%d), $(nproc) CPUs, $(java -version 2>&1 | head -1)), $rounds rounds"
echo
echo "Load average before/after: $load0 / $load1 (1, 5, 15 min)."
echo
echo "| command | median wall (ms) | p10-p90 wall (ms) | median CPU (ms) |"
echo "|---|---:|---:|---:|"
n=0
while IFS='|' read -r label e command; do
  n=$((n + 1))
  f="$work/times/$n"
  wall=$(awk '{print int($1 * 1000 + 0.5)}' "$f" | pct 50)
  p10=$(awk '{print int($1 * 1000 + 0.5)}' "$f" | pct 10)
  p90=$(awk '{print int($1 * 1000 + 0.5)}' "$f" | pct 90)
  cpu=$(awk '{print int(($2 + $3) * 1000 + 0.5)}' "$f" | pct 50)
  printf '| %s | %s | %s-%s | %s |\n' "$label" "$wall" "$p10" "$p90" "$cpu"
done < "$cmds"
f="$work/times/first/status"
printf '| %s | %s | %s-%s | %s |\n' '`blue realm status --offline`: the first command of a daemon just started (5 runs)' \
  "$(awk '{print int($1 * 1000 + 0.5)}' "$f" | pct 50)" "$(awk '{print int($1 * 1000 + 0.5)}' "$f" | pct 10)" \
  "$(awk '{print int($1 * 1000 + 0.5)}' "$f" | pct 90)" "$(awk '{print int(($2 + $3) * 1000 + 0.5)}' "$f" | pct 50)"
echo
echo "The daemon's resident memory after the rounds: ${daemon_rss:-?} MB."

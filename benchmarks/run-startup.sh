#!/bin/sh
# Start-up of the `blue` launcher (issue 8): `blue --version` and `blue realm status` in the RFC's
# realm (made by `blue demo`), against a Java hello-world in the same run, with the launcher's
# AppCDS archive (lib/blue.jsa) and with the JDK's default archive instead.
# Usage: benchmarks/run-startup.sh [ROUNDS]   (default 15; medians in ms on stdout)
set -eu
cd "$(dirname "$0")/.."
rounds=${1:-15}
blue=$PWD/blue-realm-cli/target/blue/bin/blue
if [ ! -x "$blue" ]; then
  echo "build first: mvn -B -q install -DskipTests" >&2
  exit 1
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/blue-startup.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
java_home=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.home = //p')
default_jsa="$java_home/lib/server/classes.jsa"

mkdir -p "$work/hello"
cat > "$work/hello/Hello.java" <<'JAVA'
public class Hello { public static void main(String[] a) { System.out.println("hello"); } }
JAVA
javac -d "$work/hello" "$work/hello/Hello.java"
BLUE_DAEMON=off "$blue" demo --dir "$work/demo" > /dev/null
cd "$work/demo/aperture"
export BLUE_HOME="$work/demo/.blue" BLUE_DAEMON=off NO_COLOR=1

now_ms() { date +%s%N | cut -c1-13; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
measure() { # measure LABEL COMMAND...: ROUNDS wall times, median
  label=$1; shift
  "$@" > /dev/null 2>&1 || true # warm the file cache
  i=0
  : > "$work/times"
  while [ "$i" -lt "$rounds" ]; do
    t0=$(now_ms); "$@" > /dev/null 2>&1; t1=$(now_ms)
    echo $((t1 - t0)) >> "$work/times"
    i=$((i + 1))
  done
  printf '| %s | %s |\n' "$label" "$(median < "$work/times")"
}

echo "# Start-up ($(date -u +%Y-%m-%d), $(nproc) CPUs, $(java -version 2>&1 | head -1)), median of $rounds runs"
echo
echo "| command | median (ms) |"
echo "|---|---:|"
measure 'Java hello-world (`java -Xshare:auto Hello`)' java -Xshare:auto -XX:TieredStopAtLevel=1 -cp "$work/hello" Hello
measure '`blue --version`, AppCDS archive' "$blue" --version
measure '`blue realm status --offline` (RFC realm), AppCDS archive' "$blue" realm status --offline
measure '`blue realm status` (fetches), AppCDS archive' "$blue" realm status
BLUE_JAVA_OPTS="-XX:SharedArchiveFile=$default_jsa" measure '`blue --version`, JDK default archive only' "$blue" --version
BLUE_JAVA_OPTS="-XX:SharedArchiveFile=$default_jsa" measure '`blue realm status --offline`, JDK default archive only' "$blue" realm status --offline
BLUE_JAVA_OPTS="-XX:SharedArchiveFile=$default_jsa" measure '`blue realm status` (fetches), JDK default archive only' "$blue" realm status

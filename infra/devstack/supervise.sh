#!/usr/bin/env bash
# supervise.sh NAME RUN_DIR COMMAND...: runs COMMAND and runs it again whenever it exits on its own (a JVM that
# ran out of memory exits at once with -XX:+ExitOnOutOfMemoryError), after a pause that doubles up to a minute.
# Each restart is said in the component's log and counted in RUN_DIR/NAME.restarts (./claraop status shows it).
# SIGTERM (./claraop stop/down) is passed to COMMAND and waited for, and nothing is restarted after it. The running
# COMMAND's pid is kept in RUN_DIR/NAME.jvm.
name=$1 run=$2
shift 2
child=
stopping=
trap 'stopping=1; [ -n "$child" ] && kill -TERM "$child" 2>/dev/null; [ -n "$child" ] && wait "$child"; exit 0' TERM INT
rm -f "$run/$name.restarts"
delay=1
restarts=0
while :; do
  started=$(date +%s)
  "$@" &
  child=$!
  echo "$child" >"$run/$name.jvm" # the process itself, for measurements (the benchmarks read its /proc)
  wait "$child"
  code=$?
  [ -n "$stopping" ] && exit 0
  # A run that lasted ten minutes was healthy: the next failure starts the back-off from the beginning.
  if [ $(( $(date +%s) - started )) -ge 600 ]; then delay=1; fi
  restarts=$((restarts + 1))
  echo "$restarts $(date -u +%Y-%m-%dT%H:%M:%SZ) $code" >"$run/$name.restarts"
  printf '{"@timestamp":"%s","level":"ERROR","logger_name":"claraop","message":"%s exited with code %s; restarting in %s s (restart %s)"}\n' \
    "$(date -u +%Y-%m-%dT%H:%M:%S.000Z)" "$name" "$code" "$delay" "$restarts"
  sleep "$delay" &
  child=$!
  wait "$child"
  [ -n "$stopping" ] && exit 0
  delay=$(( delay >= 32 ? 60 : delay * 2 ))
done

#!/usr/bin/env bash
# The Prometheus configuration and alert rules, checked and unit-tested by promtool (part of ./mvnw verify:
# never skipped). promtool comes from Debian's prometheus package: installed here when missing and
# possible (root with apt-get), else the build fails saying how to install it.
set -euo pipefail
cd "$(dirname "$0")"
if ! command -v promtool >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "check.sh: installing promtool (Debian package prometheus)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends prometheus >/dev/null
  else
    echo "check.sh: promtool is missing: install Debian's prometheus package (apt-get install prometheus)" >&2
    exit 1
  fi
fi
promtool --version 2>&1 | head -1
promtool check config prometheus.yml
# Rules live in rules/ (every file there is loaded by Prometheus), their promtool tests in tests/.
rules=(rules/*.yml)
promtool check rules "${rules[@]}"
# Every rule file has its tests, and every alert is exercised by at least one of them.
tests=()
for rule in "${rules[@]}"; do
  test="tests/$(basename "${rule%.yml}")_test.yml"
  [ -f "$test" ] || { echo "check.sh: $rule has no $test" >&2; exit 1; }
  tests+=("$test")
done
for alert in $(sed -n 's/^ *- alert: *\([A-Za-z0-9_]*\).*/\1/p' "${rules[@]}"); do
  grep -q "alertname: $alert\$" "${tests[@]}" || { echo "check.sh: alert $alert has no test" >&2; exit 1; }
done
promtool test rules "${tests[@]}"

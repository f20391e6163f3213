#!/usr/bin/env bash
# Makes an unpacked Keycloak distribution ready for `kc.sh start --optimized`: the realm in data/import and
# one `kc.sh build` with our build options and providers (REFERENCES.md: start-dev re-augments on every start, 37-46 s;
# an optimized start skips that). Idempotent: rebuilds only when the options or the providers change.
# Usage: prepare.sh <keycloak home>
set -euo pipefail
home=${1:?usage: prepare.sh <keycloak home>}
here=$(cd "$(dirname "$0")" && pwd)
[ -x "$home/bin/kc.sh" ] || { echo "prepare.sh: no Keycloak distribution at $home (run ./mvnw package)" >&2; exit 1; }

exec 9>"$home/.claraop-build.lock"
flock 9  # the devstack and a test run may both get here first

# User-event metrics (keycloak_user_events_total{event,error,realm}: login failures, lockouts) are a build-time
# option of Keycloak 26 and need metrics on; the alerts on lockout spikes read them.
options="--db=dev-file --health-enabled=true --metrics-enabled=true --event-metrics-user-enabled=true"
mkdir -p "$home/data/import"
cp "$here/realm/claraop-realm.json" "$home/data/import/claraop-realm.json"

# Our providers (bcrypt password hashing, DESIGN §6.2): the jar this checkout built last wins, so a test run
# after rebuilding only the provider module still gets it. The Maven build of this module copies it too.
# Copied only when the bytes differ: Keycloak compares the jar's modification time with its last build and
# will not start optimized after a copy of the same jar.
built="$here/bcrypt-provider/target/keycloak-bcrypt-provider.jar"
[ -f "$built" ] || built="$here/target/providers/claraop-bcrypt.jar"
mkdir -p "$home/providers"
if [ -f "$built" ] && ! cmp -s "$built" "$home/providers/claraop-bcrypt.jar"; then
  cp "$built" "$home/providers/claraop-bcrypt.jar"
fi
[ -f "$home/providers/claraop-bcrypt.jar" ] \
  || { echo "prepare.sh: no bcrypt provider jar (run ./mvnw -pl infra/keycloak -am package)" >&2; exit 1; }

# Contents and modification times: a rebuilt provider jar must trigger a new kc.sh build, and so must a jar
# merely touched, which Keycloak would otherwise refuse to start with.
fingerprint=$( { echo "$options"; cd "$home/providers" && sha256sum -- * && stat -c '%n %Y' -- *; } | sha256sum | cut -d' ' -f1)
marker="$home/.claraop-build"
if [ "$(cat "$marker" 2>/dev/null)" != "$fingerprint" ]; then
  echo "prepare.sh: building Keycloak for optimized starts (once, ~40 s)"
  # shellcheck disable=SC2086
  "$home/bin/kc.sh" build $options >"$home/.claraop-build.log" 2>&1 \
    || { echo "prepare.sh: kc.sh build failed, see $home/.claraop-build.log" >&2; exit 1; }
  echo "$fingerprint" >"$marker"
fi

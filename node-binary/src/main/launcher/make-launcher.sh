#!/usr/bin/env bash
# Writes target/offloadctl, the launcher of the JVM build, and trains the JDK's AOT cache for it
# so that every later start maps its classes, already parsed and linked, from the cache.
# Usage: make-launcher.sh TARGET_DIR JAVA_HOME RUNNER_JAR_NAME
set -euo pipefail
target=$1
java_home=$2
jar=$3
launcher=$target/offloadctl
cache=$target/offloadctl.aot
. "$(dirname "$0")/jvm-options.sh"
jvm_options=$OFFLOADCTL_JVM_OPTIONS

cat > "$launcher" <<LAUNCHER
#!/bin/sh
# offloadctl launcher for the JVM build (the native binary replaces this file when built).
# OFFLOADCTL_JAVA picks another java; OFFLOADCTL_NO_AOT=1 starts without the AOT cache;
# OFFLOADCTL_JAVA_OPTIONS adds JVM options after offloadctl's own.
here=\$(CDPATH= cd -- "\$(dirname -- "\$0")" && pwd)
java="\${OFFLOADCTL_JAVA:-$java_home/bin/java}"
aot=""
[ -r "\$here/offloadctl.aot" ] && [ -z "\${OFFLOADCTL_NO_AOT:-}" ] && aot="-XX:AOTCache=\$here/offloadctl.aot"
exec "\$java" \$aot $jvm_options \${OFFLOADCTL_JAVA_OPTIONS:-} -jar "\$here/$jar" "\$@"
LAUNCHER
chmod 755 "$launcher"

# Training run: a read-only `show` of the loopback interface loads what every command needs.
rm -f "$cache"
# shellcheck disable=SC2086
if ! "$java_home/bin/java" -XX:AOTCacheOutput="$cache" $jvm_options -jar "$target/$jar" show lo \
    > /dev/null 2> "$target/aot-training.log"; then
  echo "make-launcher: the AOT training run failed; the launcher works without the cache:"
  cat "$target/aot-training.log"
  rm -f "$cache"
fi
echo "make-launcher: wrote $launcher"

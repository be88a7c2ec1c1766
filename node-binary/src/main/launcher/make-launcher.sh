#!/usr/bin/env bash
# Writes target/offloadctl, the launcher of the JVM build, and trains the JDK's AOT cache for it
# so that every later start loads and links its classes from the cache instead of from the jars.
# Usage: make-launcher.sh TARGET_DIR JAVA_HOME
set -euo pipefail
target=$1
java_home=$2
app=$target/quarkus-app
launcher=$target/offloadctl

cat > "$launcher" <<LAUNCHER
#!/bin/sh
# offloadctl launcher for the JVM build (the native binary replaces this file when built).
here=\$(CDPATH= cd -- "\$(dirname -- "\$0")" && pwd)
java="\${OFFLOADCTL_JAVA:-$java_home/bin/java}"
cache="\$here/quarkus-app/offloadctl.aot"
aot=""
[ -r "\$cache" ] && aot="-XX:AOTCache=\$cache"
exec "\$java" \$aot -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss1m -XX:-UsePerfData \\
  -Djava.util.logging.manager=org.jboss.logmanager.LogManager \\
  -jar "\$here/quarkus-app/quarkus-run.jar" "\$@"
LAUNCHER
chmod 755 "$launcher"

# Training: the commands people run most, read-only, on the loopback interface.
rm -f "$app/offloadctl.aot"
"$java_home/bin/java" -XX:AOTCacheOutput="$app/offloadctl.aot" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
  -Xss1m -XX:-UsePerfData -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
  -jar "$app/quarkus-run.jar" show lo > /dev/null 2>"$target/aot-training.log" \
  || { echo "make-launcher: AOT training run failed, launcher works without the cache:"; cat "$target/aot-training.log"; rm -f "$app/offloadctl.aot"; }
echo "make-launcher: wrote $launcher"

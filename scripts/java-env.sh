# Sourced by the scripts at the top of the repository: selects a JDK 25 for the build.
# An already exported JAVA_HOME is kept when it is a JDK 25 or newer.
_offloadctl_java_ok() {
  [ -x "$1/bin/java" ] || return 1
  v=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
  [ -n "$v" ] && [ "${v%%.*}" -ge 25 ]
}
if [ -z "${JAVA_HOME:-}" ] || ! _offloadctl_java_ok "$JAVA_HOME"; then
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-25-jdk /usr/lib/jvm/java-25-openjdk-amd64; do
    if _offloadctl_java_ok "$candidate"; then JAVA_HOME=$candidate; break; fi
  done
fi
if [ -z "${JAVA_HOME:-}" ] || ! _offloadctl_java_ok "$JAVA_HOME"; then
  echo "offloadctl build: no JDK 25 found; install Temurin 25 or set JAVA_HOME to one" >&2
  exit 1
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"

#!/usr/bin/env bash
# Run first by the native profiles (./mvnw package -Dnative): says in one line, before anything
# else happens, when there is nothing to build a native image with. A GraalVM or Mandrel 25 comes
# from GRAALVM_HOME or from native-image on PATH; a container build needs a docker or podman that
# answers (docker info).
# A sources-only build (-Dquarkus.native.sources-only=true: what native-build/build-here.sh does)
# needs no GraalVM at all.
# Usage: check-graalvm.sh CONTAINER_BUILD(true|false) [SOURCES_ONLY(true|false)]
container=${1:-false}
if [ "${2:-false}" = true ]; then
    exit 0
fi
if [ "$container" = true ]; then
    if docker info >/dev/null 2>&1 || podman info >/dev/null 2>&1; then
        exit 0
    fi
    echo "offloadctl native build: -Dquarkus.native.container-build=true needs a working docker or podman, and neither answers" >&2
    exit 1
fi
if [ -n "${GRAALVM_HOME:-}" ] && [ -x "$GRAALVM_HOME/bin/native-image" ]; then
    exit 0
fi
if command -v native-image >/dev/null 2>&1; then
    exit 0
fi
if [ -n "${GRAALVM_HOME:-}" ]; then
    echo "offloadctl native build: GRAALVM_HOME=$GRAALVM_HOME has no bin/native-image; point it at a GraalVM or Mandrel 25 (see native-build/README.md)" >&2
else
    echo "offloadctl native build: no GraalVM found: set GRAALVM_HOME to a GraalVM or Mandrel 25, or add -Dquarkus.native.container-build=true (see native-build/README.md)" >&2
fi
exit 1

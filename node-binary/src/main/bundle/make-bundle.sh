#!/usr/bin/env bash
# Builds target/offloadctl-VERSION-linux-x86_64.tar.gz: offloadctl for hosts without Java.
#   runtime/   a jlink runtime with only the modules offloadctl uses (see MODULES)
#   lib/       the application jar (jffi's stubs for other platforms removed), jffi's x86_64 Linux
#              stub (loaded from here: nothing is ever extracted), and the JDK AOT cache trained
#              with exactly this runtime and this jar, gzip-compressed
#   offloadctl the launcher
# The AOT cache is most of a start's speed (see BENCHMARKS.md) and compresses from ~28 to ~8 MB,
# so it ships compressed; the launcher expands it on first start into the runtime directory
# (/run/offloadctl for root, a tmpfs) and uses it from there.
# Usage: make-bundle.sh TARGET_DIR JAVA_HOME RUNNER_JAR_NAME VERSION
set -euo pipefail
target=$1
java_home=$2
jar=$3
version=$4
# java.base; java.logging (JBoss LogManager); java.naming (Quarkus' config and logging look JNDI
# names up); java.net.http (the API client); jdk.unsupported (sun.misc.Unsafe, for jnr-ffi);
# jdk.management (com.sun.management: perf's CPU figure); jdk.zipfs (Quarkus reads its own jar as a
# file system).
MODULES=java.base,java.logging,java.naming,java.net.http,jdk.unsupported,jdk.management,jdk.zipfs
# The same options as the JVM launcher.
. "$(dirname "$0")/../launcher/jvm-options.sh"
JVM_OPTIONS=$OFFLOADCTL_JVM_OPTIONS

name=offloadctl-$version-linux-x86_64
stage=$target/bundle/$name
rm -rf "$target/bundle"
mkdir -p "$stage/lib"

"$java_home/bin/jlink" --add-modules "$MODULES" --strip-debug --no-man-pages --no-header-files \
    --compress=zip-9 --output "$stage/runtime"
# The symbol table of libjvm.so is only for debuggers: 5 MB.
command -v strip >/dev/null && strip --strip-unneeded "$stage/runtime/lib/server/libjvm.so"

python3 - "$target/$jar" "$stage/lib/offloadctl.jar" "$stage/lib" <<'PY'
import os, sys, zipfile
source, dest, lib = sys.argv[1:4]
stub = "jni/x86_64-Linux/libjffi-1.2.so"
with zipfile.ZipFile(source) as zin, zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zout:
    for item in zin.infolist():
        data = zin.read(item.filename)
        if item.filename == stub:
            with open(os.path.join(lib, "libjffi-1.2.so"), "wb") as out:
                out.write(data)
        if item.filename.startswith("jni/"):
            continue
        zout.writestr(item, data)
if not os.path.exists(os.path.join(lib, "libjffi-1.2.so")):
    sys.exit("make-bundle: " + stub + " is not in " + source)
PY

# Training run with exactly this runtime and jar: a read-only show of the loopback interface.
# shellcheck disable=SC2086
"$stage/runtime/bin/java" -XX:AOTCacheOutput="$target/bundle/offloadctl.aot" $JVM_OPTIONS -Djffi.boot.library.path="$stage/lib" \
    -jar "$stage/lib/offloadctl.jar" show lo > /dev/null 2> "$target/bundle/aot-training.log"
gzip -9 -c "$target/bundle/offloadctl.aot" > "$stage/lib/offloadctl.aot.gz"
rm -f "$target/bundle/offloadctl.aot" "$target/bundle/offloadctl.aot.config"

# The cache is only valid for this very jar (size and time) and runtime: name it after itself.
build_id=$(sha256sum "$stage/lib/offloadctl.aot.gz" | cut -c1-16)
cat > "$stage/offloadctl" <<LAUNCHER
#!/bin/sh
# offloadctl $version (bundle $build_id): a jlink runtime, the application, and a JDK AOT cache.
# OFFLOADCTL_RUNTIME_DIR: where the AOT cache is expanded (default /run/offloadctl for root,
# \$XDG_RUNTIME_DIR/offloadctl otherwise; without either the cache is not used). OFFLOADCTL_NO_AOT=1: never.
# OFFLOADCTL_JAVA_OPTIONS: more JVM options, after offloadctl's own.
here=\$(CDPATH= cd -- "\$(dirname -- "\$0")" && pwd)
aot=""
if [ -z "\${OFFLOADCTL_NO_AOT:-}" ] && command -v gzip >/dev/null 2>&1; then
    dir=\${OFFLOADCTL_RUNTIME_DIR:-}
    if [ -z "\$dir" ]; then
        if [ "\$(id -u)" = 0 ]; then dir=/run/offloadctl; elif [ -n "\${XDG_RUNTIME_DIR:-}" ]; then dir=\$XDG_RUNTIME_DIR/offloadctl; fi
    fi
    if [ -n "\$dir" ]; then
        cache=\$dir/offloadctl-$build_id.aot
        if [ ! -s "\$cache" ] && (umask 077 && mkdir -p "\$dir") 2>/dev/null; then
            tmp=\$cache.\$\$
            if gzip -dc "\$here/lib/offloadctl.aot.gz" > "\$tmp" 2>/dev/null; then mv -f "\$tmp" "\$cache"; else rm -f "\$tmp"; fi
        fi
        [ -s "\$cache" ] && aot="-XX:AOTCache=\$cache"
    fi
fi
exec "\$here/runtime/bin/java" \$aot $JVM_OPTIONS \${OFFLOADCTL_JAVA_OPTIONS:-} -Djffi.boot.library.path="\$here/lib" -jar "\$here/lib/offloadctl.jar" "\$@"
LAUNCHER
chmod 755 "$stage/offloadctl"

tar -C "$target/bundle" -czf "$target/$name.tar.gz" "$name"
echo "make-bundle: wrote $target/$name.tar.gz ($(du -sm "$stage" | cut -f1) MB unpacked)"

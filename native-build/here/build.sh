#!/usr/bin/env bash
# The native image of offloadctl built on a machine without GraalVM's native-image driver (what
# no registry here publishes): Quarkus writes the image's sources and arguments
# (-Dquarkus.native.sources-only=true), GraalVM's builder from Maven Central compiles them on the
# Temurin 25 JDK, run as modules the way the driver would run it. native-build/README.md says
# what this gets to and what stands in the way of a linked binary.
#
#   native-build/here/build.sh [WORK_DIR]     (default node-binary/target/native-here)
#
# Result: WORK_DIR/out/offloadctl.o (the relocatable image, every reachable method compiled) and
# the builder's class-initialisation report, checked by check-class-init.sh: jffi, jnr-ffi and
# our FFI layer must be initialised at run time.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=${1:-$root/node-binary/target/native-here}
cd "$root"
. scripts/java-env.sh
jdk=$JAVA_HOME
mkdir -p "$work"
work=$(cd "$work" && pwd)
log() { printf 'native-here: %s\n' "$*" >&2; }

log "Quarkus: the image's sources and arguments"
./mvnw -B -q -o package -Dnative -Dquarkus.native.sources-only=true -pl model,node-binary -DskipTests \
    || ./mvnw -B -q package -Dnative -Dquarkus.native.sources-only=true -pl model,node-binary -DskipTests
sources=$root/node-binary/target/native-sources

log "the builder's jars from Maven Central"
rm -rf "$work/jars" && mkdir -p "$work/jars"
./mvnw -B -q -f native-build/here/builder-jars/pom.xml dependency:copy-dependencies -DoutputDirectory="$work/jars" -o \
    || ./mvnw -B -q -f native-build/here/builder-jars/pom.xml dependency:copy-dependencies -DoutputDirectory="$work/jars"
compiler=$(ls "$work"/jars/compiler-*.jar)
svm=$(ls "$work"/jars/svm-[0-9]*.jar)
modules=$(ls "$work"/jars/*.jar | grep -v "/compiler-" | tr '\n' ':')

# The builder looks for its helpers under java.home: a copy of the JDK with what GraalVM would add.
log "java.home for the builder: the JDK, the progress reporter's helper, the C headers"
home=$work/home
if [ ! -x "$home/bin/java" ]; then
    rm -rf "$home" && mkdir -p "$home" && cp -a "$jdk/." "$home/"
fi
mkdir -p "$home/lib/svm/builder/lib"
gcc -O2 -Wall -Werror -shared -fPIC -I"$jdk/include" -I"$jdk/include/linux" \
    -o "$home/lib/svm/builder/lib/libreporterchelper.so" "$here/builder/reporterchelper.c"
clib=$work/clibraries
rm -rf "$clib" && mkdir -p "$clib/include"
"$jdk/bin/java" "$here/CHeaders.java" "$svm" "$clib/include"
cp "$here"/include/*.h "$clib/include/"
"$jdk/bin/java" --add-modules ALL-SYSTEM "$here/BuilderExports.java" "$modules" > "$work/exports.args" 2>/dev/null

# What the driver makes of Quarkus' native-image.args: -J options go to the builder's JVM, the
# driver's own options become the hosted options they stand for, -jar becomes the class path, the
# class path's META-INF/native-image (Quarkus' reflection and resource metadata) is read as the
# driver has it read, and the builder's System.loadLibrary calls may use native access.
runner=$(ls "$sources"/*-runner.jar)
manifest=$(unzip -p "$runner" META-INF/MANIFEST.MF | tr -d '\r')
main=$(sed -n 's/^Main-Class: //p' <<<"$manifest")
classpath=$runner
for jar in $(sed -n '/^Class-Path:/,/^[A-Z][A-Za-z-]*:/p' <<<"$manifest" | sed '/^[A-Z][A-Za-z-]*:/{/^Class-Path:/!d}' \
        | sed 's/^Class-Path://; s/^ //' | tr -d '\n'); do
    classpath=$classpath:$sources/$jar
done
jvm=() hosted=() name=
# the runner jar's manifest asks for these (Add-Opens: java.base/java.lang, for jboss-threads): the
# driver passes them to the builder's JVM
for opens in $(sed -n 's/^Add-Opens: //p' <<<"$manifest"); do jvm+=("--add-opens=$opens=ALL-UNNAMED"); done
for exports in $(sed -n 's/^Add-Exports: //p' <<<"$manifest"); do jvm+=("--add-exports=$exports=ALL-UNNAMED"); done
set -f
for arg in $(cat "$sources/native-image.args"); do
    case "$arg" in
        -J*) jvm+=("${arg#-J}") ;;
        -D*) jvm+=("$arg") ;;
        -H:* | -R:*) hosted+=("$arg") ;;
        --features=*) hosted+=("-H:Features=${arg#*=}") ;;
        --no-fallback) hosted+=("-H:FallbackThreshold=0") ;;
        --link-at-build-time) hosted+=("-H:LinkAtBuildTime=") ;;
        --enable-url-protocols=*) hosted+=("-H:EnableURLProtocols=${arg#*=}") ;;
        --enable-monitoring=*) hosted+=("-H:EnableMonitoringFeatures=${arg#*=}") ;;
        --enable-native-access=*) hosted+=("-H:EnableNativeAccess=${arg#*=},org.graalvm.nativeimage.builder") ;;
        --initialize-at-run-time=*) hosted+=("-H:ClassInitialization=${arg#*=}:run_time") ;;
        --initialize-at-build-time=*) hosted+=("-H:ClassInitialization=${arg#*=}:build_time") ;;
        -jar | *.jar) ;;
        --*) log "no translation for the driver option $arg"; exit 1 ;;
        *) name=$arg ;;
    esac
done
set +f

log "the builder: analysis and compilation of $name (a few minutes, ~3 GB)"
out=$work/out
rm -rf "$out" "$work/tmp" && mkdir -p "$out" "$work/tmp"
version=$(basename "$svm" .jar); version=${version#svm-}
start=$(date +%s)
(cd "$out" && JVMCI_VERSION_CHECK=warn "$home/bin/java" \
    -XX:+UseParallelGC -XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI -Xss10m -Xmx6g \
    -Djava.home="$home" -Dorg.graalvm.version="$version" -Dorg.graalvm.vendor=offloadctl \
    "-Dorg.graalvm.vendorversion=GraalVM CE $version" -Djdk.internal.lambda.disableEagerInitialization=true \
    -Dorg.graalvm.nativeimage.imagecode=buildtime \
    -Djava.system.class.loader=com.oracle.svm.hosted.NativeImageSystemClassLoader \
    --add-modules ALL-SYSTEM @"$work/exports.args" \
    --module-path "$modules" --upgrade-module-path "$compiler" "${jvm[@]}" \
    -m org.graalvm.nativeimage.builder/com.oracle.svm.hosted.NativeImageGeneratorRunner \
    -imagecp "$classpath" -H:Path="$out" -H:Name="$name" -H:Class="$main" \
    -H:ImageBuildID="$(cat /proc/sys/kernel/random/uuid)" -H:CLibraryPath="$clib" -H:TempDirectory="$work/tmp" \
    -H:ConfigurationResourceRoots=META-INF/native-image \
    "${hosted[@]}" -H:+PrintClassInitialization -H:+ExitAfterRelocatableImageWrite) \
    > "$work/builder.log" 2>&1 || { grep -v '^WARNING: Unknown module' "$work/builder.log" | tail -40 >&2; exit 1; }
# the builder's own summary (its peak RSS comes from builder/reporterchelper.c)
grep -v '^WARNING: Unknown module' "$work/builder.log" | grep -E '^\[[0-9]/[0-9]\]|Peak RSS' >&2 || true
object=$(find "$work/tmp" -name '*.o' -size +1M -print -quit)
[ -n "$object" ] || { log "the builder wrote no object file"; exit 1; }
cp "$object" "$out/offloadctl.o"
log "relocatable image: $out/offloadctl.o ($(du -m "$out/offloadctl.o" | cut -f1) MB, $(( $(date +%s) - start )) s)"
bash "$here/check-class-init.sh" "$out"/reports/class_initialization_report_*.csv
bash "$here/check-symbols.sh" "$out/offloadctl.o" "$jdk"

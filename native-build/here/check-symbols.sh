#!/usr/bin/env bash
# What linking the relocatable image needs, checked: every undefined symbol of the object is
# exported by glibc (libc, libm), by one of the JDK's shared native libraries (shipped beside the
# binary), or listed in runtime-symbols.txt (the C runtime to write). Prints which JDK libraries
# are needed and how many symbols each part gives; fails on any symbol in none of them.
# Usage: check-symbols.sh OBJECT JDK_HOME
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
object=$1 jdk=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
nm -u "$object" | awk '{print $2}' | sort -u > "$tmp/undefined"
for lib in "$jdk"/lib/*.so; do
    nm -D --defined-only "$lib" 2>/dev/null | awk -v lib="$(basename "$lib")" '{print $3, lib}'
done | sort -u -k1,1 > "$tmp/jdk"
libc=$(ldconfig -p | awk '/libc\.so\.6 .*x86-64/ && !found {print $NF; found = 1}')
libm=$(ldconfig -p | awk '/libm\.so\.6 .*x86-64/ && !found {print $NF; found = 1}')
nm -D --defined-only "$libc" "$libm" | awk 'NF == 3 {sub(/@.*/, "", $3); print $3}' | sort -u > "$tmp/libc"
grep -v '^#' "$here/runtime-symbols.txt" | awk 'NF {print $1}' | sort -u > "$tmp/runtime"
comm -12 "$tmp/undefined" "$tmp/libc" > "$tmp/from-libc"
# glibc's own symbols are not taken from a JDK library that happens to wrap them (libjsig's sigaction)
comm -23 "$tmp/undefined" "$tmp/from-libc" | join - "$tmp/jdk" > "$tmp/from-jdk"
comm -12 "$tmp/undefined" "$tmp/runtime" > "$tmp/from-runtime"
cat <(awk '{print $1}' "$tmp/from-jdk") "$tmp/from-libc" "$tmp/from-runtime" | sort -u | comm -23 "$tmp/undefined" - > "$tmp/unknown"
echo "check-symbols: $(wc -l < "$tmp/undefined") undefined symbols: $(wc -l < "$tmp/from-libc") from glibc," \
     "$(wc -l < "$tmp/from-jdk") from the JDK's $(awk '{print $2}' "$tmp/from-jdk" | sort -u | tr '\n' ' ')," \
     "$(wc -l < "$tmp/from-runtime") from the C runtime (runtime-symbols.txt)" >&2
# a symbol the runtime lists that glibc or the JDK already exports would shadow theirs once linked
cat <(awk '{print $1}' "$tmp/from-jdk") "$tmp/from-libc" | sort -u | comm -12 - "$tmp/runtime" > "$tmp/shadowing"
if [ -s "$tmp/shadowing" ]; then
    echo "check-symbols: listed in runtime-symbols.txt but exported by glibc or the JDK (remove them):" >&2
    cat "$tmp/shadowing" >&2
    exit 1
fi
if [ -s "$tmp/unknown" ]; then
    echo "check-symbols: needed by the image and provided by nothing known (add to runtime-symbols.txt with what it is):" >&2
    cat "$tmp/unknown" >&2
    exit 1
fi

#!/usr/bin/env bash
# Fails when the image builder initialised any class of jffi, jnr-ffi or our FFI layer at build
# time (its -H:+PrintClassInitialization report, a CSV of "class, BUILD_TIME|RUN_TIME, why").
# An image built like that would carry the build process's native state: jffi's stub loaded and
# Foreign initialised in the builder's JVM, never at run time.
# Usage: check-class-init.sh REPORT.csv
set -euo pipefail
report=$1
[ -s "$report" ] || { echo "check-class-init: no report at $report" >&2; exit 1; }
# arrays and lambda classes are always initialised at build time and have no initialiser (no
# state) of their own
wrong=$(grep -E '^(com\.kenai\.jffi|jnr\.ffi|io\.offloadctl\.node\.ffi)\.' "$report" | grep -v '^[^,]*\[\],' \
    | grep -v '^[^,]*\$\$Lambda' | grep ', BUILD_TIME,' || true)
if [ -n "$wrong" ]; then
    echo "check-class-init: initialised at image build time, must be at run time:" >&2
    echo "$wrong" >&2
    exit 1
fi
echo "check-class-init: jffi, jnr-ffi and io.offloadctl.node.ffi are initialised at run time ($(grep -cE '^(com\.kenai\.jffi|jnr\.ffi|io\.offloadctl\.node\.ffi)\.' "$report") classes in the report)" >&2

# Sourced by the bench scripts: one command's median wall time, peak RSS and system calls.
# Needs hyperfine, GNU time, strace and a $work directory. $before, when set, is a command run
# before every measured run (hyperfine --prepare): what the measured command then changes.
before=
run_before() { if [ -n "$before" ]; then $before >/dev/null 2>&1; fi; }
median_ms() { # command...
  hyperfine -N --warmup 3 --runs 25 ${before:+--prepare "$before"} --export-json "$work/h.json" "$*" >/dev/null 2>&1
  python3 -c "import json,sys; print('%.1f' % (json.load(open('$work/h.json'))['results'][0]['median']*1000))"
}
peak_rss_mb() { # command...  (the largest of 5 runs)
  local max=0 kb
  for _ in 1 2 3 4 5; do
    run_before
    /usr/bin/time -f '%M' -o "$work/rss" "$@" >/dev/null 2>&1
    kb=$(tail -1 "$work/rss")
    [ "$kb" -gt "$max" ] && max=$kb
  done
  python3 -c "print('%.1f' % ($max/1024))"
}
syscalls() { # command...  (one run, every thread)
  run_before
  strace -f -c -o "$work/strace" "$@" >/dev/null 2>&1
  awk '/ total$/ {print $4}' "$work/strace"
}
# For every key of the array order: wall[key], rss[key] and calls[key] of the command cmd[key]
# (label[key] names it in the progress lines; prepare[key], when the caller declares it and has
# the key, runs before each run). The caller declares the six arrays.
measure_all() {
  local key
  for key in "${order[@]}"; do
    echo "measuring ${label[$key]}" >&2
    before=
    if declare -p prepare >/dev/null 2>&1; then before=${prepare[$key]:-}; fi
    # shellcheck disable=SC2086
    wall[$key]=$(median_ms ${cmd[$key]})
    # shellcheck disable=SC2086
    rss[$key]=$(peak_rss_mb ${cmd[$key]})
    # shellcheck disable=SC2086
    calls[$key]=$(syscalls ${cmd[$key]})
  done
}
# The markdown table of what measure_all found, one row per key of order.
measured_rows() {
  local key
  echo "| command | median wall (ms) | peak RSS (MB) | syscalls (all threads) |"
  echo "|---|---:|---:|---:|"
  for key in "${order[@]}"; do
    echo "| \`${label[$key]}\` | ${wall[$key]} | ${rss[$key]} | ${calls[$key]} |"
  done
}

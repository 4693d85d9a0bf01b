#!/usr/bin/env bash
# Whole-process timings side by side (issue 19): each command runs once per round, the commands interleaved round after
# round so that the machine's drift falls on all of them alike; prints each one's median wall time with its range and
# its median CPU time (user + system, every thread and child process).
#
#   bench/whole-process.sh ROUNDS 'label|command' ['label|command' ...]
#
# e.g. one 普陀 PDF import against pdftotext, and the installed build against an older one kept in /tmp/old:
#   P=../shared/samples/pdf/putuo-finance-bureau-2024-final-accounts.pdf
#   bench/whole-process.sh 11 "pdftotext|pdftotext -layout $P /tmp/p.txt" \
#     "old|/tmp/old/juesuan import $P -o /tmp/a.json --force" "new|artifacts/juesuan/juesuan import $P -o /tmp/b.json --force"
set -euo pipefail
if [[ $# -lt 2 ]]; then
  sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
fi

rounds=$1
shift
specs=("$@")
sample=$(mktemp)
trap 'rm -f "$sample"' EXIT
declare -a walls cpus
for ((r = 0; r < rounds; r++)); do
  for i in "${!specs[@]}"; do
    # A failing command would add a fast time to the median: it stops the run instead. Exit 1 is juesuan's 「errors
    # found」 (an audit that did its work), so only 2 and above count as failing.
    status=0
    /usr/bin/time -o "$sample" -f "%e %U %S" bash -c "${specs[$i]#*|}" >/dev/null 2>&1 || status=$?
    if ((status > 1)); then
      echo "${specs[$i]%%|*}: the command failed (exit $status): ${specs[$i]#*|}" >&2
      exit 1
    fi
    read -r wall user system < <(tail -1 "$sample")
    walls[i]="${walls[i]:-} $wall"
    cpus[i]="${cpus[i]:-} $(awk -v u="$user" -v s="$system" 'BEGIN { print u + s }')"
  done
done

median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{ a[NR] = $1 } END { printf "%.2f", a[int((NR + 1) / 2)] }'; }
range() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{ a[NR] = $1 } END { printf "%.2f–%.2f", a[1], a[NR] }'; }
for i in "${!specs[@]}"; do
  printf '%s: %s s (%s), CPU %s s, %d runs\n' "${specs[$i]%%|*}" "$(median <<<"${walls[i]}")" "$(range <<<"${walls[i]}")" "$(median <<<"${cpus[i]}")" "$rounds"
done

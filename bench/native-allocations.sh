#!/usr/bin/env bash
# What a command of the native `juesuan` allocates, in bytes, by type and by the method of ours that allocates it
# (issue 19). Every allocation of the native runtime goes through one of five helpers (RhpNewFast, RhpNewObject,
# RhpNewArrayFast, RhpNewPtrArrayFast, RhNewString); a uprobe on each records the object's type (its MethodTable) and
# size with the caller's stack, and the types are named from the build's symbols. Unlike the JIT's sampled allocation
# ticks (`bench … importallocations`), this counts every object, in the code users run.
#
#   bench/native-allocations.sh FRAME [TOP] -- juesuan-arguments…
#
# FRAME keeps the allocations with that function on their stack (a part of a symbol: TextReportReader__Read,
# Auditor__Audit; `ReadWords` also matches the lambda a PDF's page threads start in); TOP rows of each table (30). Needs root (perf probe), perf, nm, python3
# and the unstripped native build the publish leaves in src/Juesuan.Cli/bin/Release/net10.0/linux-x64/native/ (its
# .so files are copied beside it). E.g. one text import, and the example's audit:
#   bench/native-allocations.sh TextReportReader__Read -- import ../shared/samples/quxian-2022-final-accounts.txt
#   bench/native-allocations.sh Auditor__Audit 40 -- audit examples/qingshi-2024.json
set -euo pipefail
if [[ $# -lt 3 ]]; then
  sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
fi

frame=$1
shift
top=30
if [[ $1 != -- ]]; then
  top=$1
  shift
fi
shift
root=$(cd "$(dirname "$0")/.." && pwd)
native=$root/src/Juesuan.Cli/bin/Release/net10.0/linux-x64/native
if [[ ! -x $native/juesuan || ! -f $native/juesuan.dbg ]]; then
  echo "No unstripped native build in $native: publish first (dotnet publish src/Juesuan.Cli -p:PublishProfile=linux-x64)." >&2
  exit 2
fi
cp -n "$root"/artifacts/juesuan/*.so "$native"/ 2>/dev/null || true
work=$(mktemp -d)
trap 'rm -rf "$work"; perf probe -q -d "probe_juesuan:*" >/dev/null 2>&1 || true' EXIT

perf probe -q -d 'probe_juesuan:*' >/dev/null 2>&1 || true
perf probe -q -x "$native/juesuan" -a 'RhpNewFast mt=%di:x64 size=+4(%di):u32'
perf probe -q -x "$native/juesuan" -a 'RhpNewObject mt=%di:x64 flags=%si:u32 size=+4(%di):u32'
perf probe -q -x "$native/juesuan" -a 'RhpNewArrayFast mt=%di:x64 csize=+0(%di):u16 base=+4(%di):u32 n=%si:s32'
perf probe -q -x "$native/juesuan" -a 'RhpNewPtrArrayFast mt=%di:x64 base=+4(%di):u32 n=%si:s32'
perf probe -q -x "$native/juesuan" -a 'RhNewString mt=%di:x64 n=%si:s32'
perf record -q -e 'probe_juesuan:*' -g -o "$work/perf.data" "$native/juesuan" "$@" >/dev/null 2>&1 || true
perf script -i "$work/perf.data" -F event,trace,ip,sym 2>/dev/null >"$work/samples.txt"
nm -n "$native/juesuan.dbg" >"$work/symbols.txt"

python3 - "$frame" "$top" "$work" <<'PY'
import bisect, collections, re, sys

frame, top, work = sys.argv[1], int(sys.argv[2]), sys.argv[3]
symbols = []
for line in open(f"{work}/symbols.txt"):
    parts = line.split(None, 2)
    if len(parts) == 3:
        try:
            symbols.append((int(parts[0], 16), parts[2].strip()))
        except ValueError:
            pass
addresses = [a for a, _ in symbols]
helpers = {name: a for a, name in symbols if name in ("RhpNewFast", "RhpNewObject", "RhpNewArrayFast", "RhpNewPtrArrayFast", "RhNewString")}

samples, current = [], None
for line in open(f"{work}/samples.txt"):
    if not line.strip():
        if current:
            samples.append(current)
        current = None
        continue
    head = re.match(r"\s*probe_juesuan:(\w+):\s*\((\w+)\)\s*(.*)", line)
    if head:
        if current:
            samples.append(current)
        event, at, args = head.group(1), int(head.group(2), 16), dict(re.findall(r"(\w+)=(-?\w+)", head.group(3)))
        if event == "RhpNewObject" and int(args["flags"]) == 0:
            # RhpNewFast's slow path jumps here with no flags: that object was counted at RhpNewFast already. Called
            # directly, it allocates a finalizable object (flags set).
            current = None
            continue
        if event in ("RhpNewFast", "RhpNewObject"):
            size = int(args["size"])
        elif event == "RhpNewArrayFast":
            size = int(args["base"]) + int(args["csize"]) * int(args["n"])
        elif event == "RhpNewPtrArrayFast":
            size = int(args["base"]) + 8 * int(args["n"])
        else:
            size = 22 + 2 * int(args["n"])
        current = [event, int(args["mt"], 16), (size + 7) // 8 * 8, [], at]
    elif current is not None:
        parts = line.strip().split(None, 1)
        current[3].append(parts[1] if len(parts) > 1 else parts[0])
if current:
    samples.append(current)
if not samples:
    sys.exit("No allocation was recorded (perf probe needs root).")

# The binary is position-independent: its load address is where a helper was hit less the helper's own address.
base = samples[0][4] - helpers[samples[0][0]]

def type_name(mt):
    offset = mt - base
    i = bisect.bisect_right(addresses, offset) - 1
    return re.sub(r"^_ZTV\d+", "", symbols[i][1]) if i >= 0 and symbols[i][0] == offset else hex(offset)

def short(name):
    return re.sub(r"(Juesuan|System_Text_RegularExpressions|System_Linq)_\w+?_(?=[A-Z])", "", name)

total, by_type, by_site, count = 0, collections.Counter(), collections.Counter(), collections.Counter()
for event, mt, size, stack, _ in samples:
    if frame not in " ".join(stack):
        continue
    total += size
    name = type_name(mt)
    ours = next((f for f in stack[1:] if f.startswith("Juesuan_")), "?")
    by_type[name] += size
    by_site[(name, ours)] += size
    count[(name, ours)] += 1
print(f"{total / 1024:.0f} KB allocated with {frame} on the stack")
print("\nby type:")
for name, size in by_type.most_common(top):
    print(f"{size / 1024:9.1f} KB  {short(name)[:110]}")
print("\nby type and the method of ours that allocates it (objects):")
for (name, site), size in by_site.most_common(top):
    print(f"{size / 1024:9.1f} KB {count[(name, site)]:6d}  {short(name)[:60]:60s} @ {short(site)[:80]}")
PY

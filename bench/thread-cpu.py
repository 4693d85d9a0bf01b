#!/usr/bin/env python3
"""CPU time of each thread of a command, by the thread's name (issue 19): which of the runtime's threads — the pool's
workers, the tiered compilation's, the GC's — use the CPU, summed over the threads of one name, in seconds. The command's
child processes (Chromium, Playwright's driver) are not counted; bench/whole-process.sh gives the whole.

    bench/thread-cpu.py artifacts/juesuan/juesuan render DIR -f pdf -o /tmp/out --force
"""
import collections
import os
import subprocess
import sys
import time

if len(sys.argv) < 2:
    sys.exit(__doc__)
ticks = os.sysconf("SC_CLK_TCK")
process = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
threads = {}
while process.poll() is None:
    try:
        for tid in os.listdir(f"/proc/{process.pid}/task"):
            stat = open(f"/proc/{process.pid}/task/{tid}/stat").read()
            name = stat[stat.index("(") + 1:stat.rindex(")")]
            fields = stat.rsplit(")", 1)[1].split()
            threads[tid] = (name, (int(fields[11]) + int(fields[12])) / ticks)  # utime + stime
    except (FileNotFoundError, ProcessLookupError):
        pass
    time.sleep(0.02)
by_name = collections.Counter()
for name, seconds in threads.values():
    by_name[name] += seconds
print(f"exit {process.returncode}; " + ", ".join(f"{name} {seconds:.2f} s" for name, seconds in by_name.most_common() if seconds > 0)
      + f"; total {sum(by_name.values()):.2f} s")

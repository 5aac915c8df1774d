#!/usr/bin/env python3
"""Measures cbtriage against its peers side by side and prints one table of ratios (called by bench/run.sh).

Every pair (A, B) is run as RUNS interleaved A/B rounds after one warm-up of each, so both sides see the
same machine load; the ratio shown is the median of the per-round ratios. Wall time is the headline (a
second thread may hide inflate behind the scan); CPU time (user + system of the child) is beside it because
on a shared machine wall time also measures the other tenants. stdout of every command goes to a file, not
/dev/null (GNU grep stops at the first match when its output is /dev/null).
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time


def run_once(command, stdin_path=None, timeout=None):
    """(wall s, cpu s, peak RSS KiB, exit status) of one run; wall is None on timeout."""
    with tempfile.TemporaryFile() as out, open(stdin_path or os.devnull, "rb") as stdin:
        start = time.perf_counter()
        child = subprocess.Popen(command, stdin=stdin, stdout=out, stderr=subprocess.DEVNULL)
        if timeout is None:
            _, status, usage = os.wait4(child.pid, 0)
        else:
            while True:
                pid, status, usage = os.wait4(child.pid, os.WNOHANG)
                if pid:
                    break
                if time.perf_counter() > start + timeout:
                    child.kill()
                    os.wait4(child.pid, 0)
                    return None, None, None, None
                time.sleep(0.001)
        wall = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, child.returncode


def pair(runs, a, b):
    run_once(a)
    run_once(b)
    rounds = []
    for _ in range(runs):
        ra, rb = run_once(a), run_once(b)
        rounds.append((ra, rb))
    wall_a = statistics.median(r[0][0] for r in rounds)
    wall_b = statistics.median(r[1][0] for r in rounds)
    cpu_a = statistics.median(r[0][1] for r in rounds)
    cpu_b = statistics.median(r[1][1] for r in rounds)
    wall_ratio = statistics.median(r[0][0] / max(r[1][0], 1e-9) for r in rounds)
    cpu_ratio = statistics.median(r[0][1] / max(r[1][1], 1e-9) for r in rounds)
    rss_a = max(r[0][2] for r in rounds)
    return wall_a, wall_b, wall_ratio, cpu_a, cpu_b, cpu_ratio, rss_a


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", required=True)
    parser.add_argument("--plain", required=True)
    parser.add_argument("--gzip", required=True)
    parser.add_argument("--literals", required=True)
    parser.add_argument("--rare-rules", required=True)
    parser.add_argument("--common-rules", required=True)
    parser.add_argument("--long-token", required=True)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--startup-runs", type=int, default=21)
    parser.add_argument("--big-copies", type=int, default=0, help="also measure peak RSS on N copies of --plain on stdin")
    args = parser.parse_args()
    b = args.bin
    mib = os.path.getsize(args.plain) / 1048576

    rows = []
    def add(label, a, peer, target):
        result = pair(args.runs, a, peer)
        rows.append((label, *result, target))
        print(f"  measured: {label}", file=sys.stderr, flush=True)

    add("`analyze big.log` vs `rg -c -F -f literals.txt big.log`",
        [b, "analyze", args.plain], ["rg", "-c", "-F", "-f", args.literals, args.plain], "≤ 1.2×")
    add("`analyze big.log.gz` vs `gzip -dc big.log.gz`",
        [b, "analyze", args.gzip], ["gzip", "-dc", args.gzip], "≤ 0.8×")
    add("`analyze big.log` vs `grep -c -F -f literals.txt big.log`",
        [b, "analyze", args.plain], ["grep", "-c", "-F", "-f", args.literals, args.plain], "—")
    add("×10 rules, rare literals, vs catalog alone",
        [b, "analyze", "--rules", args.rare_rules, args.plain], [b, "analyze", args.plain], "≤ 1.5×")
    add("×10 rules, every 10th literal common, vs catalog alone",
        [b, "analyze", "--rules", args.common_rules, args.plain], [b, "analyze", args.plain], "≤ 1.5×")

    print()
    print(f"Input: {os.path.basename(args.plain)} ({mib:.0f} MiB plain, "
          f"{os.path.getsize(args.gzip) / 1048576:.0f} MiB gzip); {args.runs} interleaved A/B rounds after a warm-up, medians.")
    print()
    print("| pair | A wall s | B wall s | wall ratio A/B | A CPU s | B CPU s | CPU ratio A/B | target |")
    print("|---|---:|---:|---:|---:|---:|---:|---|")
    for label, wa, wb, wr, ca, cb, cr, _rss, target in rows:
        print(f"| {label} | {wa:.2f} | {wb:.2f} | **{wr:.2f}×** | {ca:.2f} | {cb:.2f} | {cr:.2f}× | {target} |")

    startup = [run_once([b, "--help"])[0] for _ in range(args.startup_runs + 1)][1:]
    print(f"| `cbtriage --help` start-up (median of {args.startup_runs}) | {statistics.median(startup) * 1000:.1f} ms "
          f"| | | | | | ≤ 10 ms |")

    # A warm-up, then the median of 5 (a single run of ~80 ms swings by 20 ms on a busy machine); a quadratic
    # redaction shows as a kill after 60 s.
    walls = []
    for _ in range(6):
        wall, _, _, _ = run_once([b, "analyze", args.long_token], timeout=60)
        if wall is None:
            walls = None
            break
        walls.append(wall)
    shown = "> 60 s (killed)" if walls is None else f"{statistics.median(walls[1:]):.3f} s"
    print(f"| a 70,000-character token near the failure (median of 5) | {shown} | | | | | | < 0.1 s |")

    rss_plain = rows[0][7]
    print(f"| peak RSS, `analyze` {mib:.0f} MiB | {rss_plain / 1024:.0f} MiB | | | | | | ≤ 64 MiB |")
    if args.big_copies > 0:
        with tempfile.NamedTemporaryFile("w", suffix=".sh", delete=False) as script:
            script.write(f'for i in $(seq {args.big_copies}); do cat "{args.plain}"; done | "{b}" analyze -\n')
        wall, cpu, rss, status = run_once(["bash", script.name])
        os.unlink(script.name)
        # ru_maxrss of a shell pipeline is its largest member: cbtriage (cat and bash stay ~2 MiB).
        print(f"| peak RSS, `analyze -` on {mib * args.big_copies / 1024:.1f} GiB ({args.big_copies} copies on stdin) "
              f"| {rss / 1024:.0f} MiB | | | | | | ≤ 64 MiB |")


if __name__ == "__main__":
    main()

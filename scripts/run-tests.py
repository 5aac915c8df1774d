#!/usr/bin/env python3
"""Runs the XCTest bundle's test classes on N workers, one class per process, from a shared queue.

`swift test --parallel` would also spread the tests, but it prints nothing for a skipped test (and its xUnit file
has no skip either), so the CI rule "a skipped test fails the run" could not see one. Here each class runs in the
test bundle itself, whose ordinary XCTest output (passes, failures, skips, crashes) is kept whole, printed class
by class in order, and summed up at the end.

Usage: scripts/run-tests.py [--workers N] [--output FILE]   (after `swift build --build-tests`)
"""
import argparse
import os
import re
import subprocess
import sys
import threading
import time

BUNDLE = ".build/debug/cbtriagePackageTests.xctest"
TIMES = ".build/test-class-times.tsv"  # seconds per class from the last run: longest first next time
EXECUTED = re.compile(r"Executed (\d+) tests?, with (?:(\d+) tests? skipped and )?(\d+) failures?")


def list_classes():
    listed = subprocess.run(["swift", "test", "--list-tests", "--skip-build"], capture_output=True, text=True)
    if listed.returncode != 0:
        sys.exit("run-tests: cannot list the tests (build them first: swift build --build-tests)\n" + listed.stderr)
    counts = {}
    for line in listed.stdout.splitlines():
        if "/" in line:
            name = line.split("/", 1)[0].strip()
            counts[name] = counts.get(name, 0) + 1
    return counts


def previous_times():
    times = {}
    try:
        with open(TIMES) as handle:
            for line in handle:
                name, seconds = line.rstrip("\n").split("\t")
                times[name] = float(seconds)
    except (OSError, ValueError):
        pass
    return times


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--output", default=".build/test-output.txt")
    args = parser.parse_args()

    counts = list_classes()
    times = previous_times()
    # Longest first (by the last run's times, else by the number of tests) so no long class starts last.
    queue = sorted(counts, key=lambda name: (-times.get(name, counts[name] * 0.1), name))
    results = {}
    lock = threading.Lock()
    started = time.monotonic()

    def worker():
        while True:
            with lock:
                if not queue:
                    return
                name = queue.pop(0)
            begin = time.monotonic()
            run = subprocess.run([BUNDLE, name], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                 stderr=subprocess.STDOUT)
            output = run.stdout.decode("utf-8", "replace")
            with lock:
                results[name] = (run.returncode, output, time.monotonic() - begin)

    threads = [threading.Thread(target=worker) for _ in range(max(1, args.workers))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.monotonic() - started

    executed = skipped = failures = 0
    broken = []
    with open(args.output, "w") as log:
        for name in sorted(results):
            status, output, _ = results[name]
            sys.stdout.write(output)
            log.write(output)
            totals = EXECUTED.findall(output)
            if totals:
                count, skip, fail = totals[-1]
                executed += int(count)
                skipped += int(skip or 0)
                failures += int(fail)
            if status != 0 or not totals or int(totals[-1][2]) > 0:
                broken.append(f"{name} (exit {status})")
        summary = (f"Ran {len(results)} test classes on {args.workers} workers in {wall:.1f} s: executed {executed} "
                   f"tests, with {skipped} tests skipped and {failures} failures; classes not passing: "
                   f"{', '.join(broken) if broken else 'none'}\n")
        sys.stdout.write(summary)
        log.write(summary)
    with open(TIMES, "w") as handle:
        for name, (_, _, seconds) in sorted(results.items()):
            handle.write(f"{name}\t{seconds:.2f}\n")
    expected = sum(counts.values())
    if executed != expected:
        print(f"run-tests: {expected} tests listed but {executed} reported as executed", file=sys.stderr)
        return 1
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())

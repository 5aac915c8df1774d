#!/usr/bin/env python3
"""Writes a CodeBuild log whose size is all structure: many tiny phases, or many tiny commands.

    scripts/make-structure-log.py --phases 50000 --out many-phases.log
    scripts/make-structure-log.py --commands 500000 --out many-commands.log

Each phase is an `Entering phase` / `Phase complete` pair (plus a context line); each command is a
`Running command` line and one line of output. The last command fails, so the analyzer has a root cause
to find at the very end. Used by `make bench` and to profile the parser's and analyzer's per-build state.
"""
import argparse
import sys

PHASES = ["INSTALL", "PRE_BUILD", "BUILD", "POST_BUILD"]


def stamp(n):
    seconds = n // 1000
    return "2024/03/06 %02d:%02d:%02d.%06d" % (10 + (seconds // 3600) % 12, (seconds // 60) % 60, seconds % 60,
                                               (n % 1000) * 1000)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--phases", type=int, default=0, help="tiny phase pairs")
    parser.add_argument("--commands", type=int, default=0, help="tiny commands in one BUILD phase")
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    n = 0
    with open(args.out, "w", encoding="utf-8") as out:
        def line(text):
            nonlocal n
            out.write("[Container] %s %s\n" % (stamp(n), text))
            n += 1
        line("Running on CodeBuild On-demand")
        line("Phase is DOWNLOAD_SOURCE")
        line("Phase complete: DOWNLOAD_SOURCE State: SUCCEEDED")
        for i in range(args.phases):
            name = PHASES[i % len(PHASES)]
            line("Entering phase %s" % name)
            line("Phase complete: %s State: SUCCEEDED" % name)
            line("Phase context status code:  Message: ")
        if args.commands:
            line("Entering phase BUILD")
            for i in range(args.commands):
                line("Running command echo step %d" % i)
                out.write("step %d\n" % i)
        else:
            line("Entering phase BUILD")
        line("Running command make release")
        out.write("make: *** [Makefile:12: release] Error 2\n")
        line("Command did not exit successfully make release exit status 2")
        line("Phase complete: BUILD State: FAILED")
        line("Phase context status code: COMMAND_EXECUTION_ERROR Message: Error while executing command: make release. Reason: exit status 2")
    return 0


if __name__ == "__main__":
    sys.exit(main())

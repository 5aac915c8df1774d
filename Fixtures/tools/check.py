#!/usr/bin/env python3
"""Checks that every expectation agrees with its own log, independently of cbtriage.

Run from the repository root:  python3 Fixtures/tools/check.py
For each Fixtures/logs/NAME.expected.json (and the forms case) it decodes the log (gzip, CloudWatch
export, get-log-events JSON) and checks that `evidenceContains` occurs in it, that `failedCommand`
occurs in a `Command did not exit successfully` line, that `failedPhase` has a failing
`Phase complete` line, and that a SUCCEEDED build has no failing phase. A fixture that fails here is
wrong itself; a fixture that passes here but fails FixtureDiagnosisTests points at the engine.
"""
import glob
import json
import os
import re
import sys
import zlib

AGENT = re.compile(r"^(?:\d+ \| )?\[(?:Container|Instance)\] \d{4}/\d\d/\d\d \d\d:\d\d:\d\d(?:\.\d+)? (.*)$")


def decode(path):
    with open(path, "rb") as handle:
        data = handle.read()
    if data[:2] == b"\x1f\x8b":
        data = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data)
    text = data.decode("utf-8", "replace")
    if text.lstrip().startswith("{"):
        try:
            events = json.loads(text)["events"]
        except json.JSONDecodeError:
            raise SystemExit(f"{path}: JSON shape does not parse")
        return "".join(event["message"] for event in events).split("\n")
    lines = text.replace("\r\n", "\n").split("\n")
    if re.match(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z ", lines[0]):
        lines = [line[25:] if len(line) > 24 else "" for line in lines]
    return lines


def check(expected_path, log_path):
    with open(expected_path, encoding="utf-8") as handle:
        expected = json.load(handle)
    lines = decode(log_path)
    messages = [m.group(1) for m in map(AGENT.match, lines) if m]
    text = "\n".join(lines)
    problems = []
    evidence = expected.get("evidenceContains")
    if evidence and evidence not in text:
        problems.append(f"evidence {evidence!r} is not in the log")
    command = expected.get("failedCommand")
    failing_commands = [m for m in messages if m.startswith("Command did not exit successfully")]
    if command:
        # The first failing command's text runs from the agent line to " exit status N"
        # (several lines for a block-scalar command).
        _, marker, rest = text.partition("Command did not exit successfully ")
        first_failing = rest.split(" exit status ")[0] if marker else ""
        if command not in first_failing:
            problems.append(f"failed command {command!r} is not in the first failing command {first_failing!r}")
    elif "failedCommand" in expected and failing_commands:
        problems.append("failedCommand is null but a command failed")
    phase = expected.get("failedPhase")
    failing_phases = [m for m in messages if m.startswith("Phase complete: ")
                      and ("State: FAILED" in m or "State: TIMED_OUT" in m or "Success: false" in m)]
    if phase:
        if not failing_phases or not failing_phases[0].startswith(f"Phase complete: {phase} "):
            problems.append(f"first failing phase is not {phase}: {failing_phases[:1]}")
    elif failing_phases:
        problems.append(f"failedPhase is null but {failing_phases[0]!r}")
    if expected.get("status") == "SUCCEEDED" and expected.get("rootCause") is not None:
        problems.append("a SUCCEEDED build cannot have a root cause")
    return problems


def main():
    pairs = []
    for expected in sorted(glob.glob("Fixtures/logs/*.expected.json")):
        name = expected[: -len(".expected.json")]
        log = next((p for p in (name + ".log", name + ".log.gz") if os.path.exists(p)), None)
        pairs.append((expected, log))
    for form in sorted(glob.glob("Fixtures/forms/*.log*")):
        pairs.append(("Fixtures/forms/ecr-auth-expired.expected.json", form))
    failures = 0
    for expected, log in pairs:
        problems = ["no log beside it"] if log is None else check(expected, log)
        for problem in problems:
            failures += 1
            print(f"{log or expected}: {problem}")
    print(f"checked {len(pairs)} fixture files, {failures} problems")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Scores cbtriage's diagnoses on the real-log corpus (Fixtures/real) against its human labels.

    python3 scripts/accuracy.py [--binary .build/debug/cbtriage] [--corpus Fixtures/real] [--check]

The labels (Fixtures/real/labels.tsv) come from what each public thread says fixed the build, never from
cbtriage's answers. This script only reads them and compares:

- top-1 category per category and overall (over the failed and stopped excerpts);
- near-miss false alarms: a `none` excerpt (a build that succeeded) that gets a root cause or a failure status;
- failed excerpts left with no root cause at all.

With --check it exits 1 when the overall score is below the floor in Fixtures/real/accuracy-floor, or when a
near-miss raises a false alarm beyond the floor file's `max-false-alarms`, or a failed excerpt has no root cause
beyond `max-no-root-cause`. The floor is a ratchet: raise it as the score rises, never lower it to pass.
"""
import argparse
import collections
import json
import os
import re
import subprocess
import sys

COLUMNS = ["file", "source", "category", "phase", "evidence", "fixed_by", "note"]


def read_labels(path):
    rows = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            fields = line.split("\t")
            if fields == COLUMNS:
                continue
            if len(fields) != len(COLUMNS):
                sys.exit(f"{path}:{number}: expected {len(COLUMNS)} tab-separated fields, found {len(fields)}")
            rows.append(dict(zip(COLUMNS, fields)))
    return rows


def categories(root):
    """The fixed categories, from the Swift enum that defines them (plus the corpus's `none` and `stopped`)."""
    text = open(os.path.join(root, "Sources/Analyze/Model/Category.swift"), encoding="utf-8").read()
    return set(re.findall(r'case \w+ = "([a-z-]+)"', text)) | {"none", "stopped"}


def check_manifest(rows, corpus, known):
    """Every excerpt is labelled once, with a known category and evidence that is in the file."""
    problems = []
    listed = [row["file"] for row in rows]
    for name in sorted(set(listed)):
        if listed.count(name) > 1:
            problems.append(f"{name}: labelled {listed.count(name)} times")
    on_disk = {name for name in os.listdir(corpus) if name.endswith(".log")}
    for name in sorted(on_disk - set(listed)):
        problems.append(f"{name}: not in labels.tsv")
    for row in rows:
        path = os.path.join(corpus, row["file"])
        if not os.path.exists(path):
            problems.append(f"{row['file']}: listed but missing")
            continue
        if row["category"] not in known:
            problems.append(f"{row['file']}: unknown category {row['category']}")
        if not row["source"].strip() or row["source"] == "-":
            problems.append(f"{row['file']}: no source")
        text = open(path, encoding="utf-8", errors="replace").read()
        if row["category"] != "none" and row["evidence"] not in text:
            problems.append(f"{row['file']}: evidence {row['evidence']!r} is not in the file")
    return problems


def read_floor(path):
    floor = {"overall": 0.0, "max-false-alarms": None, "max-no-root-cause": None}
    if not os.path.exists(path):
        return floor
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            key, _, value = line.partition("=")
            key, value = key.strip(), value.strip()
            floor[key] = float(value) if key == "overall" else int(value)
    return floor


def diagnose(binary, corpus, files):
    """One cbtriage run over every file: {file name: build document}."""
    paths = [os.path.join(corpus, name) for name in files]
    result = subprocess.run([binary, "analyze", "--format", "json", *paths], capture_output=True, text=True,
                            env={**os.environ, "NO_COLOR": "1"})
    if result.returncode not in (0, 2):
        sys.exit(f"cbtriage exited {result.returncode}: {result.stderr.strip()}")
    builds = json.loads(result.stdout)["builds"]
    return {os.path.basename(build["input"]["name"]): build for build in builds}


def predicted(build):
    """What cbtriage says: a category, `stopped`, or `none` (no failure found)."""
    if build["build"]["status"] == "STOPPED":
        return "stopped"
    root = build.get("rootCause")
    return root["category"] if root else "none"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--binary", default=".build/debug/cbtriage")
    parser.add_argument("--corpus", default="Fixtures/real")
    parser.add_argument("--check", action="store_true", help="exit 1 below the recorded floor")
    parser.add_argument("--verbose", action="store_true", help="list every miss")
    args = parser.parse_args()

    rows = read_labels(os.path.join(args.corpus, "labels.tsv"))
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    problems = check_manifest(rows, args.corpus, categories(root))
    if problems:
        print("labels.tsv problems:\n  " + "\n  ".join(problems))
        return 1
    builds = diagnose(args.binary, args.corpus, [row["file"] for row in rows])

    per_category = collections.OrderedDict()
    misses, false_alarms, no_root = [], [], []
    failures = correct = 0
    for row in sorted(rows, key=lambda r: (r["category"], r["file"])):
        build = builds[row["file"]]
        got = predicted(build)
        expected = row["category"]
        if expected == "none":
            if got != "none" or build["build"]["status"] not in ("SUCCEEDED", "UNKNOWN"):
                false_alarms.append((row["file"], got))
            continue
        failures += 1
        total, right = per_category.get(expected, (0, 0))
        hit = got == expected
        per_category[expected] = (total + 1, right + (1 if hit else 0))
        correct += 1 if hit else 0
        if not hit:
            misses.append((row["file"], expected, got))
        if got == "none":
            no_root.append(row["file"])

    near_misses = sum(1 for row in rows if row["category"] == "none")
    overall = correct / failures if failures else 0.0
    print(f"{'category':32} {'right':>5} / {'all':<4} {'top-1':>6}")
    for category, (total, right) in per_category.items():
        print(f"{category:32} {right:>5} / {total:<4} {right / total:>6.0%}")
    print(f"{'overall':32} {correct:>5} / {failures:<4} {overall:>6.1%}")
    print(f"near-miss false alarms: {len(false_alarms)} of {near_misses}")
    print(f"failed excerpts with no root cause: {len(no_root)} of {failures}")
    if args.verbose or args.check:
        for name, expected, got in misses:
            print(f"  miss: {name}: expected {expected}, got {got}")
        for name, got in false_alarms:
            print(f"  false alarm: {name}: got {got}")

    if args.check:
        floor = read_floor(os.path.join(args.corpus, "accuracy-floor"))
        problems = []
        if overall + 1e-9 < floor["overall"]:
            problems.append(f"overall {overall:.1%} is below the floor {floor['overall']:.1%}")
        if floor["max-false-alarms"] is not None and len(false_alarms) > floor["max-false-alarms"]:
            problems.append(f"{len(false_alarms)} near-miss false alarms (at most {floor['max-false-alarms']})")
        if floor["max-no-root-cause"] is not None and len(no_root) > floor["max-no-root-cause"]:
            problems.append(f"{len(no_root)} failed excerpts without a root cause (at most {floor['max-no-root-cause']})")
        if problems:
            print("accuracy check failed: " + "; ".join(problems))
            return 1
        print("accuracy check passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())

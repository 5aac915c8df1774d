#!/usr/bin/env python3
"""Prints the fixture table of docs/fixtures.md from Fixtures/logs/*.expected.json.

Run from the repository root:  python3 Fixtures/tools/doc_table.py
and paste its output over the table in docs/fixtures.md.
"""
import glob
import json
import os
import zlib


def shape_of(path):
    with open(path, "rb") as handle:
        data = handle.read()
    packed = data[:2] == b"\x1f\x8b"
    if packed:
        # A truncated file still inflates up to the cut.
        data = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data)
    head = data[:600].decode("utf-8", "replace")
    if head.lstrip().startswith("{"):
        shape = "get-log-events JSON"
    elif head[:4].isdigit() and head[10:11] == "T":
        shape = "CloudWatch export"
    elif "\r\n" in head:
        shape = "raw, CRLF"
    elif "\n--\n" in head:
        shape = "raw, console copy"
    else:
        shape = "raw"
    return shape + (", gzip" if packed else "")


def main():
    print("| fixture | shape | what it tests | expected root cause | status | failed phase |")
    print("|---|---|---|---|---|---|")
    for expected in sorted(glob.glob("Fixtures/logs/*.expected.json")):
        name = os.path.basename(expected)[: -len(".expected.json")]
        candidates = [f"Fixtures/logs/{name}.log", f"Fixtures/logs/{name}.log.gz"]
        log = next((path for path in candidates if os.path.exists(path)), None)
        if log is None:
            raise SystemExit(f"{expected}: no log beside it")
        with open(expected, encoding="utf-8") as handle:
            fields = json.load(handle)
        note = fields.get("note", "").replace("|", "\\|")
        print(f"| `{os.path.basename(log)}` | {shape_of(log)} | {note} | `{fields.get('rootCause') or 'none'}` "
              f"| {fields.get('status')} | {fields.get('failedPhase') or '—'} |")


if __name__ == "__main__":
    main()

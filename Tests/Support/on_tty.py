#!/usr/bin/env python3
"""Runs a command with its stderr on a pseudo-terminal (100 columns) and its stdout on a pipe, until it ends.

Usage: on_tty.py -- COMMAND...   prints JSON {"status": int, "stderr": str, "stdout": str} once the command ended
(what a terminal would have shown on stderr, escape sequences included).
"""
import fcntl
import json
import os
import struct
import subprocess
import sys
import termios
import threading


def main():
    command = sys.argv[sys.argv.index("--") + 1:]
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    child = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=slave)
    os.close(slave)
    chunks = []

    def drain():
        while True:
            try:
                data = os.read(master, 65536)
            except OSError:  # EIO once the child's side is closed
                return
            if not data:
                return
            chunks.append(data)

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    stdout = child.stdout.read()
    status = child.wait()
    reader.join(timeout=5)
    os.close(master)
    print(json.dumps({"status": status, "stderr": b"".join(chunks).decode("utf-8", "replace"),
                      "stdout": stdout.decode("utf-8", "replace")}))


if __name__ == "__main__":
    main()

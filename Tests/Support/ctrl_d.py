#!/usr/bin/env python3
"""Runs a command on a pseudo-terminal, types one line and one Ctrl-D, and reports whether it ended.

Usage: ctrl_d.py LINE -- COMMAND...   prints JSON {"ended": bool, "status": int|null, "output": str}
"""
import json
import os
import pty
import select
import sys
import time


def main():
    split = sys.argv.index("--")
    line, command = sys.argv[1], sys.argv[split + 1:]
    pid, fd = pty.fork()
    if pid == 0:
        os.execv(command[0], command)
    time.sleep(0.5)
    os.write(fd, line.encode() + b"\n")
    time.sleep(0.2)
    os.write(fd, b"\x04")  # one Ctrl-D
    output, status, deadline = b"", None, time.time() + 5
    while time.time() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.1)
        if ready:
            try:
                output += os.read(fd, 65536)
            except OSError:
                pass
        done, code = os.waitpid(pid, os.WNOHANG)
        if done:
            status = os.waitstatus_to_exitcode(code)
            break
    if status is None:
        os.kill(pid, 9)
        os.waitpid(pid, 0)
    print(json.dumps({"ended": status is not None, "status": status, "output": output.decode(errors="replace")}))


if __name__ == "__main__":
    main()

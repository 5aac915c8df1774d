#!/usr/bin/env python3
"""A scripted webhook for cbtriage's --post tests.

Usage: webhook_server.py RECORD_FILE STATUS [STATUS ...]
Binds 127.0.0.1 on a free port, prints the port on stdout (one line), then answers each POST with the next
status in order (the last one repeats) and appends one JSON line per request to RECORD_FILE:
{"path": ..., "status": ..., "contentType": ..., "body": ...}. Exits after 60 s idle.
"""
import json
import sys
from http.server import BaseHTTPRequestHandler, HTTPServer


def main():
    record_file, statuses = sys.argv[1], [int(s) for s in sys.argv[2:]] or [200]
    state = {"index": 0}

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            length = int(self.headers.get("Content-Length", "0"))
            body = self.rfile.read(length).decode("utf-8", "replace")
            status = statuses[min(state["index"], len(statuses) - 1)]
            state["index"] += 1
            with open(record_file, "a") as out:
                out.write(json.dumps({"path": self.path, "status": status,
                                      "contentType": self.headers.get("Content-Type"), "body": body}) + "\n")
            reply = b"ok" if status < 400 else b"no_service"
            self.send_response(status)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(len(reply)))
            self.end_headers()
            self.wfile.write(reply)

        def log_message(self, *args):
            pass

    class Server(HTTPServer):
        idle = False

        def handle_timeout(self):
            self.idle = True

    server = Server(("127.0.0.1", 0), Handler)
    server.timeout = 60
    print(server.server_address[1], flush=True)
    while not server.idle:
        server.handle_request()


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""A local stand-in for the Lambda Runtime API (2018-06-01), the endpoints `cbtriage lambda` uses.

Usage: lambda_runtime_api.py QUEUE_FILE RECORD_FILE
QUEUE_FILE is a JSON list of invocations, each {"body": "<event text>", "deadlineInSeconds": N} (N from the
moment it is handed over; negative: already past). Binds 127.0.0.1 on a free port and prints the port (one line).

GET  /2018-06-01/runtime/invocation/next           the next invocation, with Lambda-Runtime-Aws-Request-Id
                                                   (req-1, req-2, ...), Lambda-Runtime-Deadline-Ms and
                                                   Lambda-Runtime-Invoked-Function-Arn; once the queue is empty
                                                   the connection is closed unanswered and the server exits
                                                   (the runtime then sees its API gone, as when Lambda shuts down)
POST /2018-06-01/runtime/invocation/ID/response    recorded, 202
POST /2018-06-01/runtime/invocation/ID/error       recorded with its Lambda-Runtime-Function-Error-Type, 202
POST /2018-06-01/runtime/init/error                recorded, 202
Each record is one JSON line in RECORD_FILE: {"kind", "requestId", "errorType", "body"}. An ID never handed
over is answered 400, as Lambda does. Exits after 120 s idle.
"""
import json
import re
import sys
import time
from http.server import BaseHTTPRequestHandler, HTTPServer

PREFIX = "/2018-06-01/runtime"


def main():
    queue_file, record_file = sys.argv[1], sys.argv[2]
    with open(queue_file, encoding="utf-8") as source:
        queue = json.load(source)
    state = {"handed": 0, "done": False}

    def record(entry):
        with open(record_file, "a", encoding="utf-8") as out:
            out.write(json.dumps(entry) + "\n")

    class Handler(BaseHTTPRequestHandler):
        # HTTP/1.0: one request per connection, so this one-at-a-time server never waits on an idle keep-alive.
        def answer(self, status, payload):
            data = json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self):
            if self.path != PREFIX + "/invocation/next":
                return self.answer(404, {"errorType": "NotFound"})
            if state["handed"] == len(queue):
                record({"kind": "drained"})
                state["done"] = True
                self.close_connection = True
                return
            item = queue[state["handed"]]
            state["handed"] += 1
            body = item["body"].encode()
            deadline = int((time.time() + item.get("deadlineInSeconds", 60)) * 1000)
            self.send_response(200)
            self.send_header("Lambda-Runtime-Aws-Request-Id", f"req-{state['handed']}")
            self.send_header("Lambda-Runtime-Deadline-Ms", str(deadline))
            self.send_header("Lambda-Runtime-Invoked-Function-Arn",
                             "arn:aws:lambda:us-east-1:123456789012:function:cbtriage")
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_POST(self):
            length = int(self.headers.get("Content-Length", "0"))
            body = self.rfile.read(length).decode("utf-8", "replace")
            if self.path == PREFIX + "/init/error":
                record({"kind": "initError", "errorType": self.headers.get("Lambda-Runtime-Function-Error-Type"),
                        "body": body})
                return self.answer(202, {"status": "OK"})
            match = re.fullmatch(re.escape(PREFIX) + r"/invocation/req-(\d+)/(response|error)", self.path)
            if not match or not 1 <= int(match.group(1)) <= state["handed"]:
                return self.answer(400, {"errorType": "InvalidRequestID"})
            record({"kind": match.group(2), "requestId": f"req-{match.group(1)}",
                    "errorType": self.headers.get("Lambda-Runtime-Function-Error-Type"), "body": body})
            self.answer(202, {"status": "OK"})

        def log_message(self, *args):
            pass

    class Server(HTTPServer):
        idle = False

        def handle_timeout(self):
            self.idle = True

    server = Server(("127.0.0.1", 0), Handler)
    server.timeout = 120
    print(server.server_address[1], flush=True)
    while not server.idle and not state["done"]:
        server.handle_request()
    server.server_close()


if __name__ == "__main__":
    main()

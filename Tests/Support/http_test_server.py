#!/usr/bin/env python3
"""Local HTTP(S) server for CurlTransport tests (127.0.0.1 only).

Prints one JSON line on stdout once listening: {"port": P, "closed_port": Q, "ca_file": path-or-null}.
`closed_port` was bound and released, so connecting to it is refused. Exits when stdin closes, so a
test process that dies takes its server with it.

Paths:
  /status/<code>        that status, header X-Test-Server: yes, body "status <code>"
  /echo                 200, body = JSON of method, path, headers (list of pairs), body length,
                        client port (to see connection reuse)
  /gzip                 200, gzip-encoded body when the client accepts gzip
  /bytes/<n>            200, n bytes of 'x'
  /sleep/<seconds>      sleeps, then 200 "slept"
  /drip/<n>             200 with a Content-Length of n, one byte of 'x' every 0.3 s
  /aws-error/<kind>     an AWS-shaped error answer: json-throttle, xml-signature
  /seen                 200, JSON list of request lines seen so far (proxy tests)
Absolute-form requests (`GET http://host/...`, a proxied request) answer 200 "proxied".
CONNECT (a proxied https request) is recorded and refused with 403.
"""
import gzip
import json
import os
import socket
import ssl
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

SEEN = []
SEEN_LOCK = threading.Lock()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, so connection reuse is observable

    def log_message(self, fmt, *args):  # keep test output clean
        pass

    def _record(self):
        with SEEN_LOCK:
            SEEN.append(self.requestline)

    def _send(self, status, body, headers=()):
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _read_body(self):
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def do_CONNECT(self):
        self._record()
        self._send(403, b"no tunnels here")

    def do_GET(self):
        self._handle()

    def do_POST(self):
        self._handle()

    def _handle(self):
        self._record()
        body = self._read_body()
        path = self.path
        if path.startswith("http://") or path.startswith("https://"):
            self._send(200, b"proxied " + path.encode())
        elif path.startswith("/status/"):
            code = int(path.split("/")[2])
            self._send(code, ("status %d" % code).encode(), [("X-Test-Server", "yes")])
        elif path == "/echo":
            answer = {
                "method": self.command,
                "path": path,
                "headers": [[k, v] for k, v in self.headers.items()],
                "bodyLength": len(body),
                "body": body.decode("utf-8", "replace"),
                "clientPort": self.client_address[1],
            }
            self._send(200, json.dumps(answer).encode(), [("Content-Type", "application/json")])
        elif path == "/gzip":
            plain = b"hello from gzip " * 1000
            if "gzip" in (self.headers.get("Accept-Encoding") or ""):
                self._send(200, gzip.compress(plain), [("Content-Encoding", "gzip")])
            else:
                self._send(200, plain)
        elif path.startswith("/bytes/"):
            self._send(200, b"x" * int(path.split("/")[2]))
        elif path.startswith("/drip/"):
            count = int(path.split("/")[2])
            self.send_response(200)
            self.send_header("Content-Length", str(count))
            self.end_headers()
            for _ in range(count):
                self.wfile.write(b"x")
                self.wfile.flush()
                time.sleep(0.3)
        elif path.startswith("/sleep/"):
            time.sleep(float(path.split("/")[2]))
            self._send(200, b"slept")
        elif path == "/aws-error/json-throttle":
            self._send(400, b'{"__type":"com.amazonaws.logs#ThrottlingException","message":"Rate exceeded"}',
                       [("Content-Type", "application/x-amz-json-1.1")])
        elif path == "/aws-error/xml-signature":
            self._send(403, b"<ErrorResponse><Error><Code>SignatureDoesNotMatch</Code>"
                            b"<Message>The request signature we calculated does not match</Message></Error>"
                            b"<RequestId>req-1</RequestId></ErrorResponse>", [("Content-Type", "text/xml")])
        elif path == "/seen":
            with SEEN_LOCK:
                lines = list(SEEN)
            self._send(200, json.dumps(lines).encode())
        else:
            self._send(404, b"unknown test path")


def closed_port():
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    return port


def make_certificate(directory):
    key = os.path.join(directory, "key.pem")
    cert = os.path.join(directory, "cert.pem")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert,
                    "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"],
                   check=True, capture_output=True)
    return key, cert


def main():
    tls_dir = sys.argv[2] if len(sys.argv) > 2 and sys.argv[1] == "--tls" else None
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    ca_file = None
    if tls_dir:
        key, cert = make_certificate(tls_dir)
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(cert, key)
        server.socket = context.wrap_socket(server.socket, server_side=True)
        ca_file = cert
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(json.dumps({"port": server.server_address[1], "closed_port": closed_port(), "ca_file": ca_file}), flush=True)
    sys.stdin.read()  # until the test closes our stdin or exits
    os._exit(0)


if __name__ == "__main__":
    main()

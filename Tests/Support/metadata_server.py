#!/usr/bin/env python3
"""Local stand-in for the AWS credential endpoints cbtriage's tests talk to.

One HTTP server on 127.0.0.1 that answers as:
  * the container credentials endpoint  GET  /container/credentials   (Authorization checked)
  * EC2 IMDSv2                          PUT  /latest/api/token, GET /latest/meta-data/iam/security-credentials/[role]
  * STS (query protocol)                POST /   Action=AssumeRole | AssumeRoleWithWebIdentity
and records every request, readable at GET /_requests (JSON) for assertions.

Usage: metadata_server.py [--port 0] [--container-token T] [--expiration-seconds N]
Prints "PORT <n>" on stdout once it listens. Credentials it issues use marker strings
(SECRETMARKER..., TOKENMARKER...) so tests can check that they never leak.
"""
import argparse
import datetime
import json
import sys
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

SECRET = "SECRETMARKERsecretKEY0123456789"
SESSION_TOKEN = "TOKENMARKERsessionTOKEN0123456789"
IMDS_TOKEN = "imds-session-token-abc"
ROLE = "cbtriage-test-role"


class State:
    def __init__(self, args):
        self.args = args
        self.lock = threading.Lock()
        self.requests = []
        self.issued = 0

    def next_key(self, prefix):
        with self.lock:
            self.issued += 1
            return f"{prefix}{self.issued}"

    def expiration(self):
        moment = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(
            seconds=self.args.expiration_seconds)
        return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):  # keep test output quiet
        pass

    def _record(self, body):
        entry = {"method": self.command, "path": self.path,
                 "headers": {k.lower(): v for k, v in self.headers.items()},
                 "body": body.decode("utf-8", "replace")}
        with self.server.state.lock:
            self.server.state.requests.append(entry)

    def _send(self, status, body, content_type="application/json"):
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _body(self):
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def do_GET(self):
        state = self.server.state
        if self.path == "/_requests":
            with state.lock:
                return self._send(200, json.dumps(state.requests))
        self._record(b"")
        if self.path == "/container/credentials":
            expected = state.args.container_token
            if expected is not None and self.headers.get("Authorization") != expected:
                return self._send(401, '{"message": "bad authorization token"}')
            return self._send(200, json.dumps({
                "AccessKeyId": state.next_key("ASIACONTAINER"), "SecretAccessKey": SECRET,
                "Token": SESSION_TOKEN, "Expiration": state.expiration(), "RoleArn": "arn:aws:iam::1:role/x"}))
        if self.path.startswith("/latest/meta-data/"):
            if self.headers.get("X-aws-ec2-metadata-token") != IMDS_TOKEN:
                return self._send(401, "", "text/plain")
            if self.path == "/latest/meta-data/iam/security-credentials/":
                return self._send(200, ROLE + "\n", "text/plain")
            if self.path == "/latest/meta-data/iam/security-credentials/" + ROLE:
                return self._send(200, json.dumps({
                    "Code": "Success", "LastUpdated": state.expiration(), "Type": "AWS-HMAC",
                    "AccessKeyId": state.next_key("ASIAIMDS"), "SecretAccessKey": SECRET,
                    "Token": SESSION_TOKEN, "Expiration": state.expiration()}))
        return self._send(404, "", "text/plain")

    def do_PUT(self):
        self._record(self._body())
        if self.path == "/latest/api/token":
            if not self.headers.get("X-aws-ec2-metadata-token-ttl-seconds"):
                return self._send(400, "", "text/plain")
            return self._send(200, IMDS_TOKEN, "text/plain")
        return self._send(404, "", "text/plain")

    def do_POST(self):
        state = self.server.state
        body = self._body()
        self._record(body)
        form = dict(urllib.parse.parse_qsl(body.decode("utf-8")))
        action = form.get("Action")
        if action not in ("AssumeRole", "AssumeRoleWithWebIdentity"):
            return self._send(400, "<ErrorResponse><Error><Code>InvalidAction</Code>"
                                   "<Message>unknown action</Message></Error></ErrorResponse>", "text/xml")
        if action == "AssumeRole" and "Authorization" not in self.headers:
            return self._send(403, "<ErrorResponse><Error><Code>MissingAuthenticationToken</Code>"
                                   "<Message>Request is missing Authentication Token</Message></Error>"
                                   "</ErrorResponse>", "text/xml")
        xml = (f'<{action}Response xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><{action}Result>'
               f"<Credentials><AccessKeyId>{state.next_key('ASIASTS')}</AccessKeyId>"
               f"<SecretAccessKey>{SECRET}</SecretAccessKey><SessionToken>{SESSION_TOKEN}</SessionToken>"
               f"<Expiration>{state.expiration()}</Expiration></Credentials></{action}Result>"
               f"<ResponseMetadata><RequestId>1</RequestId></ResponseMetadata></{action}Response>")
        return self._send(200, xml, "text/xml")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--container-token")
    parser.add_argument("--expiration-seconds", type=int, default=3600)
    args = parser.parse_args()
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    server.state = State(args)
    print(f"PORT {server.server_address[1]}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    sys.exit(main())

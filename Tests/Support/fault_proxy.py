#!/usr/bin/env python3
"""A fault-injecting HTTP proxy between cbtriage and moto_server (127.0.0.1 only), for the integration tests.

Usage: fault_proxy.py --upstream http://127.0.0.1:PORT
Prints one JSON line once listening: {"port": P}. Exits when stdin closes, so a test that dies takes it along.

Requests are forwarded as they came (the Host header too, so moto checks the SigV4 signature cbtriage made),
except the ones a fault plan picks. Control (never forwarded):
  POST /__plan   {"fault": F, "target": "Logs_20140328.GetLogEvents", "skip": N, "times": M}
                 the first N requests for that X-Amz-Target pass, the next M get fault F, the rest pass.
  POST /__rate   {"perSecond": R}  throttle like AWS from now on: each X-Amz-Target has its own token bucket
                 (R a second, holding R), and a request finding it empty gets 400 ThrottlingException; 0 turns it off.
  POST /__build  {"id": BUILD_ID, "fields": {...}}  from now on every BatchGetBuilds answer has those fields of that
                 build replaced (a null removes the field): moto cannot change a build's status, so a test plays
                 CodeBuild's progress (IN_PROGRESS, then FAILED) this way. With "lateEvents": {"endpoint", "accessKeyId",
                 "secretAccessKey", "group", "stream", "events": [{"timestamp", "message"}]} those events are put
                 into moto (PutLogEvents) just before the first answer with the new fields is sent: log lines that
                 CloudWatch Logs ingests after CodeBuild already reported the build finished.
  GET/PUT other  any other GET or PUT (S3 GetObject, ListObjectsV2, PutObject) is passed to moto untouched.
  GET  /__log    JSON list of {"t": seconds since start, "target": ..., "fault": F or null}
Faults: status-500, status-503, throttle (400 ThrottlingException), reset (half the real body, then the
connection closed), short-length (Content-Length larger than the body sent, then closed), truncated (a 200 whose
JSON is cut short), empty (a 200 with no body), html (a proxy's 200 HTML page), skew (400 InvalidSignatureException
with a Date header an hour ahead), slow (the real answer, 4 KiB every 10 ms: it must arrive whole, not be retried), hang (the request is read and
never answered: the connection stays open and silent for 120 s).
"""
import argparse
import email.utils
import http.client
import json
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlparse

START = time.monotonic()
LOCK = threading.Lock()
LOG = []
PLAN = {}  # target -> {"fault", "skip", "times"}
BUILDS = {}  # build id -> fields that replace moto's in BatchGetBuilds answers
LATE_EVENTS = {}  # build id -> PutLogEvents to make before the next answer about it
RATE = {"perSecond": 0, "buckets": {}}  # target -> [tokens, last refill]


def over_rate(target):
    """Takes a token from the target's bucket; True when there was none (AWS's per-API quota, as a token bucket)."""
    rate = RATE["perSecond"]
    if not rate:
        return False
    now = time.monotonic()
    tokens, last = RATE["buckets"].get(target, (rate, now))
    tokens = min(rate, tokens + (now - last) * rate)
    if tokens < 1:
        RATE["buckets"][target] = (tokens, now)
        return True
    RATE["buckets"][target] = (tokens - 1, now)
    return False


def rewrite_builds(answer):
    """A BatchGetBuilds answer with the /__build overrides applied."""
    with LOCK:
        overrides = dict(BUILDS)
    if not overrides:
        return answer
    document = json.loads(answer)
    for build in document.get("builds", []):
        with LOCK:
            late = LATE_EVENTS.pop(build.get("id"), None)
        if late:
            put_late_events(late)
        for name, value in overrides.get(build.get("id"), {}).items():
            if value is None:
                build.pop(name, None)
            else:
                build[name] = value
    return json.dumps(document).encode()


def put_late_events(late):
    import boto3  # only this control needs it

    logs = boto3.session.Session(aws_access_key_id=late["accessKeyId"], aws_secret_access_key=late["secretAccessKey"],
                                 region_name="us-east-1").client("logs", endpoint_url=late["endpoint"])
    logs.put_log_events(logGroupName=late["group"], logStreamName=late["stream"], logEvents=late["events"])


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):
        pass

    def _body(self):
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def _send(self, status, body, content_type="application/x-amz-json-1.1", extra=()):
        # send_response_only: no automatic Date header, so a skew fault's Date is the only one.
        self.send_response_only(status)
        if not any(name == "Date" for name, _ in extra):
            self.send_header("Date", email.utils.formatdate(time.time(), usegmt=True))
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in extra:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        if self.path == "/__log":
            with LOCK:
                body = json.dumps(LOG).encode()
            return self._send(200, body, "application/json")
        if self.path.startswith("/__"):
            return self._send(404, b"not found", "text/plain")
        # Anything else is a REST call (S3 GetObject, ListObjectsV2): passed through untouched.
        status, headers, answer = self._forward(b"")
        self._send(status, answer, headers.get("Content-Type", "application/octet-stream"))

    def do_PUT(self):
        # S3 PutObject (--out s3://…): passed through untouched.
        status, headers, answer = self._forward(self._body())
        self._send(status, answer, headers.get("Content-Type", "application/xml"))

    def do_POST(self):
        body = self._body()
        if self.path == "/__plan":
            plan = json.loads(body)
            with LOCK:
                PLAN[plan["target"]] = {"fault": plan["fault"], "skip": plan.get("skip", 0), "times": plan.get("times", 1)}
                LOG.clear()
            return self._send(200, b"{}", "application/json")
        if self.path == "/__build":
            override = json.loads(body)
            with LOCK:
                BUILDS[override["id"]] = override["fields"]
                if override.get("lateEvents"):
                    LATE_EVENTS[override["id"]] = override["lateEvents"]
            return self._send(200, b"{}", "application/json")
        if self.path == "/__rate":
            with LOCK:
                RATE["perSecond"] = float(json.loads(body)["perSecond"])
                RATE["buckets"] = {}
                LOG.clear()
            return self._send(200, b"{}", "application/json")
        target = self.headers.get("X-Amz-Target", "")
        fault = None
        with LOCK:
            plan = PLAN.get(target)
            if plan:
                if plan["skip"] > 0:
                    plan["skip"] -= 1
                elif plan["times"] > 0:
                    plan["times"] -= 1
                    fault = plan["fault"]
            if fault is None and over_rate(target):
                fault = "throttle"
            LOG.append({"t": round(time.monotonic() - START, 3), "target": target, "fault": fault})
        if fault in ("status-500", "status-503"):
            return self._send(int(fault[-3:]), b'{"__type":"ServiceUnavailableException","message":"injected"}')
        if fault == "throttle":
            return self._send(400, b'{"__type":"ThrottlingException","message":"Rate exceeded"}')
        if fault == "skew":
            ahead = email.utils.formatdate(time.time() + 3600, usegmt=True)
            return self._send(400, b'{"__type":"InvalidSignatureException","message":"Signature expired"}',
                              extra=[("Date", ahead)])
        if fault == "hang":
            time.sleep(120)
            self.close_connection = True
            return
        if fault == "empty":
            return self._send(200, b"")
        if fault == "html":
            return self._send(200, b"<html><body><h1>502 Bad Gateway</h1></body></html>", "text/html")
        status, headers, answer = self._forward(body)
        if status == 200 and target.endswith(".BatchGetBuilds"):
            answer = rewrite_builds(answer)
        if fault == "truncated":
            return self._send(200, answer[: len(answer) // 2])
        if fault in ("reset", "short-length"):
            self.send_response(status)
            self.send_header("Content-Type", "application/x-amz-json-1.1")
            self.send_header("Content-Length", str(len(answer) + (0 if fault == "reset" else 100)))
            self.end_headers()
            self.wfile.write(answer[: len(answer) // 2] if fault == "reset" else answer)
            self.wfile.flush()
            self.close_connection = True
            return
        if fault == "slow":
            self.send_response(status)
            self.send_header("Content-Type", "application/x-amz-json-1.1")
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            for offset in range(0, len(answer), 4096):
                self.wfile.write(answer[offset:offset + 4096])
                self.wfile.flush()
                time.sleep(0.01)
            return
        self._send(status, answer, headers.get("Content-Type", "application/x-amz-json-1.1"))

    def _forward(self, body):
        connection = http.client.HTTPConnection(UPSTREAM.hostname, UPSTREAM.port, timeout=30)
        connection.putrequest(self.command, self.path, skip_host=True, skip_accept_encoding=True)
        for name, value in self.headers.items():
            if name.lower() not in ("content-length", "connection"):
                connection.putheader(name, value)
        connection.putheader("Content-Length", str(len(body)))
        connection.endheaders(body)
        response = connection.getresponse()
        answer = response.read()
        headers = {name: value for name, value in response.getheaders()}
        connection.close()
        return response.status, headers, answer


def main():
    global UPSTREAM
    parser = argparse.ArgumentParser()
    parser.add_argument("--upstream", required=True)
    args = parser.parse_args()
    UPSTREAM = urlparse(args.upstream)
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(json.dumps({"port": server.server_address[1]}), flush=True)
    sys.stdin.read()  # until the test closes our stdin (or dies)
    server.shutdown()


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Plays a running CodeBuild build's log against the seeded moto_server, for `cbtriage build --follow` tests.

  follow_build.py start --endpoint E --project P --base-ms T
      starts a build and creates its (empty) log stream; prints {"buildId", "group", "stream"}
  follow_build.py append --endpoint E --group G --stream S --base-ms T --first N
      PutLogEvents of stdin's lines, one event each, with timestamps T + N, T + N + 1, ...
Keys come from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY (the seeded user's: moto checks signatures).
"""
import argparse
import json
import sys

import boto3


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=["start", "append"])
    parser.add_argument("--endpoint", required=True)
    parser.add_argument("--project", default="web-app")
    parser.add_argument("--group")
    parser.add_argument("--stream")
    parser.add_argument("--first", type=int, default=0)
    # A recent time (moto drops events older than 14 days); appended events must sort after the earlier ones.
    parser.add_argument("--base-ms", type=int, required=True)
    args = parser.parse_args()
    session = boto3.session.Session(region_name="us-east-1")
    if args.action == "start":
        codebuild = session.client("codebuild", endpoint_url=args.endpoint)
        logs = session.client("logs", endpoint_url=args.endpoint)
        build_id = codebuild.start_build(projectName=args.project)["build"]["id"]
        group = f"/aws/codebuild/{args.project}"
        stream = build_id.split(":", 1)[1]
        logs.create_log_stream(logGroupName=group, logStreamName=stream)
        print(json.dumps({"buildId": build_id, "group": group, "stream": stream}))
        return
    logs = session.client("logs", endpoint_url=args.endpoint)
    messages = [line for line in sys.stdin.read().splitlines() if line.strip()]
    events = [{"timestamp": args.base_ms + args.first + index, "message": message}
              for index, message in enumerate(messages)]
    answer = logs.put_log_events(logGroupName=args.group, logStreamName=args.stream, logEvents=events)
    if answer.get("rejectedLogEventsInfo"):
        sys.exit(f"follow_build.py: moto rejected events: {answer['rejectedLogEventsInfo']}")


if __name__ == "__main__":
    main()

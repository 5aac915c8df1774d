#!/usr/bin/env python3
"""Writes the EventBridge "CodeBuild Build State Change" event CodeBuild would send for a build, from what
BatchGetBuilds says of it (field names and time format as in the CodeBuild user guide's event reference).

usage: build_event.py --endpoint URL --key ID --secret KEY --build PROJECT:UUID [--status S] [--omit phases,logs]
       [--env NAME=VALUE ...] [--arn-uuid UUID]
"""
import argparse
import json
import sys

import boto3


def event_time(value):
    # "Sep 1, 2017 4:12:29 PM" (UTC), as the event reference shows.
    return value.strftime("%b %-d, %Y %-I:%M:%S %p")


def phase(record):
    out = {"phase-type": record["phaseType"], "start-time": event_time(record["startTime"])}
    if "phaseStatus" in record:
        out["phase-status"] = record["phaseStatus"]
    if "endTime" in record:
        out["end-time"] = event_time(record["endTime"])
    if "durationInSeconds" in record:
        out["duration-in-seconds"] = float(record["durationInSeconds"])
    out["phase-context"] = [f"{c.get('statusCode', '')}: {c.get('message', '')}" for c in record.get("contexts", [])]
    return out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--endpoint", required=True)
    parser.add_argument("--key", required=True)
    parser.add_argument("--secret", required=True)
    parser.add_argument("--build", required=True)
    parser.add_argument("--status")
    parser.add_argument("--omit", default="")
    parser.add_argument("--env", action="append", default=[])
    parser.add_argument("--arn-uuid", help="name another build in the ARN (the log location stays)")
    args = parser.parse_args()
    session = boto3.session.Session(aws_access_key_id=args.key, aws_secret_access_key=args.secret,
                                    region_name="us-east-1")
    build = session.client("codebuild", endpoint_url=args.endpoint).batch_get_builds(ids=[args.build])["builds"][0]
    omit = set(filter(None, args.omit.split(",")))
    arn = build["arn"] if not args.arn_uuid else build["arn"].rsplit(":", 1)[0] + ":" + args.arn_uuid
    account = arn.split(":")[4]
    info = {
        "build-complete": True,
        "build-number": float(build.get("buildNumber", 1)),
        "initiator": build.get("initiator", "tester"),
        "build-start-time": event_time(build["startTime"]),
        "timeout-in-minutes": float(build.get("timeoutInMinutes", 60)),
        "environment": {"image": "aws/codebuild/standard:7.0", "privileged-mode": False,
                        "compute-type": "BUILD_GENERAL1_SMALL", "type": "LINUX_CONTAINER",
                        "environment-variables": [{"name": n, "type": "PLAINTEXT", "value": v}
                                                  for n, v in (e.split("=", 1) for e in args.env)]},
        "logs": {"deep-link": "https://console.aws.amazon.com/cloudwatch/home?region=us-east-1#logEvent:group=null;stream=null"},
    }
    if "logs" not in omit:
        # Where CodeBuild writes a build's log by default, when moto's record does not say.
        logs = build.get("logs", {})
        info["logs"] = {"group-name": logs.get("groupName") or f"/aws/codebuild/{build['projectName']}",
                        "stream-name": logs.get("streamName") or build["id"].split(":", 1)[1],
                        "deep-link": logs.get("deepLink", "")}
    if "phases" not in omit:
        info["phases"] = [phase(p) for p in build.get("phases", [])]
    if "sourceVersion" in build:
        info["source-version"] = build["sourceVersion"]
    event = {
        "version": "0", "id": "c030038d-8c4d-6141-9545-00ff7b7153EX", "detail-type": "CodeBuild Build State Change",
        "source": "aws.codebuild", "account": account, "time": event_time(build["startTime"]), "region": "us-east-1",
        "resources": [arn],
        "detail": {"build-status": args.status or build["buildStatus"], "project-name": build["projectName"],
                   "build-id": arn, "additional-information": info, "current-phase": "COMPLETED",
                   "current-phase-context": "[]", "version": "1"},
    }
    json.dump(event, sys.stdout, indent=2)


if __name__ == "__main__":
    main()

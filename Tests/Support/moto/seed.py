#!/usr/bin/env python3
"""Seed a moto_server with CodeBuild projects, builds and their CloudWatch Logs, through the AWS API.

Used by Tests/IntegrationTests (and by hand, with scripts/moto-server.sh). Writes a JSON manifest to
--out/manifest.json describing what was created, and each seeded stream's messages to
--out/<name>.expected (one message per line), so tests can compare what cbtriage fetched.

With --enable-auth it finally creates an IAM user with an access key and a policy allowing logs:*,
codebuild:*, s3:* and sts:AssumeRole, and the two roles of seed_read_roles, switches moto's signature checking on
(POST /moto-api/reset-auth), and puts the user's keys in the manifest. After that only correctly signed
requests with those keys are accepted.
"""
import argparse
import gzip
import json
import os
import sys
import time
import urllib.request

import boto3

# AWS PutLogEvents limits: 10,000 events and 1,048,576 bytes per call, 26 bytes overhead per event.
MAX_EVENTS_PER_CALL = 10_000
MAX_BYTES_PER_CALL = 1_048_576
EVENT_OVERHEAD = 26

FAILING_DOCKER_PUSH_LOG = [
    "[Container] 2024/03/06 10:00:01.000001 Running on CodeBuild On-demand",
    "[Container] 2024/03/06 10:00:01.000002 Waiting for agent ping",
    "[Container] 2024/03/06 10:00:02.000003 Waiting for DOWNLOAD_SOURCE",
    "[Container] 2024/03/06 10:00:03.000004 Phase is DOWNLOAD_SOURCE",
    "[Container] 2024/03/06 10:00:03.000005 CODEBUILD_SRC_DIR=/codebuild/output/src123/src",
    "[Container] 2024/03/06 10:00:03.000006 YAML location is /codebuild/output/src123/src/buildspec.yml",
    "[Container] 2024/03/06 10:00:03.000007 Processing environment variables",
    "[Container] 2024/03/06 10:00:03.000008 Moving to directory /codebuild/output/src123/src",
    "[Container] 2024/03/06 10:00:03.000009 Phase complete: DOWNLOAD_SOURCE State: SUCCEEDED",
    "[Container] 2024/03/06 10:00:03.000010 Phase context status code:  Message: ",
    "[Container] 2024/03/06 10:00:03.000011 Entering phase INSTALL",
    "[Container] 2024/03/06 10:00:03.000012 Phase complete: INSTALL State: SUCCEEDED",
    "[Container] 2024/03/06 10:00:03.000013 Phase context status code:  Message: ",
    "[Container] 2024/03/06 10:00:03.000014 Entering phase PRE_BUILD",
    "[Container] 2024/03/06 10:00:03.000015 Running command aws ecr get-login-password --region us-east-1 | docker login --username AWS --password-stdin 123456789012.dkr.ecr.us-east-1.amazonaws.com",
    "WARNING! Your password will be stored unencrypted in /root/.docker/config.json.",
    "Login Succeeded",
    "[Container] 2024/03/06 10:00:05.000016 Phase complete: PRE_BUILD State: SUCCEEDED",
    "[Container] 2024/03/06 10:00:05.000017 Phase context status code:  Message: ",
    "[Container] 2024/03/06 10:00:05.000018 Entering phase BUILD",
    "[Container] 2024/03/06 10:00:05.000019 Running command docker build -t $REPOSITORY_URI:$IMAGE_TAG .",
]
FAILING_DOCKER_PUSH_TAIL = [
    "Successfully built 4f3c2b1a0e9d",
    "Successfully tagged 123456789012.dkr.ecr.us-east-1.amazonaws.com/web-app:9f2b7c4",
    "[Container] 2024/03/06 10:12:05.000020 Phase complete: BUILD State: SUCCEEDED",
    "[Container] 2024/03/06 10:12:05.000021 Phase context status code:  Message: ",
    "[Container] 2024/03/06 10:12:05.000022 Entering phase POST_BUILD",
    "[Container] 2024/03/06 10:12:05.000023 Running command docker push $REPOSITORY_URI:$IMAGE_TAG",
    "The push refers to repository [123456789012.dkr.ecr.us-east-1.amazonaws.com/web-app]",
    "5f70bf18a086: Preparing",
    "denied: Your authorization token has expired. Reauthenticate and try again.",
    "Retrying in 5 seconds",
    "[Container] 2024/03/06 10:12:07.000024 Command did not exit successfully docker push $REPOSITORY_URI:$IMAGE_TAG exit status 1",
    "[Container] 2024/03/06 10:12:07.000025 Phase complete: POST_BUILD State: FAILED",
    "[Container] 2024/03/06 10:12:07.000026 Phase context status code: COMMAND_EXECUTION_ERROR Message: Error while executing command: docker push $REPOSITORY_URI:$IMAGE_TAG. Reason: exit status 1",
    "[Container] 2024/03/06 10:12:07.000027 Entering phase UPLOAD_ARTIFACTS",
    "[Container] 2024/03/06 10:12:07.000028 Phase complete: UPLOAD_ARTIFACTS State: SUCCEEDED",
    "[Container] 2024/03/06 10:12:07.000029 Phase context status code:  Message: ",
]


def failing_log(total_events):
    """The docker-push failure with `docker build` output padded so the log has `total_events` events."""
    padding = max(0, total_events - len(FAILING_DOCKER_PUSH_LOG) - len(FAILING_DOCKER_PUSH_TAIL))
    middle = [f"Step {i % 40 + 1}/40 : RUN make -C module-{i:05d} all # layer output line {i}" for i in range(padding)]
    return FAILING_DOCKER_PUSH_LOG + middle + FAILING_DOCKER_PUSH_TAIL


def succeeding_log():
    return [
        "[Container] 2024/03/06 11:00:03.000001 Entering phase BUILD",
        "[Container] 2024/03/06 11:00:03.000002 Running command make test",
        "ok  \texample.com/app\t0.412s",
        "[Container] 2024/03/06 11:00:09.000003 Phase complete: BUILD State: SUCCEEDED",
        "[Container] 2024/03/06 11:00:09.000004 Phase context status code:  Message: ",
    ]


def put_events(logs, group, stream, messages):
    """PutLogEvents in AWS-sized batches with recent, ascending timestamps (moto drops events > 14 days old)."""
    start = int(time.time() * 1000) - 3_600_000
    batch, batch_bytes, calls = [], 0, 0
    for index, message in enumerate(messages):
        size = len(message.encode("utf-8")) + EVENT_OVERHEAD
        if batch and (len(batch) >= MAX_EVENTS_PER_CALL or batch_bytes + size > MAX_BYTES_PER_CALL):
            calls += flush(logs, group, stream, batch)
            batch, batch_bytes = [], 0
        batch.append({"timestamp": start + index, "message": message})
        batch_bytes += size
    if batch:
        calls += flush(logs, group, stream, batch)
    return calls


def flush(logs, group, stream, batch):
    answer = logs.put_log_events(logGroupName=group, logStreamName=stream, logEvents=batch)
    rejected = answer.get("rejectedLogEventsInfo")
    if rejected:
        sys.exit(f"seed.py: moto rejected events in {group}/{stream}: {rejected}")
    return 1


def create_project(codebuild, name):
    codebuild.create_project(
        name=name,
        # moto demands a location even for NO_SOURCE.
        source={"type": "NO_SOURCE", "location": "none", "buildspec": "version: 0.2\nphases:\n  build:\n    commands:\n      - make\n"},
        artifacts={"type": "NO_ARTIFACTS"},
        environment={"type": "LINUX_CONTAINER", "image": "aws/codebuild/standard:7.0",
                     "computeType": "BUILD_GENERAL1_SMALL"},
        serviceRole="arn:aws:iam::123456789012:role/service-role/codebuild-seed-role",
    )


# For `cbtriage summary --project`: two projects whose builds' logs are fixture logs with a known root cause
# (Fixtures/logs/<name>.log, raw text), plus one build in the first project whose log stream never existed.
SUMMARY_PROJECTS = {
    "summary-a": ["pytest-failure-after-noise", "javac-compilation-error", "dockerhub-rate-limit"],
    "summary-b": ["junit-failure-older-agent", "success-node-service"],
}
FIXTURE_LOGS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "Fixtures", "logs")


def seed_summary(codebuild, logs):
    """Creates SUMMARY_PROJECTS; returns their builds (id and fixture) and the id of the build with no log."""
    projects = {}
    missing_log = None
    for project, fixtures in SUMMARY_PROJECTS.items():
        create_project(codebuild, project)
        group = f"/aws/codebuild/{project}"
        logs.create_log_group(logGroupName=group)
        builds = []
        for fixture in fixtures:
            build_id = codebuild.start_build(projectName=project)["build"]["id"]
            with open(os.path.join(FIXTURE_LOGS, f"{fixture}.log"), encoding="utf-8") as log:
                # CloudWatch Logs refuses empty messages; CodeBuild drops blank lines the same way.
                messages = [line for line in log.read().splitlines() if line.strip()]
            stream = build_id.split(":", 1)[1]
            logs.create_log_stream(logGroupName=group, logStreamName=stream)
            put_events(logs, group, stream, messages)
            builds.append({"buildId": build_id, "fixture": fixture})
        if missing_log is None:
            # Started, but its stream is never created: what a deleted log stream looks like.
            missing_log = codebuild.start_build(projectName=project)["build"]["id"]
            builds.append({"buildId": missing_log, "fixture": None})
        projects[project] = builds
    return {"projects": projects, "missingLogBuildId": missing_log}


# For `summary --jobs 16` under AWS-like throttling: one project with many builds, each log a failing fixture.
SCALE_PROJECT = "summary-scale"
SCALE_BUILDS = 40
SCALE_FIXTURES = ["ecr-auth-expired-push", "dockerhub-rate-limit", "javac-compilation-error", "pytest-failure-after-noise"]


def seed_scale(codebuild, logs):
    """Creates SCALE_PROJECT with SCALE_BUILDS builds; returns their ids."""
    create_project(codebuild, SCALE_PROJECT)
    group = f"/aws/codebuild/{SCALE_PROJECT}"
    logs.create_log_group(logGroupName=group)
    ids = []
    for index in range(SCALE_BUILDS):
        build_id = codebuild.start_build(projectName=SCALE_PROJECT)["build"]["id"]
        fixture = SCALE_FIXTURES[index % len(SCALE_FIXTURES)]
        with open(os.path.join(FIXTURE_LOGS, f"{fixture}.log"), encoding="utf-8") as log:
            messages = [line for line in log.read().splitlines() if line.strip()]
        stream = build_id.split(":", 1)[1]
        logs.create_log_stream(logGroupName=group, logStreamName=stream)
        put_events(logs, group, stream, messages)
        ids.append(build_id)
    return {"project": SCALE_PROJECT, "buildIds": ids}


# For `build --baseline last-green|BUILD-ID`: Fixtures/baseline's pair. The failed build's newest green predecessor on its
# branch is "green"; an older green build lacks a line of the failed one, a newer green build on another branch and a
# green build started after the failed one print exactly its lines: choosing any of those would show other new lines.
BASELINE_PROJECT = "baseline-web"
BASELINE_LONELY_PROJECT = "baseline-lonely"
BASELINE_FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "Fixtures", "baseline")


def baseline_messages(name, drop=()):
    with open(os.path.join(BASELINE_FIXTURES, f"{name}.log"), encoding="utf-8") as log:
        return [line for line in log.read().splitlines() if line.strip() and line not in drop]


def seed_baseline(codebuild, logs):
    """Creates BASELINE_PROJECT's five builds and BASELINE_LONELY_PROJECT's one; returns their ids by role."""
    ids = {}
    for project, builds in [
        (BASELINE_PROJECT, [("olderGreen", "refs/heads/main", baseline_messages("green", drop=("bundle dist/app.js 412 kB (limit 500 kB)",))),
                            ("green", "refs/heads/main", baseline_messages("green")),
                            ("otherBranchGreen", "refs/heads/feature/fast", baseline_messages("failed")),
                            ("failed", "refs/heads/main", baseline_messages("failed")),
                            ("laterGreen", "refs/heads/main", baseline_messages("failed"))]),
        (BASELINE_LONELY_PROJECT, [("lonely", "refs/heads/main", baseline_messages("failed"))]),
    ]:
        create_project(codebuild, project)
        group = f"/aws/codebuild/{project}"
        logs.create_log_group(logGroupName=group)
        for role, branch, messages in builds:
            build_id = codebuild.start_build(projectName=project, sourceVersion=branch)["build"]["id"]
            stream = build_id.split(":", 1)[1]
            logs.create_log_stream(logGroupName=group, logStreamName=stream)
            put_events(logs, group, stream, messages)
            ids[role] = build_id
            # moto stamps start times in milliseconds: keep them apart so "started before" is well defined.
            time.sleep(0.02)
    return ids


# The roles --role-arn tests assume (moto checks their trust policies, external id included, and then signs
# nothing but what their own policies allow): the member-account read role, and one that may not read logs.
READ_ROLE = "cbtriage-read"
READ_ROLE_EXTERNAL_ID = "cbtriage-it-external-id"
PHASES_ONLY_ROLE = "cbtriage-phases-only"


def seed_read_roles(iam, user_arn):
    for name, actions, condition in [
        (READ_ROLE, ["codebuild:BatchGetBuilds", "logs:GetLogEvents"],
         {"StringEquals": {"sts:ExternalId": READ_ROLE_EXTERNAL_ID}}),
        (PHASES_ONLY_ROLE, ["codebuild:BatchGetBuilds"], None),
    ]:
        trust = {"Effect": "Allow", "Principal": {"AWS": user_arn}, "Action": "sts:AssumeRole"}
        if condition:
            trust["Condition"] = condition
        iam.create_role(RoleName=name, AssumeRolePolicyDocument=json.dumps({"Version": "2012-10-17", "Statement": [trust]}))
        iam.put_role_policy(RoleName=name, PolicyName="read", PolicyDocument=json.dumps({
            "Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": actions, "Resource": "*"}]}))


# For builds whose log went only to S3: a project with CloudWatch Logs disabled and S3 logs on, a build whose log
# is a gzip object where CodeBuild puts it (<location>/<build-uuid>.gz), and a build whose object was never
# written. moto's BatchGetBuilds does not echo a project's logsConfig (every build says CloudWatch ENABLED,
# S3 DISABLED), so the tests put the S3-only `logs` into its answers through the fault proxy's /__build.
S3_LOG_BUCKET = "cbtriage-build-logs"
S3_LOG_PREFIX = "codebuild/s3-logs"
S3_LOG_FIXTURE = "ecr-auth-expired-push"
RESULTS_BUCKET = "cbtriage-results"


def seed_s3_logs(codebuild, s3):
    """Creates the S3-only project, its log bucket and the results bucket; returns what the tests need."""
    s3.create_bucket(Bucket=S3_LOG_BUCKET)
    s3.create_bucket(Bucket=RESULTS_BUCKET)
    project = "s3-logs"
    codebuild.create_project(
        name=project,
        source={"type": "NO_SOURCE", "location": "none", "buildspec": "version: 0.2\nphases:\n  build:\n    commands:\n      - make\n"},
        artifacts={"type": "NO_ARTIFACTS"},
        environment={"type": "LINUX_CONTAINER", "image": "aws/codebuild/standard:7.0",
                     "computeType": "BUILD_GENERAL1_SMALL"},
        serviceRole="arn:aws:iam::123456789012:role/service-role/codebuild-seed-role",
        logsConfig={"cloudWatchLogs": {"status": "DISABLED"},
                    "s3Logs": {"status": "ENABLED", "location": f"{S3_LOG_BUCKET}/{S3_LOG_PREFIX}"}},
    )
    build_id = codebuild.start_build(projectName=project)["build"]["id"]
    missing_id = codebuild.start_build(projectName=project)["build"]["id"]
    with open(os.path.join(FIXTURE_LOGS, f"{S3_LOG_FIXTURE}.log"), "rb") as log:
        body = gzip.compress(log.read())
    key = f"{S3_LOG_PREFIX}/{build_id.split(':', 1)[1]}.gz"
    s3.put_object(Bucket=S3_LOG_BUCKET, Key=key, Body=body)
    return {"project": project, "bucket": S3_LOG_BUCKET, "location": f"{S3_LOG_BUCKET}/{S3_LOG_PREFIX}",
            "buildId": build_id, "key": key, "fixture": S3_LOG_FIXTURE, "missingBuildId": missing_id,
            "resultsBucket": RESULTS_BUCKET}


def enable_auth(endpoint, session):
    iam = session.client("iam", endpoint_url=endpoint)
    iam.create_user(UserName="cbtriage-tester")
    key = iam.create_access_key(UserName="cbtriage-tester")["AccessKey"]
    policy = iam.create_policy(PolicyName="cbtriage-read", PolicyDocument=json.dumps({
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Action": ["logs:*", "codebuild:*", "s3:*", "sts:AssumeRole"], "Resource": "*"}],
    }))
    iam.attach_user_policy(UserName="cbtriage-tester", PolicyArn=policy["Policy"]["Arn"])
    seed_read_roles(iam, user_arn=iam.get_user(UserName="cbtriage-tester")["User"]["Arn"])
    # The body must be text/plain: a form-encoded body makes moto answer 500.
    request = urllib.request.Request(f"{endpoint}/moto-api/reset-auth", data=b"0", method="POST",
                                     headers={"Content-Type": "text/plain"})
    with urllib.request.urlopen(request, timeout=10) as response:
        if response.status != 200:
            sys.exit(f"seed.py: reset-auth answered {response.status}")
    return {"accessKeyId": key["AccessKeyId"], "secretAccessKey": key["SecretAccessKey"]}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--endpoint", required=True, help="e.g. http://127.0.0.1:5000")
    parser.add_argument("--out", required=True, help="directory for manifest.json and *.expected")
    parser.add_argument("--project", default="web-app")
    parser.add_argument("--events", type=int, default=5000, help="events in the failing build's log")
    parser.add_argument("--enable-auth", action="store_true")
    args = parser.parse_args()

    # Seeding runs before signature checks are on: any key works.
    session = boto3.session.Session(aws_access_key_id="seed", aws_secret_access_key="seed", region_name="us-east-1")
    logs = session.client("logs", endpoint_url=args.endpoint)
    codebuild = session.client("codebuild", endpoint_url=args.endpoint)
    s3 = session.client("s3", endpoint_url=args.endpoint)

    create_project(codebuild, args.project)
    failing_id = codebuild.start_build(projectName=args.project)["build"]["id"]
    passing_id = codebuild.start_build(projectName=args.project)["build"]["id"]
    create_project(codebuild, f"{args.project}-empty")

    group = f"/aws/codebuild/{args.project}"
    logs.create_log_group(logGroupName=group)
    os.makedirs(args.out, exist_ok=True)
    streams = {}
    for name, build_id, messages in [("failing", failing_id, failing_log(args.events)),
                                     ("passing", passing_id, succeeding_log())]:
        stream = build_id.split(":", 1)[1]
        logs.create_log_stream(logGroupName=group, logStreamName=stream)
        calls = put_events(logs, group, stream, messages)
        with open(os.path.join(args.out, f"{name}.expected"), "w", encoding="utf-8") as expected:
            expected.write("".join(m + "\n" for m in messages))
        streams[name] = {"buildId": build_id, "group": group, "stream": stream,
                         "events": len(messages), "putCalls": calls}

    manifest = {"project": args.project, "streams": streams, "summary": seed_summary(codebuild, logs),
                "scale": seed_scale(codebuild, logs), "baseline": seed_baseline(codebuild, logs),
                "s3Logs": seed_s3_logs(codebuild, s3)}
    if args.enable_auth:
        manifest["credentials"] = enable_auth(args.endpoint, session)
    with open(os.path.join(args.out, "manifest.json"), "w", encoding="utf-8") as out:
        json.dump(manifest, out, indent=2)


if __name__ == "__main__":
    main()

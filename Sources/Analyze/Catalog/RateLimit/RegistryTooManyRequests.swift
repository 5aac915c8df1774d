// wording: OCI distribution error code TOOMANYREQUESTS as registries other than Docker Hub's pull limit
// phrase it ("toomanyrequests: Rate exceeded" from ECR / ECR Public, "429 Too Many Requests").
extension Rule {
    static let registryTooManyRequests = Rule(
        id: "registry-too-many-requests",
        category: .registryRateLimit,
        title: "Registry throttled the requests",
        severity: .error,
        literals: ["toomanyrequests"],
        regex: #"toomanyrequests: (?<reason>.+)"#,
        exclude: #"toomanyrequests: You have reached your pull rate limit"#,
        explanation: """
            The registry throttled Docker (`{{reason}}`). ECR and ECR Public limit request rates per account \
            and per source IP; unauthenticated ECR Public pulls have a much lower limit.
            """,
        remediation: """
            Authenticate pulls from ECR Public (`aws ecr-public get-login-password --region us-east-1 | docker \
            login --username AWS --password-stdin public.ecr.aws`), spread parallel builds, retry with backoff, \
            or cache base images in your own private ECR repository.
            """,
        docURL: "https://docs.aws.amazon.com/AmazonECR/latest/public/public-service-quotas.html",
        triggering: [
            #"""
            [Container] 2024/03/06 10:00:05.100000 Running command docker pull public.ecr.aws/docker/library/python:3.12-slim
            ↓ Error response from daemon: toomanyrequests: Rate exceeded
            """#,
        ],
        nonTriggering: [
            #"""
            toomanyrequests: You have reached your pull rate limit. You may increase the limit by authenticating and upgrading: https://www.docker.com/increase-rate-limit
            3.12-slim: Pulling from docker/library/python
            """#,
        ]
    )
}

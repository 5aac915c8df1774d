// wording: Docker Hub's anonymous/free pull limit reply ("toomanyrequests: You have reached your pull rate
// limit. You may increase the limit by authenticating and upgrading: https://www.docker.com/increase-rate-limit"),
// docs.docker.com/docker-hub/usage; common in CodeBuild since builds share NAT addresses.
extension Rule {
    static let dockerHubPullRateLimit = Rule(
        id: "dockerhub-pull-rate-limit",
        category: .registryRateLimit,
        title: "Docker Hub pull rate limit reached",
        severity: .error,
        literals: ["You have reached your pull rate limit"],
        explanation: """
            Docker Hub refused the pull: anonymous pulls are limited per source IP address, and CodeBuild \
            builds in a region share outbound addresses, so the limit is often exhausted by others.
            """,
        remediation: """
            Pull base images from Amazon ECR instead: an ECR pull-through cache rule for Docker Hub \
            (`aws ecr create-pull-through-cache-rule --ecr-repository-prefix docker-hub --upstream-registry-url \
            registry-1.docker.io --credential-arn <secret-arn>`) or ECR Public (`public.ecr.aws/docker/library/<image>`); \
            or `docker login` with a Docker Hub account stored in Secrets Manager.
            """,
        docURL: "https://docs.aws.amazon.com/AmazonECR/latest/userguide/pull-through-cache.html",
        triggering: [
            #"""
            [Container] 2024/03/06 10:00:05.100000 Running command docker build -t app .
            Step 1/9 : FROM node:18-alpine
            ↓ toomanyrequests: You have reached your pull rate limit. You may increase the limit by authenticating and upgrading: https://www.docker.com/increase-rate-limit
            """#,
            #"""
            ↓ ERROR: failed to solve: node:18: failed to copy: httpReadSeeker: failed open: unexpected status code https://registry-1.docker.io/v2/library/node/manifests/sha256:6b1f: 429 Too Many Requests - Server message: toomanyrequests: You have reached your pull rate limit. You may increase the limit by authenticating and upgrading: https://www.docker.com/increase-rate-limit
            """#,
        ],
        nonTriggering: [
            #"""
            # Pulls come from the ECR pull-through cache to avoid the Docker Hub rate limit.
            18-alpine: Pulling from docker-hub/library/node
            """#,
        ]
    )
}

// wording: the Docker daemon's answer when `docker login` to a private ECR registry is refused: "Error response
// from daemon: login attempt to https://123456789012.dkr.ecr.us-west-2.amazonaws.com/v2/ failed with status: 401
// Unauthorized" (speedupamerica/speedupamerica#294: Docker Hub credentials given to the ECR registry; the same
// answer comes for an expired or wrong-Region `get-login-password` token).
extension Rule {
    static let ecrLoginRejected = Rule(
        id: "ecr-login-rejected",
        category: .ecrAuthExpired,
        title: "ECR rejected the docker login",
        severity: .error,
        literals: ["failed with status: 401"],
        regex: #"login attempt to https://(?<registry>\d+\.dkr\.ecr[.-][a-z0-9.-]+\.amazonaws\.com(?:\.cn)?)/v2/ failed with status: 401"#,
        explanation: """
            The ECR registry `{{registry}}` refused the login: ECR accepts only the user `AWS` with a token from \
            `aws ecr get-login-password` for the registry's own Region, valid 12 hours. Docker Hub credentials, \
            a token for another Region or account, or an expired token are refused with 401.
            """,
        remediation: """
            Log in with `aws ecr get-login-password --region <registry region> | docker login --username AWS \
            --password-stdin {{registry}}`, in the same phase as the push or pull.
            """,
        docURL: "https://docs.aws.amazon.com/AmazonECR/latest/userguide/registry_auth.html",
        triggering: [
            #"""
            [Container] 2022/04/15 17:12:24 Running command docker login --username $DOCKER_USERNAME -p $DOCKER_PASS $REPOSITORY_URI
            ↓ Error response from daemon: login attempt to https://238241637211.dkr.ecr.us-west-2.amazonaws.com/v2/ failed with status: 401 Unauthorized
            """#,
        ],
        nonTriggering: [
            #"""
            Error response from daemon: login attempt to https://registry-1.docker.io/v2/ failed with status: 401 Unauthorized
            Login Succeeded
            """#,
        ]
    )
}

// wording: Docker CLI when `--password-stdin` receives nothing and there is no terminal ("Error: Cannot
// perform an interactive login from a non TTY device"), typically after `aws ecr get-login-password` failed in
// the same pipe. Generic: the failing get-login-password call above says why.
extension Rule {
    static let dockerLoginEmptyPassword = Rule(
        id: "docker-login-empty-password",
        category: .ecrAuthExpired,
        title: "docker login got no password",
        severity: .error,
        literals: ["Cannot perform an interactive login from a non TTY device"],
        isGenericSymptom: true,
        explanation: """
            `docker login` received an empty password on stdin, so it tried to prompt and failed. In \
            `aws ecr get-login-password ... | docker login --password-stdin`, this means the AWS CLI call \
            failed (permissions, network, region) and printed its error above; the build then continues \
            without an ECR login.
            """,
        remediation: """
            Fix the `aws ecr get-login-password` error printed just above, and make the pipe fail the command: \
            set `env: shell: bash` in the buildspec and run \
            `set -o pipefail; aws ecr get-login-password --region $AWS_DEFAULT_REGION | docker login \
            --username AWS --password-stdin $AWS_ACCOUNT_ID.dkr.ecr.$AWS_DEFAULT_REGION.amazonaws.com`.
            """,
        docURL: "https://docs.aws.amazon.com/AmazonECR/latest/userguide/registry_auth.html",
        triggering: [
            #"""
            [Container] 2024/03/06 10:00:02.200000 Running command aws ecr get-login-password --region $AWS_DEFAULT_REGION | docker login --username AWS --password-stdin $REGISTRY
            Could not connect to the endpoint URL: "https://api.ecr.us-east-1.amazonaws.com/"
            ↓ Error: Cannot perform an interactive login from a non TTY device
            """#,
        ],
        nonTriggering: [
            #"""
            [Container] 2024/03/06 10:00:02.200000 Running command aws ecr get-login-password --region $AWS_DEFAULT_REGION | docker login --username AWS --password-stdin $REGISTRY
            WARNING! Your password will be stored unencrypted in /root/.docker/config.json.
            Login Succeeded
            """#,
        ]
    )
}

// wording: Docker Hub / registry token service replies as Docker prints them ("unauthorized: incorrect
// username or password", "unauthorized: authentication required").
extension Rule {
    static let registryLoginUnauthorized = Rule(
        id: "registry-login-unauthorized",
        category: .ecrAuthExpired,
        title: "Registry rejected the credentials",
        severity: .error,
        literals: ["unauthorized: "],
        regex: #"unauthorized: (?<reason>incorrect username or password|authentication required|access token has insufficient scopes)"#,
        explanation: """
            The registry answered `{{reason}}`: the username/password or token Docker used is wrong, expired or \
            lacks the scope, or Docker sent no credentials for this registry at all.
            """,
        remediation: """
            Log in before pulling or pushing with a current token (for ECR: `aws ecr get-login-password --region \
            $AWS_DEFAULT_REGION | docker login --username AWS --password-stdin \
            $AWS_ACCOUNT_ID.dkr.ecr.$AWS_DEFAULT_REGION.amazonaws.com`; for Docker Hub: an access token kept in \
            Secrets Manager, `echo $DOCKERHUB_TOKEN | docker login --username $DOCKERHUB_USER --password-stdin`).
            """,
        docURL: "https://docs.aws.amazon.com/codebuild/latest/userguide/sample-private-registry.html",
        triggering: [
            #"""
            [Container] 2024/03/06 10:00:02.200000 Running command echo $DOCKERHUB_TOKEN | docker login --username acmeci --password-stdin
            ↓ Error response from daemon: Get "https://registry-1.docker.io/v2/": unauthorized: incorrect username or password
            """#,
            #"""
            ↓ unauthorized: authentication required
            """#,
        ],
        nonTriggering: [
            #"""
            Login Succeeded
            curl: (22) The requested URL returned error: 401 Unauthorized
            """#,
        ]
    )
}

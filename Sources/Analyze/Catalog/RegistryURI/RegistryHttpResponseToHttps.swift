// wording: Go's net/http client error as Docker prints it ("http: server gave HTTP response to HTTPS
// client") for a registry that only speaks plain HTTP.
extension Rule {
    static let registryHttpResponseToHttps = Rule(
        id: "registry-http-response-to-https",
        category: .registryURIInvalid,
        title: "Registry address answers plain HTTP",
        severity: .error,
        literals: ["server gave HTTP response to HTTPS client"],
        explanation: """
            Docker talks HTTPS to registries, but the host in the image name answered plain HTTP: the image \
            name points at a wrong host or port (a proxy, a local mirror) rather than the registry.
            """,
        remediation: """
            Use the registry's HTTPS address (ECR: `<account>.dkr.ecr.<region>.amazonaws.com`); only for a \
            private HTTP registry you control, add it to `insecure-registries` in the daemon configuration.
            """,
        docURL: "https://docs.docker.com/reference/cli/dockerd/#insecure-registries",
        triggering: [
            #"""
            [Container] 2024/03/06 10:00:05.100000 Running command docker push registry.internal:5000/app:1.0
            The push refers to repository [registry.internal:5000/app]
            ↓ Get "https://registry.internal:5000/v2/": http: server gave HTTP response to HTTPS client
            """#,
        ],
        nonTriggering: [
            #"""
            The push refers to repository [registry.internal:5000/app]
            1.0: digest: sha256:88d4266fd4e6338d13b845fcf289579d209c897823b9217da3e161936f031589 size: 739
            """#,
        ]
    )
}

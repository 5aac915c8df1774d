// wording: Maven's dependency resolution failures ("[ERROR] Failed to execute goal on project NAME: Could not
// resolve dependencies for project G:A:jar:V: ...", "Could not transfer artifact G:A:pom:V from/to REPO").
extension Rule {
    static let mavenDependencyResolutionFailed = Rule(
        id: "maven-dependency-resolution-failed",
        category: .dependencyInstallFailed,
        title: "Maven could not resolve dependencies",
        severity: .error,
        literals: ["Could not resolve dependencies for project", "Could not transfer artifact"],
        regex: #"(?:Could not resolve dependencies for project (?<project>\S+?):? |Could not transfer artifact (?<artifact>\S+) from/to (?<repository>\S+))"#,
        explanation: """
            Maven could not download a dependency: the artifact or version does not exist in the configured \
            repositories, a private repository (CodeArtifact, Nexus) needs credentials the build lacks, or the \
            repository could not be reached.
            """,
        remediation: """
            Check the coordinates and version; for CodeArtifact export a token before building \
            (`export CODEARTIFACT_AUTH_TOKEN=$(aws codeartifact get-authorization-token --domain <domain> \
            --domain-owner $AWS_ACCOUNT_ID --query authorizationToken --output text)`) and reference it from \
            settings.xml; cache `/root/.m2/**/*` between builds.
            """,
        docURL: "https://docs.aws.amazon.com/codeartifact/latest/ug/maven-mvn.html",
        triggering: [
            #"""
            [Container] 2024/03/06 10:00:05.100000 Running command mvn -B package
            [INFO] BUILD FAILURE
            ↓ [ERROR] Failed to execute goal on project orders: Could not resolve dependencies for project com.acme:orders:jar:1.4.0: Could not find artifact com.acme:shared-model:jar:2.1.0 in central (https://repo.maven.apache.org/maven2) -> [Help 1]
            """#,
            #"""
            ↓ [ERROR] Failed to execute goal on project api: Could not resolve dependencies for project com.acme:api:jar:0.9.0: Failed to collect dependencies at com.acme:core:jar:3.0.0: Failed to read artifact descriptor for com.acme:core:jar:3.0.0: Could not transfer artifact com.acme:core:pom:3.0.0 from/to codeartifact (https://acme-123456789012.d.codeartifact.us-east-1.amazonaws.com/maven/libs/): status code: 401, reason phrase: Unauthorized (401) -> [Help 1]
            """#,
        ],
        nonTriggering: [
            #"""
            [INFO] Downloading from central: https://repo.maven.apache.org/maven2/org/slf4j/slf4j-api/2.0.9/slf4j-api-2.0.9.pom
            [INFO] Downloaded from central: https://repo.maven.apache.org/maven2/org/slf4j/slf4j-api/2.0.9/slf4j-api-2.0.9.pom (2.8 kB at 93 kB/s)
            """#,
        ]
    )
}

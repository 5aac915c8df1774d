// wording: Gradle ("Could not resolve all files for configuration ':app:compileClasspath'.", "Could not
// resolve all dependencies for configuration ...", "> Could not find com.acme:lib:1.0.")
extension Rule {
    static let gradleDependencyResolutionFailed = Rule(
        id: "gradle-dependency-resolution-failed",
        category: .dependencyInstallFailed,
        title: "Gradle could not resolve dependencies",
        severity: .error,
        literals: ["Could not resolve all files for configuration", "Could not resolve all dependencies for configuration"],
        regex: #"Could not resolve all (?:files|dependencies) for configuration '(?<configuration>[^']+)'"#,
        explanation: """
            Gradle could not download dependencies for `{{configuration}}`: a version does not exist in the \
            declared repositories, a private repository needs credentials, or the network is unreachable. The \
            lines after this one name the missing module.
            """,
        remediation: """
            Check the `> Could not find ...` lines below for the coordinates, add the repository that hosts it \
            (or CodeArtifact with `CODEARTIFACT_AUTH_TOKEN`), and cache `/root/.gradle/caches/**/*` between builds.
            """,
        docURL: "https://docs.aws.amazon.com/codeartifact/latest/ug/maven-gradle.html",
        triggering: [
            #"""
            * What went wrong:
            Execution failed for task ':app:compileJava'.
            ↓ > Could not resolve all files for configuration ':app:compileClasspath'.
               > Could not find com.acme:shared-model:2.1.0.
            """#,
        ],
        nonTriggering: [
            #"""
            > Task :app:compileJava UP-TO-DATE
            Resolved 214 dependencies for configuration ':app:compileClasspath'
            """#,
        ]
    )
}

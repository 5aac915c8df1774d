// wording: javac's option checks (compiler.properties: "Source option {0} is no longer supported. Use {1} or
// later.", "Target option {0} is no longer supported. Use {1} or later.", "invalid target release: {0}",
// "invalid source release: {0}", "release version {0} not supported"), as Maven's compiler plugin prints them
// ("[ERROR] Source option 5 is no longer supported. Use 7 or later.") and Gradle's compileJava does. The project's
// Java level and the build image's JDK disagree.
extension Rule {
    static let javaReleaseNotSupported = Rule(
        id: "java-release-not-supported",
        category: .compileError,
        title: "The project's Java version does not match the build's JDK",
        severity: .error,
        literals: ["is no longer supported. Use", "invalid target release", "invalid source release", "release version"],
        regex: #"(?:(?<kind>Source|Target) option (?<level>\S+) is no longer supported\. Use (?<minimum>\S+) or later|invalid (?:target|source) release: (?<release>\S+)|release version (?<version>\S+) not supported)"#,
        explanation: """
            javac refused the Java level the project asks for: the build image's JDK is newer than a \
            source/target level it dropped (`Source option 5`, `6`, `7` are gone from JDK 12+), or older \
            than the release the project targets (`invalid target release: 17` on a JDK 11).
            """,
        remediation: """
            Set the project's level to one the JDK supports (`<maven.compiler.release>17</maven.compiler.release>`, \
            Gradle `java { toolchain { languageVersion = JavaLanguageVersion.of(17) } }`), or pick the JDK in the \
            buildspec: `runtime-versions: java: corretto17` (see the image's available runtimes).
            """,
        docURL: "https://docs.aws.amazon.com/codebuild/latest/userguide/available-runtimes.html",
        triggering: [
            #"""
            [INFO] --- maven-compiler-plugin:3.1:compile (default-compile) @ app ---
            ↓ [ERROR] Source option 5 is no longer supported. Use 7 or later.
            ↓ [ERROR] Target option 5 is no longer supported. Use 7 or later.
            """#,
            #"""
            ↓ [ERROR] Failed to execute goal org.apache.maven.plugins:maven-compiler-plugin:3.8.1:compile (default-compile) on project api: Fatal error compiling: error: invalid target release: 17 -> [Help 1]
            """#,
            #"""
            ↓ error: release version 21 not supported
            """#,
        ],
        nonTriggering: [
            #"""
            [INFO] Changes detected - recompiling the module!
            [WARNING] source value 8 is obsolete and will be removed in a future release
            Unrecognized option: --add-opens
            """#,
        ]
    )
}

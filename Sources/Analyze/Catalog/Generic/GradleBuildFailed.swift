// wording: Gradle's failure banner ("FAILURE: Build failed with an exception.", "BUILD FAILED in 41s").
// Generic: the "What went wrong" block and task output hold the cause.
extension Rule {
    static let gradleBuildFailed = Rule(
        id: "gradle-build-failed",
        category: .unclassified,
        title: "Gradle build failed",
        severity: .error,
        literals: ["FAILURE: Build failed with an exception", "BUILD FAILED in "],
        regex: "^" + BuiltinCatalog.buildKitStepPrefix + #"(?:FAILURE: Build failed with an exception\.|BUILD FAILED in \S+)"#,
        isGenericSymptom: true,
        explanation: """
            Gradle failed; the "* What went wrong:" block right after the banner names the failing task and reason.
            """,
        remediation: """
            Read "What went wrong"; rerun locally with `./gradlew <task> --stacktrace` using the build's JDK.
            """,
        docURL: "https://docs.gradle.org/current/userguide/troubleshooting.html",
        triggering: [
            #"""
            ↓ FAILURE: Build failed with an exception.

            * What went wrong:
            Execution failed for task ':app:lint'.
            ↓ BUILD FAILED in 1m 12s
            """#,
        ],
        nonTriggering: [
            #"""
            BUILD SUCCESSFUL in 41s
            7 actionable tasks: 7 executed
            """#,
        ]
    )
}

// wording: Maven's reactor summary ("[INFO] BUILD FAILURE"). Generic: the "[ERROR] Failed to execute goal"
// line and the plugin's output hold the cause.
extension Rule {
    static let mavenBuildFailure = Rule(
        id: "maven-build-failure",
        category: .unclassified,
        title: "Maven build failed",
        severity: .error,
        literals: ["BUILD FAILURE"],
        regex: "^" + BuiltinCatalog.buildKitStepPrefix + #"\[INFO\] BUILD FAILURE$"#,
        isGenericSymptom: true,
        explanation: """
            Maven failed; the `[ERROR] Failed to execute goal ...` line after the summary names the plugin and \
            the reason.
            """,
        remediation: """
            Read the first `[ERROR]` lines; rerun locally with `mvn -B -e <goals>` using the build's JDK.
            """,
        docURL: "https://maven.apache.org/guides/getting-started/",
        triggering: [
            #"""
            [INFO] ------------------------------------------------------------------------
            ↓ [INFO] BUILD FAILURE
            [INFO] ------------------------------------------------------------------------
            [INFO] Total time:  12.412 s
            """#,
        ],
        nonTriggering: [
            #"""
            [INFO] BUILD SUCCESS
            [INFO] Total time:  12.412 s
            """#,
        ]
    )
}

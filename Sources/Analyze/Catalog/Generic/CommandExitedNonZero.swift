// wording: CodeBuild agent after a failing buildspec command ("Command did not exit successfully CMD exit
// status N"), e.g. aws-samples/sagemaker-studio-image-build-cli#16. Statuses 127 and 137 have their own rules.
// Generic: it says which command failed, never why.
extension Rule {
    static let commandExitedNonZero = Rule(
        id: "command-exited-non-zero",
        category: .unclassified,
        title: "A buildspec command exited non-zero",
        severity: .error,
        literals: ["Command did not exit successfully"],
        regex: #"Command did not exit successfully (?<command>.+) exit status (?<status>\d+)$"#,
        // 127 and 137 have rules of their own, and a test runner's failure is test-runner-command-failed.
        exclude: #"(?: exit status (?:127|137)$|Command did not exit successfully "# + BuiltinCatalog.testRunnerCommand + #"\b)"#,
        isGenericSymptom: true,
        explanation: """
            The command `{{command}}` exited with status {{status}}, which failed its phase. This is the symptom; \
            the cause is in the command's own output just above.
            """,
        remediation: """
            Read the last error lines the command printed before this line; reproduce it locally with the same \
            image (`codebuild_build.sh` from aws-codebuild-docker-images runs a buildspec locally).
            """,
        docURL: "https://docs.aws.amazon.com/codebuild/latest/userguide/use-codebuild-agent.html",
        triggering: [
            #"""
            [Container] 2024/03/06 10:00:05.100000 Running command ./gradlew build
            BUILD FAILED in 41s
            ↓ [Container] 2024/03/06 10:00:46.200000 Command did not exit successfully ./gradlew build exit status 1
            [Container] 2024/03/06 10:00:46.300000 Phase complete: BUILD State: FAILED
            """#,
        ],
        nonTriggering: [
            #"""
            [Container] 2024/03/06 10:00:46.200000 Command did not exit successfully npm run build exit status 137
            [Container] 2024/03/06 10:00:46.200000 Command did not exit successfully yarnn build exit status 127
            [Container] 2024/03/06 10:00:46.300000 Phase complete: BUILD State: SUCCEEDED
            """#,
        ]
    )
}

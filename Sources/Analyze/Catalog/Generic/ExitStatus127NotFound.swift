// wording: CodeBuild agent lines with the shell's "command not found" status 127 ("Command did not exit
// successfully CMD exit status 127", "Reason: exit status 127"). Generic: the shell's own message is the
// specific evidence.
extension Rule {
    static let exitStatus127NotFound = Rule(
        id: "exit-status-127-not-found",
        category: .commandNotFound,
        title: "Command exited 127 (command not found)",
        severity: .error,
        literals: ["exit status 127"],
        regex: #"(?:Command did not exit successfully (?<command>.+) exit status 127$|Reason: exit status 127$)"#,
        isGenericSymptom: true,
        explanation: """
            Exit status 127 is the shell's "command not found": a program the command calls is not installed \
            or not on the PATH.
            """,
        remediation: """
            Find the `not found` line above, then install the tool in the install phase or select its runtime \
            in `runtime-versions`.
            """,
        docURL: "https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html#build-spec.phases.install.runtime-versions",
        triggering: [
            #"""
            [Container] 2024/03/06 10:00:05.100000 Running command yarnn build
            ↓ [Container] 2024/03/06 10:00:05.200000 Command did not exit successfully yarnn build exit status 127
            [Container] 2024/03/06 10:00:05.300000 Phase complete: BUILD State: FAILED
            ↓ [Container] 2024/03/06 10:00:05.300000 Phase context status code: COMMAND_EXECUTION_ERROR Message: Error while executing command: yarnn build. Reason: exit status 127
            """#,
        ],
        nonTriggering: [
            #"""
            [Container] 2024/03/06 10:00:05.200000 Command did not exit successfully yarn build exit status 1
            Processed 127 files, exit status 0
            """#,
        ]
    )
}

// wording: CodeBuild agent phase context for a failed command ("Phase context status code:
// COMMAND_EXECUTION_ERROR Message: Error while executing command: CMD. Reason: exit status N"), seen in
// aws-samples/sagemaker-studio-image-build-cli#16. Generic: it restates the failing command.
extension Rule {
    static let commandExecutionErrorContext = Rule(
        id: "command-execution-error-context",
        category: .unclassified,
        title: "Phase failed with COMMAND_EXECUTION_ERROR",
        severity: .error,
        literals: ["COMMAND_EXECUTION_ERROR"],
        // The console's build details print "COMMAND_EXECUTION_ERROR: Error while executing command: …", the
        // command's script and "Reason: exit status N" possibly on lines of their own.
        regex: #"COMMAND_EXECUTION_ERROR(?: Message)?: Error while executing command:(?: (?<command>.+)\. Reason: exit status (?<status>\d+))?\s*$"#,
        // 127 (command not found) and 137 (killed) have rules of their own.
        exclude: #"Reason: exit status (?:127|137)$"#,
        isGenericSymptom: true,
        explanation: """
            CodeBuild ended the phase because `{{command|the command}}` exited with status {{status|non-zero}}. The reason is in that \
            command's output.
            """,
        remediation: """
            Look at the error lines printed by `{{command|the command}}` right before its "Command did not exit successfully" \
            line; to keep later commands of the phase running for diagnosis use `on-failure: CONTINUE` temporarily.
            """,
        docURL: "https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html#build-spec.phases.on-failure",
        triggering: [
            #"""
            [Container] 2021/05/04 06:57:20 Command did not exit successfully docker push $REPOSITORY_URI:$IMAGE_TAG exit status 1
            [Container] 2021/05/04 06:57:20 Phase complete: POST_BUILD State: FAILED
            ↓ [Container] 2021/05/04 06:57:20 Phase context status code: COMMAND_EXECUTION_ERROR Message: Error while executing command: docker push $REPOSITORY_URI:$IMAGE_TAG. Reason: exit status 1
            """#,
            #"""
            ↓ COMMAND_EXECUTION_ERROR: Error while executing command: 
            sudo -Hu runner /home/runner/config.sh --unattended
            Reason: exit status 1
            """#,
        ],
        nonTriggering: [
            #"""
            [Container] 2021/05/04 06:57:20 Phase complete: POST_BUILD State: SUCCEEDED
            [Container] 2021/05/04 06:57:20 Phase context status code:  Message:
            [Container] 2021/05/04 06:57:20 Phase context status code: COMMAND_EXECUTION_ERROR Message: Error while executing command: npm run build. Reason: exit status 137
            """#,
        ]
    )
}

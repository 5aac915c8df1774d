// wording: CodeBuild agent lines for a command killed by SIGKILL (128 + 9 = 137), most often by the
// kernel OOM killer ("Command did not exit successfully CMD exit status 137", "Reason: exit status 137").
extension Rule {
    static let exitStatus137Killed = Rule(
        id: "exit-status-137-killed",
        category: .outOfMemory,
        title: "Command was killed (exit status 137, likely out of memory)",
        severity: .warning,
        literals: ["exit status 137"],
        regex: #"(?:Command did not exit successfully (?<command>.+) exit status 137$|Reason: exit status 137$)"#,
        explanation: """
            The command ended with status 137: it received SIGKILL. In CodeBuild that is almost always the \
            kernel's OOM killer stopping a process that used more memory than the compute type has (4 GiB for \
            BUILD_GENERAL1_SMALL, 8 GiB for MEDIUM), often during a parallel compile, bundling or a Docker build.
            """,
        remediation: """
            Lower parallelism (`make -j2`, `--max-workers=2`, `GOMAXPROCS`), cap tool heaps (`NODE_OPTIONS`, \
            `-Xmx`), or move to a larger compute type: `aws codebuild update-project --name <project> \
            --environment type=LINUX_CONTAINER,image=<image>,computeType=BUILD_GENERAL1_LARGE`.
            """,
        docURL: "https://docs.aws.amazon.com/codebuild/latest/userguide/build-env-ref-compute-types.html",
        triggering: [
            #"""
            [Container] 2024/03/06 10:00:05.100000 Running command npm run build
            Creating an optimized production build...
            ↓ [Container] 2024/03/06 10:04:05.200000 Command did not exit successfully npm run build exit status 137
            [Container] 2024/03/06 10:04:05.300000 Phase complete: BUILD State: FAILED
            ↓ [Container] 2024/03/06 10:04:05.300000 Phase context status code: COMMAND_EXECUTION_ERROR Message: Error while executing command: npm run build. Reason: exit status 137
            """#,
        ],
        nonTriggering: [
            #"""
            [Container] 2024/03/06 10:04:05.200000 Command did not exit successfully npm run build exit status 1
            [Container] 2024/03/06 10:04:05.300000 Phase context status code: COMMAND_EXECUTION_ERROR Message: Error while executing command: npm run build. Reason: exit status 1
            """#,
        ]
    )
}

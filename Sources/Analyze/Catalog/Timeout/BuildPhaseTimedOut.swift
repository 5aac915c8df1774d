// wording: the CodeBuild agent's phase end line ("Phase complete: BUILD State: FAILED", many public logs) with
// the TIMED_OUT value of the API's BuildPhase.phaseStatus, and the BUILD_TIMED_OUT context code. Not seen
// verbatim in a public log: when the container is stopped the log may simply end, and the timeout is then
// known only from the build's API status, whose BUILD_TIMED_OUT context the engine scans like this line.
extension Rule {
    static let buildPhaseTimedOut = Rule(
        id: "build-phase-timed-out",
        category: .buildTimeout,
        title: "Build hit the project timeout",
        severity: .error,
        literals: ["TIMED_OUT"],
        regex: #"(?:Phase complete: (?<phase>[A-Z_]+) State: TIMED_OUT|Phase context status code: BUILD_TIMED_OUT)"#,
        explanation: """
            CodeBuild stopped the build because it ran longer than the project's timeout (default \
            60 minutes, at most 36 hours). A hung command (waiting for input, a server that never exits, a \
            stuck network call) or a build that simply got slower both end here.
            """,
        remediation: """
            Find the last command that was running and why it hung (non-interactive flags such as `-y`, \
            `CI=true`, `--no-watch`; timeouts on network calls); if the work is just long, raise the limit: \
            `aws codebuild update-project --name <project> --timeout-in-minutes 120`, and add caching to speed \
            it up.
            """,
        docURL: "https://docs.aws.amazon.com/codebuild/latest/userguide/change-project.html",
        triggering: [
            #"""
            [Container] 2024/03/06 10:00:05.000000 Entering phase BUILD
            [Container] 2024/03/06 10:00:05.100000 Running command npm run e2e
            Waiting for http://localhost:3000 ...
            ↓ [Container] 2024/03/06 11:00:05.200000 Phase complete: BUILD State: TIMED_OUT
            """#,
        ],
        nonTriggering: [
            #"""
            [Container] 2024/03/06 10:00:05.000000 Phase complete: BUILD State: SUCCEEDED
            Request timed out after 30000ms, retrying (1/3)
            """#,
        ]
    )
}

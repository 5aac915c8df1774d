// wording: create-react-app's react-scripts build when its child was killed by SIGKILL: "The build failed because
// the process exited too early. This probably means the system ran out of memory or someone called `kill -9` on
// the process." (facebook/create-react-app packages/react-scripts/bin/react-scripts.js; aws-samples/
// aws-saas-factory-simple-cicd#67, a CodeBuild build). In a build no one calls `kill -9`: the kernel's OOM
// killer did.
extension Rule {
    static let processExitedTooEarly = Rule(
        id: "process-exited-too-early",
        category: .outOfMemory,
        title: "A build process was killed (out of memory)",
        severity: .error,
        literals: ["the process exited too early", "probably means the system ran out of memory"],
        regex: #"(?:The build failed because the process exited too early|This probably means the system ran out of memory)"#,
        explanation: """
            The process was killed with SIGKILL before it finished; in CodeBuild that is the kernel's \
            out-of-memory killer: the build container ran out of memory (parallel builds or tests, a large \
            webpack or Jest run).
            """,
        remediation: """
            Use a larger compute type (`BUILD_GENERAL1_MEDIUM` or `LARGE`), run fewer processes at once \
            (`--maxWorkers=2`, lerna `--concurrency 1`), or cap Node's heap below the container's memory \
            (`NODE_OPTIONS=--max-old-space-size=…`).
            """,
        docURL: "https://docs.aws.amazon.com/codebuild/latest/userguide/build-env-ref-compute-types.html",
        triggering: [
            #"""
            Creating an optimized production build...
            ↓ The build failed because the process exited too early. This probably means the system ran out of memory or someone called `kill -9` on the process.
            npm ERR! code ELIFECYCLE
            """#,
        ],
        nonTriggering: [
            #"""
            The build failed because of a TypeScript error.
            Creating an optimized production build...
            """#,
        ]
    )
}

// wording: a Dockerfile RUN step that exits non-zero: BuildKit ("ERROR: failed to solve: process \"/bin/sh -c
// npm ci\" did not complete successfully: exit code: 1") and the classic builder ("The command '/bin/sh -c npm ci'
// returned a non-zero code: 1"). Generic: the step's own output holds the cause.
extension Rule {
    static let dockerBuildStepFailed = Rule(
        id: "docker-build-step-failed",
        category: .unclassified,
        title: "A Dockerfile RUN step failed",
        severity: .error,
        literals: ["did not complete successfully", "returned a non-zero code"],
        regex: #"(?:process "(?<step>.+)" did not complete successfully: exit code: (?<status>\d+)|The command '(?<legacystep>.+)' returned a non-zero code: (?<legacystatus>\d+))"#,
        isGenericSymptom: true,
        explanation: """
            The Dockerfile step `{{step}}` exited with status {{status}}; the cause is in that step's output \
            above (lines prefixed with the step number in BuildKit output).
            """,
        remediation: """
            Read the step's output (use `docker build --progress=plain` to see it in full), and reproduce with \
            `docker build --target <stage> .` locally.
            """,
        docURL: "https://docs.docker.com/build/building/best-practices/",
        triggering: [
            #"""
            #9 [4/6] RUN npm ci
            #9 12.41 npm ERR! code ERESOLVE
            ↓ #9 ERROR: process "/bin/sh -c npm ci" did not complete successfully: exit code: 1
            ------
            ↓ ERROR: failed to solve: process "/bin/sh -c npm ci" did not complete successfully: exit code: 1
            """#,
            #"""
            ↓ The command '/bin/sh -c pip install -r requirements.txt' returned a non-zero code: 1
            """#,
        ],
        nonTriggering: [
            #"""
            #9 [4/6] RUN npm ci
            #9 DONE 41.2s
            Successfully built 3fa1fdd9b471
            """#,
        ]
    )
}

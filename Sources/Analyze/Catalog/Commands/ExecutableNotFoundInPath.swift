// wording: Go's os/exec LookPath error as Docker and other Go tools print it ("exec: \"NAME\": executable
// file not found in $PATH"). A failing Docker credential helper reports the same inside "error getting
// credentials" (docker-credential-helper-failed), so those lines are left to that rule.
extension Rule {
    static let executableNotFoundInPath = Rule(
        id: "executable-not-found-in-path",
        category: .commandNotFound,
        title: "Executable not found in the container or tool PATH",
        severity: .error,
        literals: ["executable file not found in $PATH"],
        regex: #"exec: "(?<command>[^"]+)": executable file not found in \$PATH"#,
        // A missing docker credential helper is its own finding.
        exclude: #"error getting credentials"#,
        explanation: """
            A Go program (often `docker run` starting a container, or a tool shelling out) could not find \
            `{{command}}` on its PATH: the image has no such binary, or the entrypoint/command names it wrongly.
            """,
        remediation: """
            Install `{{command}}` in the image (or the build environment), or call it by absolute path; for \
            `docker run`, check the image's `ENTRYPOINT`/`CMD` and the command you pass.
            """,
        docURL: "https://docs.docker.com/reference/dockerfile/#entrypoint",
        triggering: [
            #"""
            [Container] 2024/03/06 10:00:05.100000 Running command docker run --rm app:test pytest
            ↓ docker: Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "pytest": executable file not found in $PATH: unknown.
            """#,
        ],
        nonTriggering: [
            #"""
            ============================== 12 passed in 1.02s ==============================
            Error response from daemon: Get "https://123456789012.dkr.ecr.us-east-1.amazonaws.com/v2/": error getting credentials - err: exit status 1, out: `exec: "docker-credential-ecr-login": executable file not found in $PATH`
            """#,
        ]
    )
}

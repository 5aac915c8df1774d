// wording: BuildKit checksum of a COPY/ADD source missing from the context ("failed to compute cache key:
// failed to calculate checksum of ref ...: \"/PATH\": not found") and the classic builder's "COPY failed:
// file not found in build context or excluded by .dockerignore: stat PATH: file does not exist".
extension Rule {
    static let buildContextFileNotFound = Rule(
        id: "build-context-file-not-found",
        category: .dockerfileNotFound,
        title: "File to COPY is not in the Docker build context",
        severity: .error,
        literals: ["failed to calculate checksum of ref", "COPY failed: "],
        regex: #"(?:failed to calculate checksum of ref [^:]+(?:::\S+)?: "(?<path>[^"]+)": not found|COPY failed: (?:file not found in build context or excluded by \.dockerignore: )?stat (?<statpath>\S+): (?:file does not exist|no such file or directory))"#,
        explanation: """
            A `COPY`/`ADD` in the Dockerfile names a file that is not in the build context: it was not built \
            yet (e.g. `target/app.jar` from a skipped Maven step), the context directory is wrong, or \
            `.dockerignore` excludes it.
            """,
        remediation: """
            Build the file before `docker build` in the same build, pass the directory that contains it as the \
            context (`docker build -f Dockerfile <context-dir>`), and check `.dockerignore`.
            """,
        docURL: "https://docs.docker.com/build/concepts/context/",
        triggering: [
            #"""
            #7 [3/4] COPY target/app.jar /app/app.jar
            ↓ #7 ERROR: failed to calculate checksum of ref 6ce3b5f2-1d2a-4c4b-9b7e-3c1f0f9a2d11::q8v3x1m2n0b9: "/target/app.jar": not found
            ------
            ↓ ERROR: failed to solve: failed to compute cache key: failed to calculate checksum of ref 6ce3b5f2-1d2a-4c4b-9b7e-3c1f0f9a2d11::q8v3x1m2n0b9: "/target/app.jar": not found
            """#,
            #"""
            Step 4/7 : COPY dist/ /usr/share/nginx/html/
            ↓ COPY failed: file not found in build context or excluded by .dockerignore: stat dist/: file does not exist
            """#,
        ],
        nonTriggering: [
            #"""
            Step 4/7 : COPY dist/ /usr/share/nginx/html/
             ---> 7d2f1c3b9a8e
            #7 [3/4] COPY target/app.jar /app/app.jar
            #7 DONE 0.2s
            """#,
        ]
    )
}

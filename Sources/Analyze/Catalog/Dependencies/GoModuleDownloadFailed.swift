// wording: Go module errors ("go: MODULE@VERSION: invalid version: unknown revision X", "go: MODULE@VERSION:
// reading https://proxy.golang.org/...: 404 Not Found", "missing go.sum entry for module providing package X").
extension Rule {
    static let goModuleDownloadFailed = Rule(
        id: "go-module-download-failed",
        category: .dependencyInstallFailed,
        title: "Go module could not be downloaded",
        severity: .error,
        literals: ["go: ", "missing go.sum entry"],
        regex: #"(?:^go: (?<module>[^\s@:]+)@(?<version>[^\s:]+): (?:invalid version|reading \S+: (?:404|410) )|missing go\.sum entry for module providing package (?<package>\S+))"#,
        explanation: """
            The Go toolchain could not fetch or verify a module: the version or revision does not exist, the \
            module is private (GOPRIVATE/credentials not set), or go.sum lacks an entry because `go mod tidy` \
            was not run before committing.
            """,
        remediation: """
            Run `go mod tidy` and commit go.mod and go.sum; for private modules set `GOPRIVATE=github.com/acme/*` \
            and give git a token (`git config --global url."https://x-access-token:${GITHUB_TOKEN}@github.com/".insteadOf "https://github.com/"`).
            """,
        docURL: "https://go.dev/ref/mod#private-modules",
        triggering: [
            #"""
            [Container] 2024/03/06 10:00:05.100000 Running command go build ./...
            go: downloading github.com/acme/shared v1.4.0
            ↓ go: github.com/acme/shared@v1.4.0: reading https://proxy.golang.org/github.com/acme/shared/@v/v1.4.0.mod: 404 Not Found
            """#,
            #"""
            ↓ go: github.com/acme/shared@v1.9.9: invalid version: unknown revision v1.9.9
            """#,
            #"""
            ↓ main.go:7:2: missing go.sum entry for module providing package github.com/google/uuid (imported by github.com/acme/api); to add:
            """#,
        ],
        nonTriggering: [
            #"""
            go: downloading github.com/google/uuid v1.6.0
            go: finding module for package github.com/google/uuid
            go: found github.com/google/uuid in github.com/google/uuid v1.6.0
            """#,
        ]
    )
}

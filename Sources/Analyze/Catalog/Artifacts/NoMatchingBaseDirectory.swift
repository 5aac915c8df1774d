// wording: CodeBuild agent when `artifacts: base-directory` does not exist ("no matching base directory
// path found for dist").
extension Rule {
    static let noMatchingBaseDirectory = Rule(
        id: "no-matching-base-directory",
        category: .artifactsNotFound,
        title: "Artifact base directory does not exist",
        severity: .error,
        literals: ["no matching base directory path found for"],
        regex: #"no matching base directory path found for (?<directory>\S+)"#,
        isConsequence: true,
        explanation: """
            `artifacts: base-directory` is `{{directory}}`, but no such directory exists at the end of the \
            build: the build step that creates it failed or wrote to another directory.
            """,
        remediation: """
            Check the build output directory (e.g. `npm run build` writes `build/` for create-react-app, \
            `dist/` for Vite) and set `base-directory` to it, relative to `$CODEBUILD_SRC_DIR`.
            """,
        docURL: "https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html#build-spec.artifacts.base-directory",
        triggering: [
            #"""
            [Container] 2024/03/06 10:00:09.000000 Expanding base directory path: dist
            [Container] 2024/03/06 10:00:09.100000 Phase complete: UPLOAD_ARTIFACTS State: FAILED
            ↓ [Container] 2024/03/06 10:00:09.200000 Phase context status code: CLIENT_ERROR Message: no matching base directory path found for dist
            """#,
        ],
        nonTriggering: [
            #"""
            [Container] 2024/03/06 10:00:09.000000 Expanding base directory path: dist
            [Container] 2024/03/06 10:00:09.050000 Assembling file list
            """#,
        ]
    )
}

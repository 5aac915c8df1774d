// wording: TypeScript's TS2307 ("Cannot find module 'X' or its corresponding type declarations.") reported inside
// an installed package's own declaration files (`node_modules/…/*.d.ts`): the package needs a dependency the
// install did not put there — a peer dependency not installed, or a lockfile the build's npm read differently
// (aws/aws-cdk#13743: a package-lock.json written by npm 7 installed by npm 6 in CodeBuild).
// TS2307 in the project's own sources stays typescript-compile-error.
extension Rule {
    static let typeDeclarationsDependencyMissing = Rule(
        id: "type-declarations-dependency-missing",
        category: .dependencyInstallFailed,
        title: "An installed package's dependency is missing from node_modules",
        severity: .error,
        literals: ["error TS2307"],
        regex: #"(?<file>node_modules/\S+\.d\.[cm]?ts)\(\d+,\d+\): error TS2307: Cannot find module '(?<module>[^']+)'"#,
        explanation: """
            The type declarations of an installed package (`{{file}}`) import `{{module}}`, which is not in \
            `node_modules`: the install left the dependency tree incomplete. A missing peer dependency, or a \
            lockfile written by a different npm major version than the build's, are the usual causes.
            """,
        remediation: """
            Install `{{module}}` explicitly (peer dependencies are not installed by npm 6), or regenerate the \
            lockfile with the npm version the build image runs (`npm --version` in the build) and commit it.
            """,
        docURL: "https://docs.npmjs.com/cli/v10/configuring-npm/package-lock-json",
        triggering: [
            #"""
            > tsc
            ↓ node_modules/@aws-cdk/aws-codebuild/lib/artifacts.d.ts(1,21): error TS2307: Cannot find module '@aws-cdk/aws-s3' or its corresponding type declarations.
            """#,
        ],
        nonTriggering: [
            #"""
            src/index.ts(3,21): error TS2307: Cannot find module './util' or its corresponding type declarations.
            node_modules/some-lib/index.d.ts(4,3): error TS2304: Cannot find name 'Buffer'.
            """#,
        ]
    )
}

// wording: /usr/bin/env when a shebang's interpreter is missing ("/usr/bin/env: 'python': No such file or
// directory", coreutils 8.x+ quoting; older "env: python: No such file or directory").
extension Rule {
    static let interpreterNotFound = Rule(
        id: "interpreter-not-found",
        category: .commandNotFound,
        title: "Script interpreter not installed",
        severity: .error,
        literals: ["No such file or directory"],
        regex: "^" + BuiltinCatalog.buildKitStepPrefix + #"(?:/usr/bin/)?env: '?(?<command>[^':\s]+)'?: No such file or directory"#,
        explanation: """
            A script's shebang (`#!/usr/bin/env {{command}}`) names an interpreter that is not on the PATH: \
            e.g. `python` on images that only have `python3`, or `node` before a Node.js runtime is selected.
            """,
        remediation: """
            Select or install the runtime (`runtime-versions:` in the install phase), change the shebang to an \
            existing interpreter (`#!/usr/bin/env python3`), or run the script through it explicitly.
            """,
        docURL: "https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html#build-spec.phases.install.runtime-versions",
        triggering: [
            #"""
            [Container] 2024/03/06 10:00:05.100000 Running command ./tools/gen-config.py
            ↓ /usr/bin/env: 'python': No such file or directory
            """#,
        ],
        nonTriggering: [
            #"""
            ls: cannot access 'dist': No such file or directory
            cat: .env: No such file or directory
            """#,
        ]
    )
}

// wording: npm 7+ peer dependency resolution failure ("npm ERR! code ERESOLVE", "npm ERR! ERESOLVE unable to
// resolve dependency tree"; npm 10 prints "npm error code ERESOLVE").
extension Rule {
    static let npmEresolve = Rule(
        id: "npm-eresolve",
        category: .dependencyInstallFailed,
        title: "npm could not resolve the dependency tree (peer conflict)",
        severity: .error,
        literals: ["ERESOLVE"],
        regex: "^" + BuiltinCatalog.buildKitStepPrefix + #"npm (?:ERR!|error) (?:code ERESOLVE$|ERESOLVE (?<detail>.+))"#,
        explanation: """
            npm 7 and later refuse to install when peer dependencies conflict ({{detail}}). It often appears \
            after a Node.js/npm upgrade in the build image or when the lockfile was written by npm 6.
            """,
        remediation: """
            Fix the conflicting versions in package.json (the lines after "Could not resolve dependency" name \
            them), regenerate package-lock.json with the npm version the build uses, or as a stopgap install \
            with `npm ci --legacy-peer-deps`.
            """,
        docURL: "https://docs.npmjs.com/cli/v10/using-npm/config#legacy-peer-deps",
        triggering: [
            #"""
            [Container] 2024/03/06 10:00:03.100000 Running command npm install
            ↓ npm ERR! code ERESOLVE
            ↓ npm ERR! ERESOLVE unable to resolve dependency tree
            npm ERR!
            npm ERR! While resolving: web@1.0.0
            npm ERR! Found: react@18.2.0
            """#,
            #"""
            ↓ npm error code ERESOLVE
            ↓ npm error ERESOLVE could not resolve
            """#,
            #"""
            #9 [4/6] RUN npm ci
            ↓ #9 12.41 npm ERR! code ERESOLVE
            ↓ #9 12.41 npm ERR! ERESOLVE could not resolve
            """#,
        ],
        nonTriggering: [
            #"""
            npm WARN ERESOLVE overriding peer dependency
            npm WARN While resolving: react-dom@18.2.0
            added 812 packages in 22s
            """#,
        ]
    )
}

// wording: npm ci's lockfile check ("npm ERR! `npm ci` can only install packages when your package.json and
// package-lock.json or npm-shrinkwrap.json are in sync. Please update your lock file with `npm install`
// before continuing."; npm 10 prints "npm error").
extension Rule {
    static let npmCiLockfileOutOfSync = Rule(
        id: "npm-ci-lockfile-out-of-sync",
        category: .dependencyInstallFailed,
        title: "package-lock.json does not match package.json",
        severity: .error,
        literals: ["can only install packages when your package.json and package-lock.json"],
        explanation: """
            `npm ci` installs exactly what package-lock.json records and stops when package.json asks for \
            something else: a dependency was added or bumped without committing the regenerated lockfile, or \
            the lockfile was written by a different npm major version.
            """,
        remediation: """
            Run `npm install` locally with the same npm version as the build image, commit the updated \
            package-lock.json, and keep `npm ci` in the buildspec.
            """,
        docURL: "https://docs.npmjs.com/cli/v10/commands/npm-ci",
        triggering: [
            #"""
            [Container] 2024/03/06 10:00:03.100000 Running command npm ci
            ↓ npm ERR! `npm ci` can only install packages when your package.json and package-lock.json or npm-shrinkwrap.json are in sync. Please update your lock file with `npm install` before continuing.
            npm ERR!
            npm ERR! Missing: zod@3.22.4 from lock file
            """#,
        ],
        nonTriggering: [
            #"""
            added 412 packages, and audited 413 packages in 9s
            found 0 vulnerabilities
            """#,
        ]
    )
}

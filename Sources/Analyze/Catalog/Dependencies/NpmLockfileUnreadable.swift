// wording: npm 6 reading a lockfile that a newer npm wrote (lockfileVersion 2/3): "npm ERR! Cannot read property
// 'is-even' of undefined" (npm/cli#6023), and "npm ERR! X not accessible from Y" when the lockfile does not hold
// what package.json needs (cypress-io/circleci-orb#82; the npm 6 vs npm 7 lockfile case in aws/aws-cdk#13705).
extension Rule {
    static let npmLockfileUnreadable = Rule(
        id: "npm-lockfile-unreadable",
        category: .dependencyInstallFailed,
        title: "npm could not use the lockfile (written by another npm version?)",
        severity: .error,
        literals: [" not accessible from ", "Cannot read property '", "Cannot read properties of undefined (reading '"],
        regex: #"npm ERR! (?:(?<package>\S+) not accessible from (?<from>\S+)|Cannot read propert(?:y '(?<property>[^']+)' of undefined|ies of undefined \(reading '(?<reading>[^']+)'\)))"#,
        scope: RuleScope(commandPattern: #"\bnpm\s+(?:ci|install|i)\b|\bnpx\b"#),
        explanation: """
            npm failed while reading `package-lock.json` before installing anything. An older npm (npm 6 in \
            older CodeBuild images) cannot read a lockfile written by npm 7 or later (`lockfileVersion` 2 or 3), \
            and a lockfile that does not list what `package.json` needs makes `npm ci` fail the same way.
            """,
        remediation: """
            Use the npm version that wrote the lockfile: `npm install -g npm@<version>` in the install phase (or a \
            newer runtime, e.g. `runtime-versions: nodejs: 18`), or regenerate the lockfile with the build's npm \
            (`npx npm@6 install`) and commit it.
            """,
        docURL: "https://docs.npmjs.com/cli/configuring-npm/package-lock-json#lockfileversion",
        triggering: [
            #"""
            [Container] 2021/03/11 11:26:36 Running command npm ci
            ↓ npm ERR! @aws-cdk/yaml-cfn not accessible from aws-cdk
            npm ERR! A complete log of this run can be found in:
            [Container] 2021/03/11 11:26:41 Command did not exit successfully npm ci exit status 1
            """#,
            #"""
            [Container] 2022/12/14 16:00:37 Running command npm ci
            npm WARN prepare removing existing node_modules/ before installation
            ↓ npm ERR! Cannot read property 'aws-cdk-lib' of undefined
            """#,
        ],
        nonTriggering: [
            #"""
            [Container] 2022/12/14 16:00:37 Running command node build.js
            npm ERR! Cannot read property 'length' of undefined
            """#,
            #"""
            [Container] 2022/12/14 16:00:37 Running command npm ci
            TypeError: Cannot read property 'map' of undefined
            added 1204 packages in 31s
            """#,
        ]
    )
}

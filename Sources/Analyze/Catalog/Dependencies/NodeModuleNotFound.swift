// wording: Node's CommonJS resolver ("Error: Cannot find module 'express'") and ESM
// ("Error [ERR_MODULE_NOT_FOUND]: Cannot find package 'express' imported from /path/index.js").
extension Rule {
    static let nodeModuleNotFound = Rule(
        id: "node-module-not-found",
        category: .dependencyInstallFailed,
        title: "Node.js package not installed",
        severity: .error,
        literals: ["Cannot find module '", "Cannot find package '"],
        regex: #"(?:Error: Cannot find module '(?<module>[^'./][^']*)'|Error \[ERR_MODULE_NOT_FOUND\]: Cannot find package '(?<package>[^']+)')"#,
        explanation: """
            Node could not load a package: it is missing from package.json (a devDependency used at run time, \
            or installed only globally on a developer machine), `npm ci --omit=dev`/`NODE_ENV=production` \
            skipped it, or the install ran in another directory.
            """,
        remediation: """
            Add the package to package.json (`npm install --save <name>`), install in the directory that runs \
            the code, and do not omit dev dependencies in a step that needs them.
            """,
        docURL: "https://docs.npmjs.com/cli/v10/commands/npm-ci",
        triggering: [
            #"""
            [Container] 2024/03/06 10:00:05.100000 Running command node scripts/build-sitemap.js
            node:internal/modules/cjs/loader:1080
              throw err;
              ^

            ↓ Error: Cannot find module 'fast-glob'
            Require stack:
            - /codebuild/output/src1/src/scripts/build-sitemap.js
            """#,
        ],
        nonTriggering: [
            #"""
            Error: Cannot find module './config/local'
            added 1289 packages in 41s
            """#,
        ]
    )
}

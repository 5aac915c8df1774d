// wording: npm when a package.json script exits non-zero: npm 7+ ("npm ERR! Lifecycle script `build` failed
// with error:"), npm 10 ("npm error Lifecycle script `build` failed with error:"), npm 6 ("npm ERR! Failed at the
// web@1.0.0 build script."). Test scripts have their own rule. Generic: the script's output holds the cause.
extension Rule {
    static let npmScriptFailed = Rule(
        id: "npm-script-failed",
        category: .unclassified,
        title: "npm script failed",
        severity: .error,
        literals: ["Lifecycle script `", "Failed at the "],
        regex: "^" + BuiltinCatalog.buildKitStepPrefix + #"npm (?:ERR!|error) (?:Lifecycle script `(?<script>[^`]+)` failed with error:|Failed at the \S+ (?<npm6script>\S+) script\.)"#,
        // A failing `test` script is a test failure, which the test rules explain better.
        exclude: #"npm (?:ERR!|error) (?:Lifecycle script `test[^`]*` failed with error:|Failed at the \S+ test\S* script\.)"#,
        isGenericSymptom: true,
        explanation: """
            An npm script exited non-zero; the tool it ran (webpack, tsc, vite, next) printed the cause above \
            the `npm ERR!` block.
            """,
        remediation: """
            Scroll up past the `npm ERR!` lines to the tool's first error, and run the same script locally with \
            the build's Node.js version (`npm ci && npm run <script>`).
            """,
        docURL: "https://docs.npmjs.com/cli/v10/using-npm/scripts",
        triggering: [
            #"""
            ERROR in ./src/index.tsx 3:0-24
            Module not found: Error: Can't resolve './App' in '/codebuild/output/src1/src/src'
            npm ERR! code 1
            npm ERR! path /codebuild/output/src1/src
            ↓ npm ERR! Lifecycle script `build` failed with error:
            npm ERR! Error: command failed
            """#,
            #"""
            npm ERR! code ELIFECYCLE
            npm ERR! errno 2
            ↓ npm ERR! Failed at the web@1.0.0 build script.
            """#,
        ],
        nonTriggering: [
            #"""
            npm ERR! Lifecycle script `test` failed with error:
            npm ERR! Failed at the web@1.0.0 test script.
            > web@1.0.0 build
            """#,
        ]
    )
}

// wording: npm 6 "npm ERR! Failed at the aws-sdk@2.903.0 postinstall script." (aws/aws-cdk#14658), and npm 7+
// where a dependency's install script fails: "npm ERR! path /…/node_modules/sharp" followed by "npm ERR! command
// failed" (npm/cli lib/utils/error-message.js prints the failing script's package path).
extension Rule {
    static let npmInstallScriptFailed = Rule(
        id: "npm-install-script-failed",
        category: .dependencyInstallFailed,
        title: "A dependency's install script failed",
        severity: .error,
        literals: ["install script.", "/node_modules/", "install: `"],
        regex: #"npm (?:ERR!|error) (?:Failed at the (?<package>\S+) (?<script>preinstall|install|postinstall) script\.|(?<lifecycle>\S+@\S+) (?:preinstall|install|postinstall): `|path (?<path>\S*/node_modules/(?<dependency>(?:@[^/\s]+/)?[^/\s]+))$)"#,
        explanation: """
            Installing dependencies ran a package's own install script and it failed: a native module that cannot build on this image (missing compiler, Python, or a \
            prebuilt binary for this platform), a script that checks the Node.js version, or one that cannot \
            run as root.
            """,
        remediation: """
            Read the script's output just above. Use a Node.js version the package supports (`runtime-versions`), \
            install its build tools in the install phase, or allow scripts to run as root in CodeBuild with \
            `npm config set unsafe-perm true` (npm 6).
            """,
        docURL: "https://docs.npmjs.com/cli/using-npm/scripts#life-cycle-scripts",
        triggering: [
            #"""
            npm ERR! code ELIFECYCLE
            ↓ npm ERR! aws-sdk@2.903.0 postinstall: `node scripts/check-node-version.js`
            ↓ npm ERR! Failed at the aws-sdk@2.903.0 postinstall script.
            """#,
            #"""
            [Container] 2024/02/01 10:00:00.000000 Running command npm ci
            npm ERR! code 1
            ↓ npm ERR! path /codebuild/output/src123/src/node_modules/sharp
            npm ERR! command failed
            npm ERR! command sh -c (node install/libvips && node install/dll-copy && prebuild-install) || (node install/can-compile && node-gyp rebuild && node install/dll-copy)
            """#,
        ],
        nonTriggering: [
            "npm ERR! Failed at the web@1.0.0 build script.",
            "npm ERR! web@1.0.0 build: `tsc -p .`",
            "npm ERR! path /codebuild/output/src123/src",
        ]
    )
}

// wording: npm's ETARGET error ("npm ERR! code ETARGET" / "npm ERR! notarget No matching version found for
// cdk-assets@2.74.0.", npm 7+ "npm error notarget …"), see npm/cli lib/utils/error-message.js; yarn's
// "Couldn't find any versions for \"x\" that matches \"^9.9.9\"".
extension Rule {
    static let npmNoMatchingVersion = Rule(
        id: "npm-no-matching-version",
        category: .dependencyInstallFailed,
        title: "No published version matches the requested package version",
        severity: .error,
        literals: ["No matching version found for ", "Couldn't find any versions for "],
        regex: #"(?:npm (?:ERR!|error) notarget No matching version found for |Couldn't find any versions for ")(?<spec>[^"\s]+[^"\s.])"#,
        explanation: """
            The registry has no version that matches {{spec}}: the version \
            was never published (a typo, a pre-release that was pulled, a version computed from another tool's \
            version), or the build reads a different registry (`.npmrc`, CodeArtifact) that lacks it.
            """,
        remediation: """
            Check the published versions with `npm view <package> versions`, pin one that exists, and make sure \
            the build uses the registry you expect (`npm config get registry`).
            """,
        docURL: "https://docs.npmjs.com/cli/commands/npm-view",
        triggering: [
            #"""
            [Container] 2023/04/14 16:05:53 Running command npm install -g cdk-assets@2.74.0
            npm ERR! code ETARGET
            ↓ npm ERR! notarget No matching version found for cdk-assets@2.74.0.
            npm ERR! notarget In most cases you or one of your dependencies are requesting
            """#,
            #"""
            [Container] 2024/01/09 08:00:00.000000 Running command yarn install --frozen-lockfile
            ↓ error Couldn't find any versions for "left-pad" that matches "^9.9.9"
            """#,
        ],
        nonTriggering: [
            #"""
            npm ERR! notarget In most cases you or one of your dependencies are requesting
            npm ERR! notarget a package version that doesn't exist.
            """#,
            "added 312 packages, and audited 313 packages in 9s",
        ]
    )
}

// wording: apt's resolver when an install cannot be satisfied (apt-pkg/algorithms.cc, cmdline/apt-get.cc):
// "The following packages have unmet dependencies:", " libfoo : Depends: libbar (>= 2) but it is not going to be
// installed", "E: Unable to correct problems, you have held broken packages.", "E: Unmet dependencies. Try
// 'apt --fix-broken install' with no packages (or specify a solution)." — `apt-get install` exits 100.
extension Rule {
    static let aptUnmetDependencies = Rule(
        id: "apt-unmet-dependencies",
        category: .dependencyInstallFailed,
        title: "apt could not satisfy package dependencies",
        severity: .error,
        literals: ["unmet dependencies", "held broken packages", "Unmet dependencies"],
        regex: #"(?:The following packages have unmet dependencies|E: Unable to correct problems, you have held broken packages|E: Unmet dependencies\.)"#,
        explanation: """
            `apt-get install` could not find a consistent set of packages: a requested package depends on a \
            version the configured repositories do not offer (mixed distribution releases, a third-party \
            repository built for another release, a package pinned or held), so apt exits 100.
            """,
        remediation: """
            Read the `Depends:` lines under "unmet dependencies" for the package and version apt wanted; install \
            it from the same repository or release, drop the mismatched source, or use a build image whose \
            distribution the packages were built for; run `apt-get update` first in the same command.
            """,
        docURL: "https://docs.aws.amazon.com/codebuild/latest/userguide/build-env-ref-available.html",
        triggering: [
            #"""
            Some packages could not be installed. This may mean that you have
            ↓ The following packages have unmet dependencies:
             libssl-dev : Depends: libssl3 (= 3.0.2-0ubuntu1.10) but 3.0.2-0ubuntu1.12 is to be installed
            ↓ E: Unable to correct problems, you have held broken packages.
            """#,
        ],
        nonTriggering: [
            #"""
            The following additional packages will be installed:
            0 upgraded, 3 newly installed, 0 to remove and 12 not upgraded.
            """#,
        ]
    )
}

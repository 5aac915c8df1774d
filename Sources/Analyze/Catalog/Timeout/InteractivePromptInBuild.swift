// wording: debconf prompts that wait for an answer no build gives: tzdata's "Please select the geographic area in
// which you live. Subsequent configuration questions will narrow this down …" (CloudSnorkel/cdk-github-runners#154,
// a CodeBuild image build that hung until its timeout), keyboard-configuration's "Please select the layout
// matching the keyboard for this machine." Both appear when DEBIAN_FRONTEND is not noninteractive.
extension Rule {
    static let interactivePromptInBuild = Rule(
        id: "interactive-prompt-in-build",
        category: .buildTimeout,
        title: "A package installation waits for an answer (interactive prompt)",
        severity: .error,
        literals: ["Please select the geographic area", "Please select the layout matching the keyboard"],
        regex: #"^\s*Please select the (?<prompt>geographic area in which you live|layout matching the keyboard)"#,
        explanation: """
            A package's configuration stopped to ask a question (`{{prompt}}`) on a build with no one to \
            answer it: the command waits until the build times out. `tzdata` and `keyboard-configuration` ask \
            when `apt-get install` runs without `DEBIAN_FRONTEND=noninteractive`.
            """,
        remediation: """
            Set `DEBIAN_FRONTEND=noninteractive` (and `TZ=Etc/UTC`) for the install: `ENV DEBIAN_FRONTEND=noninteractive` \
            in the Dockerfile or `DEBIAN_FRONTEND=noninteractive apt-get install -y …` in the buildspec.
            """,
        docURL: "https://docs.aws.amazon.com/codebuild/latest/userguide/troubleshooting.html",
        triggering: [
            #"""
            Setting up tzdata (2023c-0ubuntu0.22.04.2) ...
            Configuring tzdata
            ------------------
            ↓ Please select the geographic area in which you live. Subsequent configuration
            questions will narrow this down by presenting a list of cities, representing
            """#,
            #"""
            ↓   Please select the layout matching the keyboard for this machine.
            """#,
        ],
        nonTriggering: [
            #"""
            debconf: unable to initialize frontend: Dialog
            Current default time zone: 'Etc/UTC'
            """#,
        ]
    )
}

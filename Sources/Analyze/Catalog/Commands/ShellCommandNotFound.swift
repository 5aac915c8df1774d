// wording: shells' not-found messages: dash ("/codebuild/output/tmp/script.sh: 4: yarnn: not found",
// "sh: 1: yarnn: not found") and bash ("/codebuild/output/tmp/script.sh: line 4: yarnn: command not found",
// "bash: yarnn: command not found").
extension Rule {
    static let shellCommandNotFound = Rule(
        id: "shell-command-not-found",
        category: .commandNotFound,
        title: "Command not found",
        severity: .error,
        literals: ["not found"],
        regex: "^" + BuiltinCatalog.buildKitStepPrefix + #"(?:\S*/)?(?:[\w.-]*\.sh|(?:ba|z|da)?sh):(?: line \d+:| \d+:)? (?<command>[^\s:]+): (?:command )?not found\s*$"#,
        explanation: """
            The shell could not find `{{command}}` on the PATH: the tool is not installed in the build image, \
            it was installed in a phase whose PATH change did not carry over, a runtime was not selected in \
            `runtime-versions`, or the name is misspelled.
            """,
        remediation: """
            Install it in the install phase (e.g. `npm install -g {{command}}`, `pip install {{command}}`, \
            `yum install -y {{command}}`) or select the runtime that provides it; put PATH changes in \
            `env: variables:` or export them in the same command; check with `which {{command}}`.
            """,
        docURL: "https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html#build-spec.phases.install.runtime-versions",
        triggering: [
            #"""
            [Container] 2024/03/06 10:00:05.100000 Running command yarnn build
            ↓ /codebuild/output/tmp/script.sh: 4: yarnn: not found
            [Container] 2024/03/06 10:00:05.200000 Command did not exit successfully yarnn build exit status 127
            """#,
            #"""
            ↓ /codebuild/output/tmp/script.sh: line 4: terraform: command not found
            ↓ sh: 1: tsc: not found
            """#,
            #"""
            #8 [3/5] RUN yarn build
            ↓ #8 0.312 /bin/sh: 1: yarn: not found
            """#,
        ],
        nonTriggering: [
            #"""
            npm ERR! 404 Not Found - GET https://registry.npmjs.org/yarnn - Not found
            go: github.com/acme/x@latest: module github.com/acme/x: not found
            Error: manifest for app:v1 not found: manifest unknown: Requested image not found
            warning: optional-plugin: not found
            """#,
        ]
    )
}

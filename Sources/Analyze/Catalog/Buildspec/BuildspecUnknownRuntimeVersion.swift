// wording: CodeBuild agent for a `runtime-versions` entry the image does not offer ("YAML_FILE_ERROR:
// Unknown runtime version named '12' of nodejs. This build image has the following versions: 18"),
// quoted from a re:Post question in several public Terraform modules.
extension Rule {
    static let buildspecUnknownRuntimeVersion = Rule(
        id: "buildspec-unknown-runtime-version",
        category: .buildspecInvalid,
        title: "Runtime version not available on this build image",
        severity: .error,
        literals: ["Unknown runtime version named"],
        regex: #"Unknown runtime version named '(?<version>[^']*)' of (?<runtime>[\w.-]+)\.?(?: This build image has the following versions: (?<available>.+))?"#,
        explanation: """
            The buildspec asks for {{runtime}} {{version}} under `install: runtime-versions`, but the project's \
            build image does not provide it (it offers: {{available}}). Each CodeBuild image supports a fixed \
            set of runtime versions.
            """,
        remediation: """
            Pick a version the image has, or switch the project to an image that has {{runtime}} {{version}} \
            (e.g. `aws/codebuild/amazonlinux2-x86_64-standard:5.0` or `aws/codebuild/standard:7.0`); the \
            table of runtimes per image is in the linked page.
            """,
        docURL: "https://docs.aws.amazon.com/codebuild/latest/userguide/available-runtimes.html",
        triggering: [
            #"""
            [Container] 2024/03/06 10:00:01.000000 Processing environment variables
            [Container] 2024/03/06 10:00:01.100000 Phase complete: DOWNLOAD_SOURCE State: FAILED
            ↓ [Container] 2024/03/06 10:00:01.200000 Phase context status code: YAML_FILE_ERROR Message: Unknown runtime version named '12' of nodejs. This build image has the following versions: 18, 20
            """#,
        ],
        nonTriggering: [
            #"""
            [Container] 2024/03/06 10:00:01.000000 Selecting 'nodejs' runtime version '18' based on manual selections...
            [Container] 2024/03/06 10:00:01.100000 Running command echo "Installing Node.js version 18 ..."
            """#,
        ]
    )
}

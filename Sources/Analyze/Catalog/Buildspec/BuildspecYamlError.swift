// wording: CodeBuild agent phase context for a buildspec it cannot parse or validate ("Phase context status
// code: YAML_FILE_ERROR Message: ..."), e.g. awsdocs/aws-codebuild-user-guide#25 ("found character that cannot
// start any token at line 3"), aws-samples/aws-container-devsecops-workshop#7 ("wrong number of container
// tags, expected 1"), aws/sagemaker-chainer-container#83 ("Expected Commands[4] to be of string type").
// A missing buildspec and an unknown runtime version have their own rules.
extension Rule {
    static let buildspecYamlError = Rule(
        id: "buildspec-yaml-error",
        category: .buildspecInvalid,
        title: "buildspec is not valid",
        severity: .error,
        literals: ["YAML_FILE_ERROR"],
        // The console's phase details put the message on a line of its own ("YAML_FILE_ERROR" then "Message: …").
        regex: #"YAML_FILE_ERROR\b:?(?: (?:Message: )?(?<message>\S.*))?"#,
        // A missing buildspec and an unknown runtime version have rules of their own.
        exclude: #"YAML_FILE_ERROR.*(?:no such file or directory|Unknown runtime version)"#,
        explanation: """
            CodeBuild rejected the buildspec before running any command: {{message|see the Message line that follows}}. Tabs for indentation, a \
            command that YAML reads as a mapping (an unquoted `: ` inside it), wrong nesting under `phases`, or \
            a `version` other than 0.2 are the usual causes.
            """,
        remediation: """
            Validate the file locally (`python3 -c 'import yaml,sys; yaml.safe_load(open("buildspec.yml"))'`), \
            indent with spaces, and quote commands that contain `: ` or start with `*`, `&`, `{` or `[`, e.g. \
            `- 'echo "status: done"'`.
            """,
        docURL: "https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html",
        triggering: [
            #"""
            [Container] 2019/04/14 02:10:17 Phase is DOWNLOAD_SOURCE
            [Container] 2019/04/14 02:10:17 CODEBUILD_SRC_DIR=/codebuild/output/src123/src
            [Container] 2019/04/14 02:10:17 YAML location is /codebuild/output/src123/src/buildspec.yml
            [Container] 2019/04/14 02:10:17 Phase complete: DOWNLOAD_SOURCE State: FAILED
            ↓ [Container] 2019/04/14 02:10:17 Phase context status code: YAML_FILE_ERROR Message: found character that cannot start any token at line 3
            """#,
            #"""
            ↓ Phase context status code: YAML_FILE_ERROR
            Message: Expected Commands[2] to be of string type: found subkeys instead
            """#,
            #"""
            ↓ [Container] 2024/03/06 10:00:01.000000 Phase context status code: YAML_FILE_ERROR Message: Expected Commands[4] to be of string type: found subkeys instead at line 23, value of the key tag on line 22 might be empty
            """#,
        ],
        nonTriggering: [
            #"""
            Phase context status code: YAML_FILE_ERRORS_ARE_RARE
            """#,
            #"""
            [Container] 2024/03/06 10:00:01.000000 YAML location is /codebuild/output/src123/src/buildspec.yml
            [Container] 2024/03/06 10:00:01.100000 Phases found in YAML: 4
            [Container] 2024/03/06 10:00:01.200000 Phase context status code:  Message:
            """#,
        ]
    )
}

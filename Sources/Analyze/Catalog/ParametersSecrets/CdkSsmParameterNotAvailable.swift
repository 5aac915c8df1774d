// wording: the CDK CLI's context provider when `ssm.StringParameter.valueFromLookup` finds no parameter: "SSM
// parameter not available in account 123456789012, region us-east-1: /my/param" (aws-cdk
// packages/aws-cdk/lib/context-providers/ssm-parameters.ts; reports from `cdk synth` in CodeBuild pipelines).
extension Rule {
    static let cdkSsmParameterNotAvailable = Rule(
        id: "cdk-ssm-parameter-not-available",
        category: .parameterOrSecretMissing,
        title: "CDK could not find an SSM parameter it looks up",
        severity: .error,
        literals: ["SSM parameter not available in account"],
        regex: #"SSM parameter not available in account (?<account>[^,\s]+), region (?<region>[^:\s]+): (?<name>\S+)"#,
        explanation: """
            `cdk synth` looked up the SSM parameter `{{name}}` in account {{account}}, region {{region}}, and it \
            does not exist there (or the lookup role cannot see it). Lookups run against the account and \
            Region of the stack's `env`, with the credentials of the synth step.
            """,
        remediation: """
            Create the parameter in that account and Region, or fix the name or the stack's `env`; commit \
            `cdk.context.json` so synth in CodeBuild needs no lookup, or give the synth role \
            `ssm:GetParameter` (CDK pipelines: `lookup` role via `--trust-for-lookup`).
            """,
        docURL: "https://docs.aws.amazon.com/cdk/v2/guide/context.html",
        triggering: [
            #"""
            ↓ SSM parameter not available in account 123456789012, region us-east-1: /api-endpoint
            """#,
        ],
        nonTriggering: [
            #"""
            Reading SSM parameter /api-endpoint in account 123456789012, region us-east-1
            """#,
        ]
    )
}

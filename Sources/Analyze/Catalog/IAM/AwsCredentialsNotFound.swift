// wording: AWS CLI v1/v2 and botocore when no credential provider produced keys ("Unable to locate
// credentials. You can configure credentials by running \"aws configure\".").
extension Rule {
    static let awsCredentialsNotFound = Rule(
        id: "aws-credentials-not-found",
        category: .iamAccessDenied,
        title: "No AWS credentials available to the command",
        severity: .error,
        literals: ["Unable to locate credentials"],
        explanation: """
            The AWS CLI or SDK found no credentials. In CodeBuild they come from the container credentials \
            endpoint (`AWS_CONTAINER_CREDENTIALS_RELATIVE_URI`); a `docker run` without that variable, a step \
            that clears the environment, or `AWS_PROFILE` naming a profile that does not exist hides them.
            """,
        remediation: """
            Pass the credentials endpoint into containers: `docker run -e AWS_CONTAINER_CREDENTIALS_RELATIVE_URI \
            -e AWS_DEFAULT_REGION ...`; unset a stray `AWS_PROFILE`; run `aws sts get-caller-identity` to check.
            """,
        docURL: "https://docs.aws.amazon.com/codebuild/latest/userguide/troubleshooting.html",
        triggering: [
            #"""
            [Container] 2024/03/06 10:00:07.100000 Running command docker run --rm -v $(pwd):/work deployer:latest ./deploy.sh
            ↓ Unable to locate credentials. You can configure credentials by running "aws configure".
            """#,
        ],
        nonTriggering: [
            #"""
            {"UserId": "AROAEXAMPLEID:AWSCodeBuild-1f2e", "Account": "123456789012", "Arn": "arn:aws:sts::123456789012:assumed-role/codebuild-role/AWSCodeBuild-1f2e"}
            """#,
        ]
    )
}

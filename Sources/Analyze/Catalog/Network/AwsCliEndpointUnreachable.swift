// wording: botocore EndpointConnectionError / ConnectTimeoutError as the AWS CLI prints them ("Could not
// connect to the endpoint URL: \"URL\"", "Connect timeout on endpoint URL: \"URL\"").
extension Rule {
    static let awsCliEndpointUnreachable = Rule(
        id: "aws-cli-endpoint-unreachable",
        category: .networkTimeout,
        title: "AWS API endpoint unreachable",
        severity: .error,
        literals: ["Could not connect to the endpoint URL", "Connect timeout on endpoint URL"],
        regex: #"(?:Could not connect to the endpoint URL|Connect timeout on endpoint URL): "(?<url>[^"]+)""#,
        // The link-local credential endpoints (ECS/CodeBuild container credentials 169.254.170.2, instance
        // metadata 169.254.169.254) are not AWS APIs: no NAT gateway or Region explains them.
        exclude: #"endpoint URL: "https?://169\.254\.(?:170\.2|169\.254)[/:"]"#,
        explanation: """
            The AWS CLI could not reach `{{url}}`. Either the build's network has no path to the AWS API (a VPC \
            project without NAT gateway or interface endpoint for that service) or the region in the URL is \
            wrong, which produces a host that does not exist.
            """,
        remediation: """
            Check the region (`echo $AWS_DEFAULT_REGION`, `--region`), and for VPC projects add a NAT gateway \
            route or an interface VPC endpoint for the service (e.g. com.amazonaws.<region>.ecr.api, ssm, \
            secretsmanager, sts) with private DNS enabled.
            """,
        docURL: "https://docs.aws.amazon.com/codebuild/latest/userguide/vpc-support.html",
        triggering: [
            #"""
            [Container] 2024/03/06 10:00:02.200000 Running command aws ecr get-login-password --region $AWS_DEFAULT_REGION | docker login --username AWS --password-stdin $REGISTRY
            ↓ Could not connect to the endpoint URL: "https://api.ecr.us-east-1.amazonaws.com/"
            Error: Cannot perform an interactive login from a non TTY device
            """#,
            #"""
            ↓ Connect timeout on endpoint URL: "https://sts.eu-west-1.amazonaws.com/"
            """#,
        ],
        nonTriggering: [
            #"""
            CredentialRetrievalError: Error when retrieving credentials from container-role: Could not connect to the endpoint URL: "http://169.254.170.2/v2/credentials/abc"
            """#,
            #"""
            Using endpoint URL https://api.ecr.us-east-1.amazonaws.com/
            """#,
        ]
    )
}

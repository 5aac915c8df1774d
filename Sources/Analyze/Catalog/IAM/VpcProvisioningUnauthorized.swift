// wording: CodeBuild's PROVISIONING context for a project in a VPC whose service role may not create the build's
// network interface: "VPC_CLIENT_ERROR: Unexpected EC2 error: UnauthorizedOperation" (aws/aws-cdk issue 12705:
// the role lacked ec2:CreateNetworkInterfacePermission). The log is empty: only the build record has it.
extension Rule {
    static let vpcProvisioningUnauthorized = Rule(
        id: "vpc-provisioning-unauthorized",
        category: .iamAccessDenied,
        title: "Service role may not set up the build's VPC network interface",
        severity: .error,
        literals: ["VPC_CLIENT_ERROR"],
        regex: #"VPC_CLIENT_ERROR:?(?: Message:)? (?<reason>.*UnauthorizedOperation.*)"#,
        explanation: """
            The build never started: CodeBuild runs a VPC build through an elastic network interface it creates \
            with the project's service role, and EC2 refused ({{reason}}). The role is missing EC2 permissions \
            for VPC builds, most often `ec2:CreateNetworkInterfacePermission` (scoped to the subnets) besides \
            `ec2:CreateNetworkInterface`, `ec2:DescribeNetworkInterfaces`, `ec2:DeleteNetworkInterface`, \
            `ec2:DescribeSubnets`, `ec2:DescribeSecurityGroups`, `ec2:DescribeDhcpOptions` and `ec2:DescribeVpcs`.
            """,
        remediation: """
            Add the VPC statements from the CodeBuild service role policy to the role: the describe and \
            network-interface actions on `*`, and `ec2:CreateNetworkInterfacePermission` on \
            `arn:aws:ec2:<region>:<account>:network-interface/*` with conditions `ec2:Subnet` (the subnet ARNs) \
            and `ec2:AuthorizedService: codebuild.amazonaws.com`.
            """,
        docURL: "https://docs.aws.amazon.com/codebuild/latest/userguide/auth-and-access-control-iam-identity-based-access-control.html",
        triggering: [
            #"""
            ↓ Phase context status code: VPC_CLIENT_ERROR Message: Unexpected EC2 error: UnauthorizedOperation
            """#,
            #"""
            ↓ VPC_CLIENT_ERROR: Unexpected EC2 error: UnauthorizedOperation
            """#,
        ],
        nonTriggering: [
            #"""
            Phase context status code: VPC_CLIENT_ERROR Message: Subnet subnet-0a1b2c3d has no free IP addresses
            """#,
        ]
    )
}

// wording: IAM authorization failure as AWS services phrase it ("User: ARN is not authorized to perform:
// ACTION on resource: RESOURCE"), through the AWS CLI ("An error occurred (AccessDeniedException) when
// calling the GetAuthorizationToken operation: ..."), ECR's registry ("denied: User: ..."), and the CodeBuild
// agent ("Decrypted Variables Error Message: AccessDeniedException: User: ...", cloudposse and aws-cdk#9980).
extension Rule {
    static let iamActionNotAuthorized = Rule(
        id: "iam-action-not-authorized",
        category: .iamAccessDenied,
        title: "IAM role lacks a permission",
        severity: .error,
        literals: ["is not authorized to perform"],
        regex: #"User: (?<principal>arn:aws[\w-]*:(?:sts|iam)::\S+) is not authorized to perform: (?<action>[\w-]+:[\w*]+)(?: on resource: (?<resource>[^\s,;]+))?"#,
        explanation: """
            `{{principal}}` (the build's role) may not call `{{action}}` on `{{resource}}`: no identity-based \
            policy allows it, or a resource policy, permissions boundary or SCP denies it.
            """,
        remediation: """
            Allow the action for the CodeBuild service role, e.g. `aws iam put-role-policy --role-name <codebuild-role> \
            --policy-name allow-{{action}} --policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"{{action}}","Resource":"{{resource}}"}]}'` \
            (for pushing to ECR the role needs `ecr:GetAuthorizationToken` on `*` plus \
            `ecr:BatchCheckLayerAvailability`, `ecr:InitiateLayerUpload`, `ecr:UploadLayerPart`, \
            `ecr:CompleteLayerUpload`, `ecr:PutImage` on the repository).
            """,
        docURL: "https://docs.aws.amazon.com/codebuild/latest/userguide/setting-up-service-role.html",
        triggering: [
            #"""
            [Container] 2024/03/06 10:00:02.200000 Running command aws ecr get-login-password --region $AWS_DEFAULT_REGION | docker login --username AWS --password-stdin $REGISTRY
            ↓ An error occurred (AccessDeniedException) when calling the GetAuthorizationToken operation: User: arn:aws:sts::123456789012:assumed-role/codebuild-app-service-role/AWSCodeBuild-1f2e3d4c-5b6a-7980-a1b2-c3d4e5f60718 is not authorized to perform: ecr:GetAuthorizationToken on resource: * because no identity-based policy allows the ecr:GetAuthorizationToken action
            Error: Cannot perform an interactive login from a non TTY device
            """#,
            #"""
            The push refers to repository [123456789012.dkr.ecr.us-east-1.amazonaws.com/app]
            ↓ denied: User: arn:aws:sts::123456789012:assumed-role/codebuild-app-role/AWSCodeBuild-9a8b7c6d is not authorized to perform: ecr:InitiateLayerUpload on resource: arn:aws:ecr:us-east-1:123456789012:repository/app because no identity-based policy allows the ecr:InitiateLayerUpload action
            """#,
            #"""
            [Container] 2023/02/09 03:39:54 Decrypting parameter store environment variables
            [Container] 2023/02/09 03:39:56 Phase complete: DOWNLOAD_SOURCE State: FAILED
            ↓ [Container] 2023/02/09 03:39:56 Phase context status code: Decrypted Variables Error Message: AccessDeniedException: User: arn:aws:sts::123456789012:assumed-role/codebuild-ex-service-role/AWSCodeBuild-b5f8b8c5 is not authorized to perform: ssm:GetParameters on resource: arn:aws:ssm:ap-northeast-1:123456789012:parameter/app/db-url because no identity-based policy allows the ssm:GetParameters action
            """#,
        ],
        nonTriggering: [
            #"""
            {"Effect": "Allow", "Action": ["ecr:GetAuthorizationToken"], "Resource": "*"}
            Login Succeeded
            """#,
        ]
    )
}

/// Every built-in rule. Each rule lives in its own file under `Catalog/<category>/` as a static on `Rule`;
/// a test checks that every such file is registered here and that ids are unique.
public enum BuiltinCatalog {
    public static let rules: [Rule] = [
        // ECR and registry authentication
        .dockerCredentialHelperFailed,
        .dockerLoginEmptyPassword,
        .ecrAuthTokenExpired,
        .ecrNoBasicAuthCredentials,
        .registryLoginUnauthorized,
        .registryPushAccessDenied,
        // Registry URI
        .invalidImageReference,
        .registryHostNotFound,
        .registryHttpResponseToHttps,
        // ECR repositories
        .dockerPullAccessDenied,
        .ecrRepositoryNotFound,
        // aws ecr get-login
        .ecrGetLoginNoIncludeEmailUnknown,
        .ecrGetLoginRemovedCliV2,
        // Docker daemon
        .dockerComposeDaemonUnreachable,
        .dockerDaemonNotRunning,
        .dockerSocketPermissionDenied,
        // IAM and AWS credentials
        .awsCredentialsNotFound,
        .awsSecurityTokenExpired,
        .awsSecurityTokenInvalid,
        .iamActionNotAuthorized,
        .s3AccessDenied,
        .vpcProvisioningUnauthorized,
        // Image names and tags
        .baseImageNotFoundBuildKit,
        .daemonNoSuchImage,
        .imageManifestUnknown,
        .imageNotFoundLocallyForPush,
        .pushTagDoesNotExist,
        // Immutable tags
        .ecrImageTagAlreadyExists,
        .ecrTagImmutable,
        // Dockerfile and build context
        .buildContextFileNotFound,
        .dockerfileNotFoundBuildKit,
        .dockerfileNotFoundLegacyBuilder,
        // Registry rate limits
        .dockerHubPullRateLimit,
        .registryTooManyRequests,
        // buildspec
        .buildspecFileNotFound,
        .buildspecUnknownRuntimeVersion,
        .buildspecYamlError,
        // Source download
        .gitCloneAuthenticationFailed,
        .primarySourceDownloadFailed,
        // Artifacts
        .artifactPathSkipped,
        .noMatchingArtifactPaths,
        .noMatchingBaseDirectory,
        // Parameter Store and Secrets Manager
        .cliParameterOrSecretNotFound,
        .parameterStoreVariableMissing,
        .secretsManagerVariableMissing,
        // Memory
        .exitStatus137Killed,
        .javaOutOfMemory,
        .nodeHeapOutOfMemory,
        .processKilledSignal,
        // Disk
        .noSpaceLeftOnDevice,
        .windowsDiskFull,
        // Timeouts
        .buildPhaseTimedOut,
        // Build environment image (PROVISIONING)
        .buildImagePullFailed,
        .buildImagePullAccessDenied,
        // Network
        .awsCliEndpointUnreachable,
        .curlConnectionTimedOut,
        .dialTcpIoTimeout,
        .dnsResolutionFailed,
        .npmRequestTimedOut,
        .pythonReadTimedOut,
        // Dependency installation
        .aptPackageNotFound,
        .goModuleDownloadFailed,
        .gradleDependencyResolutionFailed,
        .mavenDependencyResolutionFailed,
        .nodeModuleNotFound,
        .npmCiLockfileOutOfSync,
        .npmEresolve,
        .npmLockfileUnreadable,
        .npmNoMatchingVersion,
        .npmInstallScriptFailed,
        .aptRepositorySignatureInvalid,
        .npmPackageNotFound,
        .pipNoMatchingDistribution,
        .pipResolutionImpossible,
        .pipWheelBuildFailed,
        .pnpmInstallError,
        .pythonModuleNotInstalled,
        .yarnFrozenLockfile,
        .yumPackageNotFound,
        // Compilers
        .cCompileError,
        .dotnetCompileError,
        .goCompileError,
        .gradleCompileTaskFailed,
        .javaCompilationError,
        .kotlinCompileError,
        .mavenCompilationFailure,
        .rustCompileError,
        .typeScriptCompileError,
        // Test runners
        .dotnetTestsFailed,
        .goTestFailed,
        .gradleTestsFailed,
        .junitTestsFailed,
        .jestTestsFailed,
        .mochaTestsFailing,
        .pytestTestsFailed,
        // Missing commands
        .executableNotFoundInPath,
        .interpreterNotFound,
        .scriptPermissionDenied,
        .shellCommandNotFound,
        // Generic symptoms (never outrank a specific cause)
        .commandExecutionErrorContext,
        .commandExitedNonZero,
        .dockerBuildStepFailed,
        .exitStatus127NotFound,
        .gradleBuildFailed,
        .makeTargetFailed,
        .mavenBuildFailure,
        .npmScriptFailed,
        .npmTestScriptFailed,
    ]
}

extension BuiltinCatalog {
    /// Optional prefixes that tools put before another tool's lines: BuildKit's plain progress output before
    /// each line of a RUN step (`#9 12.41 npm ERR! code ERESOLVE`), and a monorepo runner (lerna, yarn and npm
    /// workspaces, nx) before each line of a package's script (`@aws-cdk/cloudformation-diff: Tests: 3 failed`).
    /// Rules anchored at the start of a tool's own line add it after `^` so they also fire there.
    static let buildKitStepPrefix = #"(?:#\d+ \d+\.\d+ )?(?:@?[\w.-]+(?:/[\w.-]+)?: )?"#
}

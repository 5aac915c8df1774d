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
        .ecrLoginRejected,
        // Registry URI
        .invalidImageReference,
        .registryHostNotFound,
        .registryHttpResponseToHttps,
        .dockerCommandMissingImageArgument,
        // ECR repositories
        .dockerPullAccessDenied,
        .ecrRepositoryNotFound,
        // aws ecr get-login
        .ecrGetLoginNoIncludeEmailUnknown,
        .ecrGetLoginRemovedCliV2,
        .ecrGetLoginUsagePrinted,
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
        .dockerBuildContextNotFound,
        // Registry rate limits
        .dockerHubPullRateLimit,
        .registryTooManyRequests,
        // buildspec
        .buildspecFileNotFound,
        .buildspecUnknownRuntimeVersion,
        .buildspecYamlError,
        // Source download
        .gitCloneAuthenticationFailed,
        .gitHttpRequestRefused,
        .primarySourceDownloadFailed,
        .sourceS3ObjectUnavailable,
        // Artifacts
        .artifactPathSkipped,
        .noMatchingArtifactPaths,
        .noMatchingBaseDirectory,
        // Parameter Store and Secrets Manager
        .cliParameterOrSecretNotFound,
        .cdkSsmParameterNotAvailable,
        .parameterStoreVariableMissing,
        .secretsManagerVariableMissing,
        // Memory
        .exitStatus137Killed,
        .javaOutOfMemory,
        .jvmNativeMemoryExhausted,
        .nodeHeapOutOfMemory,
        .processKilledSignal,
        .processCannotAllocateMemory,
        .processExitedTooEarly,
        // Disk
        .noSpaceLeftOnDevice,
        .windowsDiskFull,
        // Timeouts
        .buildPhaseTimedOut,
        .interactivePromptInBuild,
        // Build environment image (PROVISIONING)
        .buildImagePullFailed,
        .buildImagePullAccessDenied,
        // Network
        .awsCliEndpointUnreachable,
        .connectionDropped,
        .curlConnectionTimedOut,
        .dialTcpIoTimeout,
        .dnsResolutionFailed,
        .npmRequestTimedOut,
        .pythonReadTimedOut,
        .sshConnectionTimedOut,
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
        .aptRepositoryNoReleaseFile,
        .aptUnmetDependencies,
        .typeDeclarationsDependencyMissing,
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
        .javaReleaseNotSupported,
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
        .testRunnerCommandFailed,
    ]
}

extension BuiltinCatalog {
    /// Optional prefixes that tools put before another tool's lines: BuildKit's plain progress output before
    /// each line of a RUN step (`#9 12.41 npm ERR! code ERESOLVE`), and a monorepo runner (lerna, yarn and npm
    /// workspaces, nx) before each line of a package's script (`@aws-cdk/cloudformation-diff: Tests: 3 failed`).
    /// Rules anchored at the start of a tool's own line add it after `^` so they also fire there.
    /// A test runner's command line (optional `VAR=value` words and launcher first): `newman run`, `pytest`,
    /// `python -m pytest`, `jest`, `go test`, `mvn … test`, `./gradlew test`, `npm test`, `phpunit`, `rspec`, ….
    static let testRunnerCommand = #"(?:\S+=\S* )*(?:npx |yarn |pnpm |poetry run |pipenv run |python3? -m |bundle exec |\./|vendor/bin/)?(?:newman run|pytest|py\.test|jest|vitest|mocha|go test|mvnw? (?:\S+ )*(?:test|verify)|gradlew? (?:\S+ )*test|npm (?:run )?test|yarn (?:run )?test|pnpm (?:run )?test|phpunit|rspec|dotnet test|tox|nosetests|cargo test|unittest)"#

    static let buildKitStepPrefix = #"(?:#\d+ \d+\.\d+ )?(?:@?[\w.-]+(?:/[\w.-]+)?: )?"#
}

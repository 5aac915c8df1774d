/// The fixed failure categories. Every rule belongs to one; JSON reports carry it as `category`.
public enum Category: String, Codable, CaseIterable, Sendable {
    case ecrAuthExpired = "ecr-auth-expired"
    case registryURIInvalid = "registry-uri-invalid"
    case ecrRepoNotFound = "ecr-repo-not-found"
    case ecrGetLoginRemoved = "ecr-get-login-removed"
    case dockerDaemonUnavailable = "docker-daemon-unavailable"
    case iamAccessDenied = "iam-access-denied"
    case imageTagMismatch = "image-tag-mismatch"
    case imageTagImmutable = "image-tag-immutable"
    case dockerfileNotFound = "dockerfile-not-found"
    case registryRateLimit = "registry-rate-limit"
    case buildspecInvalid = "buildspec-invalid"
    case sourceDownloadFailed = "source-download-failed"
    case artifactsNotFound = "artifacts-not-found"
    case parameterOrSecretMissing = "parameter-or-secret-missing"
    case outOfMemory = "out-of-memory"
    case diskFull = "disk-full"
    case buildTimeout = "build-timeout"
    case networkTimeout = "network-timeout"
    case dependencyInstallFailed = "dependency-install-failed"
    case compileError = "compile-error"
    case testFailure = "test-failure"
    case commandNotFound = "command-not-found"
    /// Nothing in the catalog fits.
    case unclassified = "unclassified"
    /// Not a failure cause of the build but a problem found in it (a credential printed to the log).
    case credentialLeak = "credential-leak"
}

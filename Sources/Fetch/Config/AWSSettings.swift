/// Everything the CLI needs to talk to AWS, resolved once from flags, environment and config files.
///
/// `resolve` reads the config files and settles region and endpoints (throwing `ConfigError` for
/// a missing profile or region, or a bad endpoint URL); credentials are only looked up when the
/// provider from `credentialsProvider(transport:)` is first asked, so `--help` and local-file
/// commands never touch the network.
public struct AWSSettings: Sendable {
    /// The profile in effect: `--profile`, else `AWS_PROFILE`, else `AWS_DEFAULT_PROFILE`, else `default` — AWS CLI
    /// v2's order (stock botocore reads the two variables the other way round, botocore#1725).
    public let profile: String
    public let profileIsExplicit: Bool
    public let region: String
    /// Where the region came from (`--region`, `AWS_REGION`, `profile dev`), for `--verbose`.
    public let regionSource: String
    public let sharedConfig: SharedConfig
    public let environment: AWSEnvironment
    private let endpoints: [AWSService: EndpointResolver.Resolved]

    /// - Parameters:
    ///   - profile: `--profile`; when given, credentials in environment variables are ignored (as the AWS CLI does).
    ///   - region: `--region`.
    ///   - buildARNRegion: the region inside a build ARN given on the command line, if any; used when
    ///     `--region` is absent, before `AWS_REGION`.
    ///   - endpointURL: `--endpoint-url`, applied to CloudWatch Logs and CodeBuild; STS (used only to
    ///     assume roles) keeps its own settings, as in the AWS CLI.
    public static func resolve(profile: String?, region: String?, buildARNRegion: String? = nil, endpointURL: String?,
                               environment: AWSEnvironment) throws -> AWSSettings {
        let config = try SharedConfig.load(environment: environment)
        let explicit = profile.map { !$0.isEmpty } ?? false
        let profileName = (explicit ? profile : nil) ?? environment.value("AWS_PROFILE")
            ?? environment.value("AWS_DEFAULT_PROFILE") ?? "default"
        if profileName != "default" && !config.hasProfile(profileName) {
            throw ConfigError.profileNotFound(profile: profileName, searched: [config.configPath, config.credentialsPath])
        }
        let profileValues = config.profile(profileName)
        let resolvedRegion = try RegionResolver.resolve(flag: region, buildARNRegion: buildARNRegion, environment: environment,
                                                        profileName: profileName, profile: profileValues)
        var endpoints: [AWSService: EndpointResolver.Resolved] = [:]
        for service in AWSService.allCases {
            endpoints[service] = try EndpointResolver.resolve(
                service: service, region: resolvedRegion.region, flag: service == .sts ? nil : endpointURL,
                environment: environment, profileName: profileName, profile: profileValues, config: config)
        }
        return AWSSettings(profile: profileName, profileIsExplicit: explicit, region: resolvedRegion.region,
                           regionSource: resolvedRegion.source, sharedConfig: config, environment: environment,
                           endpoints: endpoints)
    }

    /// The service's endpoint URL without a trailing `/`, e.g. `https://logs.us-east-1.amazonaws.com`.
    public func endpoint(for service: AWSService) -> String {
        endpoints[service]?.url ?? EndpointResolver.defaultEndpoint(service: service, region: region)
    }

    /// Where the service's endpoint came from (`--endpoint-url`, `AWS_ENDPOINT_URL_CODEBUILD`, …).
    public func endpointSource(for service: AWSService) -> String {
        endpoints[service]?.source ?? "default for \(region)"
    }

    /// The credential chain for these settings; nothing is fetched until its first `credentials()` call.
    public func credentialsProvider(transport: HTTPTransport) -> CredentialsProvider {
        let context = CredentialContext(environment: environment, config: sharedConfig, transport: transport,
                                        region: region, stsEndpoint: endpoint(for: .sts))
        return DefaultCredentialsChain(context: context, profileName: profile, profileIsExplicit: profileIsExplicit)
    }
}

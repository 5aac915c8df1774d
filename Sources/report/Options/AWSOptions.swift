import ArgumentParser
import Fetch
import Foundation

/// `--region`, `--profile`, `--endpoint-url`, `--verbose`: shared by every command that talks to AWS.
struct AWSOptions: ParsableArguments {
    @Option(help: "AWS region (default: a build ARN's region, AWS_REGION, AWS_DEFAULT_REGION, or the profile's).")
    var region: String?

    @Option(help: "Named profile from ~/.aws/config and ~/.aws/credentials (default: AWS_PROFILE, else default).")
    var profile: String?

    @Option(name: .customLong("endpoint-url"),
            help: "Send CloudWatch Logs and CodeBuild requests to this URL (e.g. a local moto_server).")
    var endpointURL: String?

    @Flag(help: "Print the region, endpoints and credential source (never a secret) to stderr.")
    var verbose = false

    /// Resolves settings and builds the service clients. `fallbackRegion` (a build ARN's) is used
    /// only when `--region` is not given.
    func connect(fallbackRegion: String? = nil) throws -> AWSConnection {
        let settings = try AWSSettings.resolve(profile: profile, region: region ?? fallbackRegion,
                                               endpointURL: endpointURL, environment: AWSEnvironment.current())
        let say: (String) -> Void = { StandardStreams.error($0) }
        let connection = AWSConnection(settings: settings, log: verbose ? say : nil)
        if verbose { try connection.describe(to: say) }
        return connection
    }
}

/// The signed JSON caller and the two service clients built on it, for one command run.
final class AWSConnection {
    let settings: AWSSettings
    let logs: CloudWatchLogsClient
    let codeBuild: CodeBuildClient
    private let credentials: CredentialsProvider

    /// `log` receives the AWS layer's per-request lines (method, host, target, status; never a secret).
    init(settings: AWSSettings, log: ((String) -> Void)?) {
        self.settings = settings
        let transport = CurlTransport()
        credentials = settings.credentialsProvider(transport: transport)
        let caller = AWSJSONClient(region: settings.region, endpoint: { settings.endpoint(for: $0) },
                                   credentials: credentials, transport: transport, log: log)
        logs = CloudWatchLogsClient(caller: caller)
        codeBuild = CodeBuildClient(caller: caller)
    }

    /// `--verbose`: where each setting came from. The access key id is shortened; secrets never appear.
    func describe(to print: (String) -> Void) throws {
        print("region: \(settings.region) (from \(settings.regionSource))")
        for service in [AWSService.codeBuild, .cloudWatchLogs] {
            print("\(service.rawValue) endpoint: \(settings.endpoint(for: service)) (\(settings.endpointSource(for: service)))")
        }
        let current = try credentials.credentials()
        print("credentials: \(current.source), access key ****\(current.accessKeyId.suffix(4))")
    }
}

import ArgumentParser
import Fetch
import Foundation

/// `--region`, `--profile`, `--endpoint-url`, `--verbose`, `--api-rate`, the role options: shared by every command
/// that talks to AWS.
struct AWSOptions: ParsableArguments {
    @Option(help: "AWS region (default: a build ARN's region, AWS_REGION, AWS_DEFAULT_REGION, or the profile's).")
    var region: String?

    @Option(help: "Named profile from ~/.aws/config and ~/.aws/credentials (default: AWS_PROFILE, else default).")
    var profile: String?

    @Option(name: .customLong("endpoint-url"),
            help: "Send CloudWatch Logs, CodeBuild and S3 requests to this URL (e.g. a local moto_server).")
    var endpointURL: String?

    @Flag(help: "Print the region, endpoints and credential source (never a secret) to stderr.")
    var verbose = false

    @Option(name: .customLong("api-rate"), parsing: .singleValue,
            help: ArgumentHelp("Requests per second for one API, per account and Region (repeatable; =off for none). Defaults are AWS's quotas: GetLogEvents=10, FilterLogEvents=5, DescribeLogStreams=5. Also CBTRIAGE_API_RATES.",
                               valueName: "OPERATION=N"))
    var apiRates: [String] = []

    @Option(name: .customLong("cli-read-timeout"),
            help: ArgumentHelp("Seconds an AWS request may go without a byte before it is retried (0: no limit but 15 minutes a request).", valueName: "seconds"))
    var readTimeout: Int = Int(AWSCallTimeouts.standard.read)

    @Option(name: .customLong("cli-connect-timeout"),
            help: ArgumentHelp("Seconds allowed to connect to AWS (0: no limit but 15 minutes a request).", valueName: "seconds"))
    var connectTimeout: Int = Int(AWSCallTimeouts.standard.connect)

    @OptionGroup var role: RoleOptions

    var timeouts: AWSCallTimeouts { AWSCallTimeouts(connect: Double(connectTimeout), read: Double(readTimeout)) }

    func validate() throws {
        for (flag, value) in [("--cli-read-timeout", readTimeout), ("--cli-connect-timeout", connectTimeout)]
        where !(0...86_400).contains(value) {
            throw ValidationError("\(flag) must be a number of seconds from 0 to 86400.")
        }
        _ = try APIRateSetting.resolve(flags: apiRates, environment: ProcessInfo.processInfo.environment)
    }

    /// Resolves settings and builds the service clients. `fallbackRegion` (a build ARN's) is used
    /// only when `--region` is not given; `account` (a build ARN's or an event's) fills `--role-arn-for-account`.
    func connect(fallbackRegion: String? = nil, account: String? = nil) throws -> AWSConnection {
        APIRateSetting.apply(try APIRateSetting.resolve(flags: apiRates, environment: ProcessInfo.processInfo.environment))
        let settings = try AWSSettings.resolve(profile: profile, region: region ?? fallbackRegion,
                                               endpointURL: endpointURL, environment: AWSEnvironment.current())
        let say: (String) -> Void = { StandardStreams.error($0) }
        let connection = AWSConnection(settings: settings, role: try role.assumption(account: account), timeouts: timeouts,
                                       log: verbose ? say : nil)
        if verbose { try connection.describe(to: say) }
        return connection
    }
}

/// The signed caller and the service clients built on it, for one command run.
final class AWSConnection {
    let settings: AWSSettings
    let logs: CloudWatchLogsClient
    let codeBuild: CodeBuildClient
    /// The signed caller under both clients, for work whose calls are counted on their own (a baseline).
    let caller: AWSJSONCalling
    /// The role assumed before reading (`--role-arn`), kept so that further connections assume it too.
    let role: RoleAssumption?
    /// Build logs kept only in S3, and `--out` / `--from s3://…`.
    let s3: S3Client
    private let credentials: CredentialsProvider

    /// `log` receives the AWS layer's per-request lines (method, host, target, status; never a secret).
    let timeouts: AWSCallTimeouts

    init(settings: AWSSettings, role: RoleAssumption? = nil, timeouts: AWSCallTimeouts, log: ((String) -> Void)?) {
        self.settings = settings
        self.role = role
        self.timeouts = timeouts
        let transport = CurlTransport()
        credentials = settings.credentialsProvider(transport: transport, assuming: role)
        let caller = AWSJSONClient(region: settings.region, endpoint: { settings.endpoint(for: $0) },
                                   credentials: credentials, transport: transport, timeouts: timeouts, log: log)
        self.caller = caller
        logs = CloudWatchLogsClient(caller: caller)
        codeBuild = CodeBuildClient(caller: caller)
        s3 = S3Client(caller: caller, endpoint: settings.endpoint(for: .s3),
                      virtualHosted: settings.endpointSource(for: .s3).hasPrefix("default"))
    }

    /// `--verbose`: where each setting came from. The access key id is shortened; secrets never appear.
    func describe(to print: (String) -> Void) throws {
        print("region: \(settings.region) (from \(settings.regionSource))")
        for service in [AWSService.codeBuild, .cloudWatchLogs, .s3] {
            print("\(service.rawValue) endpoint: \(settings.endpoint(for: service)) (\(settings.endpointSource(for: service)))")
        }
        let current = try credentials.credentials()
        print("credentials: \(current.source), access key ****\(current.accessKeyId.suffix(4))")
    }
}

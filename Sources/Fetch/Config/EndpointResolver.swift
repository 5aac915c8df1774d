/// Picks each service's endpoint URL as the AWS CLI does (the "service-specific endpoints" feature):
/// `--endpoint-url`, `AWS_ENDPOINT_URL_<SERVICE>`, `AWS_ENDPOINT_URL`, the profile's `services`
/// section, the profile's `endpoint_url`, then the partition's default host for the region.
/// `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true` (or `ignore_configured_endpoint_urls = true`) skips the
/// environment and config file sources; `--endpoint-url` still applies.
/// FIPS and dual-stack (`AWS_USE_FIPS_ENDPOINT` / `use_fips_endpoint`, `AWS_USE_DUALSTACK_ENDPOINT` /
/// `use_dualstack_endpoint`) change the default host as the SDKs' endpoint rules do: `logs-fips.us-east-1.amazonaws.com`,
/// `logs.us-east-1.api.aws`, `logs-fips.us-east-1.api.aws`; combined with a custom endpoint URL they are an error,
/// as botocore's rules make them.
public enum EndpointResolver {
    public struct Resolved: Equatable, Sendable {
        public var url: String
        public var source: String
    }

    /// - Parameter flag: `--endpoint-url`; nil for services the flag does not cover.
    public static func resolve(service: AWSService, region: String, flag: String?,
                               environment: AWSEnvironment, profileName: String,
                               profile: SharedConfig.Profile?, config: SharedConfig) throws -> Resolved {
        let fips = try variantSetting("AWS_USE_FIPS_ENDPOINT", "use_fips_endpoint", environment, profile, profileName)
        let dualStack = try variantSetting("AWS_USE_DUALSTACK_ENDPOINT", "use_dualstack_endpoint", environment, profile,
                                           profileName)
        func custom(_ resolved: Resolved) throws -> Resolved {
            if fips { throw ConfigError.endpointVariantWithCustomEndpoint(variant: "FIPS", source: resolved.source) }
            if dualStack { throw ConfigError.endpointVariantWithCustomEndpoint(variant: "Dual-stack", source: resolved.source) }
            return resolved
        }
        if let flag {
            return try custom(Resolved(url: try validated(flag, source: "--endpoint-url"), source: "--endpoint-url"))
        }
        let ignoreConfigured = environment.flag("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS")
            || profile?["ignore_configured_endpoint_urls"]?.lowercased() == "true"
        if !ignoreConfigured {
            let serviceVariable = "AWS_ENDPOINT_URL_\(service.endpointEnvironmentSuffix)"
            var candidates: [(String?, String)] = [
                (environment.value(serviceVariable), serviceVariable),
                (environment.value("AWS_ENDPOINT_URL"), "AWS_ENDPOINT_URL"),
            ]
            let serviceKey = service.endpointEnvironmentSuffix.lowercased()
            if let servicesName = profile?["services"] {
                guard let section = config.services[servicesName] else {
                    throw ConfigError.missingServicesSection(profile: profileName, name: servicesName)
                }
                let value = section.nested[serviceKey]?["endpoint_url"]
                candidates.append((value, "[services \(servicesName)] \(serviceKey)"))
            }
            candidates.append((profile?["endpoint_url"], "profile \(profileName)"))
            for (value, source) in candidates {
                guard let value, !value.isEmpty else { continue }
                return try custom(Resolved(url: try validated(value, source: source), source: source))
            }
        }
        let variant = [fips ? "FIPS" : nil, dualStack ? "dual-stack" : nil].compactMap { $0 }.joined(separator: ", ")
        return Resolved(url: defaultEndpoint(service: service, region: region, fips: fips, dualStack: dualStack),
                        source: "default for \(region)" + (variant.isEmpty ? "" : " (\(variant))"))
    }

    /// A true/false setting from its environment variable, else the profile; anything else is an error.
    private static func variantSetting(_ variable: String, _ key: String, _ environment: AWSEnvironment,
                                       _ profile: SharedConfig.Profile?, _ profileName: String) throws -> Bool {
        let (value, source): (String?, String) = environment.value(variable).map { ($0, variable) }
            ?? (profile?[key], "profile \(profileName)")
        guard let raw = value?.trimmingAll(of: " \t"), !raw.isEmpty else { return false }
        switch raw.lowercased() {
        case "true": return true
        case "false": return false
        default: throw ConfigError.invalidBoolean(name: source.hasPrefix("profile") ? key : variable, value: raw, source: source)
        }
    }

    /// The dual-stack DNS suffix of the region's partition (`api.aws`, or `api.amazonwebservices.com.cn` in China).
    public static func dualStackDNSSuffix(region: String) -> String {
        region.hasPrefix("cn-") ? "api.amazonwebservices.com.cn" : "api.aws"
    }

    /// The partition default with the FIPS and dual-stack variants the SDKs' endpoint rules build:
    /// `https://{service}-fips.{region}.{suffix}`, the suffix the dual-stack one when asked.
    public static func defaultEndpoint(service: AWSService, region: String, fips: Bool, dualStack: Bool) -> String {
        guard fips || dualStack else { return defaultEndpoint(service: service, region: region) }
        let suffix = dualStack ? dualStackDNSSuffix(region: region) : dnsSuffix(region: region)
        return "https://\(service.signingName)\(fips ? "-fips" : "").\(region).\(suffix)"
    }

    /// `https://<prefix>.<region>.<partition DNS suffix>`; STS uses its regional endpoint.
    public static func defaultEndpoint(service: AWSService, region: String) -> String {
        "https://\(service.signingName).\(region).\(dnsSuffix(region: region))"
    }

    /// The DNS suffix of the partition the region belongs to.
    public static func dnsSuffix(region: String) -> String {
        if region.hasPrefix("cn-") { return "amazonaws.com.cn" }
        if region.hasPrefix("us-isob-") { return "sc2s.sgov.gov" }
        if region.hasPrefix("us-isof-") || region.hasPrefix("eu-isof-") { return "csp.hci.ic.gov" }
        if region.hasPrefix("eu-isoe-") { return "cloud.adc-e.uk" }
        if region.hasPrefix("us-iso-") { return "c2s.ic.gov" }
        return "amazonaws.com" // aws and aws-us-gov
    }

    /// Checks scheme and host; returns the URL without a trailing `/`. Never echoes user info.
    public static func validated(_ value: String, source: String) throws -> String {
        let url = value.trimmingAll(of: " \t")
        let lower = url.lowercased()
        let schemeLength: Int
        if lower.hasPrefix("https://") { schemeLength = 8 } else if lower.hasPrefix("http://") { schemeLength = 7 } else {
            throw ConfigError.invalidEndpoint(value: url, source: source, reason: "it must start with http:// or https://")
        }
        let rest = url.dropFirst(schemeLength)
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if authority.contains("@") {
            throw ConfigError.invalidEndpoint(value: "<redacted>", source: source,
                                              reason: "user name or password in the URL is not supported")
        }
        if url.contains(where: { $0 == " " || $0.isNewline }) {
            throw ConfigError.invalidEndpoint(value: url, source: source, reason: "it contains white space")
        }
        let host = hostPart(of: authority)
        guard !host.isEmpty else {
            throw ConfigError.invalidEndpoint(value: url, source: source, reason: "it has no host")
        }
        if let port = portPart(of: authority) {
            guard let number = Int(port), (1...65535).contains(number) else {
                throw ConfigError.invalidEndpoint(value: url, source: source, reason: "port '\(port)' is not 1-65535")
            }
        }
        var result = url
        while result.hasSuffix("/") { result.removeLast() }
        return result
    }

    private static func hostPart(of authority: Substring) -> Substring {
        if authority.hasPrefix("[") {
            return authority.prefix { $0 != "]" }.dropFirst()
        }
        return authority.prefix { $0 != ":" }
    }

    private static func portPart(of authority: Substring) -> Substring? {
        let afterHost = authority.hasPrefix("[")
            ? authority.drop { $0 != "]" }.dropFirst()
            : authority.drop { $0 != ":" }
        guard afterHost.first == ":" else { return nil }
        return afterHost.dropFirst()
    }
}

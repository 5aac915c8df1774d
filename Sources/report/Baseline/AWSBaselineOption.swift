import Analyze
import ArgumentParser
import Fetch
import Parse

/// `build --baseline last-green|BUILD-ID`: the build to compare with, from CodeBuild and CloudWatch Logs.
struct AWSBaselineOption: ParsableArguments {
    @Option(help: ArgumentHelp("Compare with a build that went well: last-green (the newest SUCCEEDED build of the "
                               + "project started before this one, on the same branch when known) or a build "
                               + "(PROJECT:UUID or ARN). Its index is cached for the next diagnosis.",
                               valueName: "last-green|build"))
    var baseline: String?

    enum Choice: Equatable {
        case lastGreen
        case build(BuildIdentifier)
    }

    func validate() throws { _ = try choice() }

    func choice() throws -> Choice? {
        guard let baseline else { return nil }
        if baseline == "last-green" { return .lastGreen }
        do {
            return .build(try BuildIdentifier(parsing: baseline))
        } catch {
            throw ValidationError("--baseline takes last-green or a build (PROJECT:UUID or ARN): "
                                  + ErrorText.message(for: error))
        }
    }
}

/// Finds, fetches (or reads from the cache) and indexes a baseline build, counting the calls it takes on a
/// `CountingCaller` of its own so the report can say what the baseline cost.
struct AWSBaselineResolver {
    var connection: AWSConnection
    var cache: BaselineCache?
    var pageSize: Int?
    var warn: (String) -> Void

    /// The baseline's index and how it was chosen; nil (with a warning) when `last-green` finds no green build.
    func resolve(_ choice: AWSBaselineOption.Choice, failedBuildId: String) throws -> (BaselineIndex, BaselineReference)? {
        let counter = CountingCaller(connection.caller)
        let codeBuild = CodeBuildClient(caller: counter)
        let baselineBuild: CodeBuildBuild
        let selection: String
        switch choice {
        case .lastGreen:
            selection = "last-green"
            let failed = try codeBuild.build(id: failedBuildId)
            guard let found = try codeBuild.lastGreenBuild(before: failed) else {
                warn("no SUCCEEDED build of project \(failed.projectName ?? "?") started before \(failedBuildId) "
                     + "(among its newest \(CodeBuildClient.lastGreenMaxPages * 100) builds); diagnosing without a baseline")
                return nil
            }
            if found.otherBranch {
                warn("warning: no green build of \(failed.sourceVersion ?? "this branch") before \(failedBuildId); "
                     + "comparing with the newest green build of any branch, \(found.build.id)")
            }
            baselineBuild = found.build
        case .build(let identifier):
            selection = "build-id"
            do {
                baselineBuild = try codeBuild.build(id: identifier.id)
            } catch let error as CodeBuildError {
                throw InputError.baselineUnreadable(message: error.userMessage)
            }
        }
        let key = baselineBuild.arn ?? baselineBuild.id
        let complete = baselineBuild.buildComplete == true
            || ["SUCCEEDED", "FAILED", "FAULT", "TIMED_OUT", "STOPPED"].contains(baselineBuild.buildStatus?.uppercased() ?? "")
        if complete, let cached = cache?.load(key: key) {
            BaselineWarnings.check(cached, warn: warn)
            return (cached, BaselineReference(index: cached, selection: selection, apiCalls: counter.calls,
                                              bytesFetched: 0, fromCache: true))
        }
        let index: BaselineIndex
        do {
            let location = try BuildLogLocation(for: baselineBuild)
            let source = CloudWatchLogSource(client: CloudWatchLogsClient(caller: counter), group: location.group,
                                             stream: location.stream, pageSize: pageSize)
            index = try BaselineIndexer.index(source, refine: { APIBuildMerge.merge(baselineBuild, into: &$0) })
        } catch let error as CloudWatchLogsError {
            throw InputError.baselineUnreadable(message: "\(baselineBuild.id): " + error.userMessage)
        } catch let error as CodeBuildError {
            throw InputError.baselineUnreadable(message: error.userMessage)
        }
        BaselineWarnings.check(index, warn: warn)
        if complete, !index.partial, let cache {
            do {
                try cache.store(index, key: key)
            } catch {
                // The cache only saves a later fetch: this diagnosis is whole without it.
                warn("warning: could not cache the baseline in \(cache.directory.path): \(ErrorText.message(for: error))")
            }
        }
        return (index, BaselineReference(index: index, selection: selection, apiCalls: counter.calls,
                                         bytesFetched: counter.bytes, fromCache: false))
    }
}

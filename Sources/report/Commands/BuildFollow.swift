import Analyze
import Fetch
import Foundation
import Parse

extension CodeBuildBuild {
    /// CodeBuild says the build ended (moto never sets `buildComplete`, but its status moves on).
    var hasFinished: Bool {
        if buildComplete == true { return true }
        guard let buildStatus, !buildStatus.isEmpty else { return false }
        return buildStatus.uppercased() != "IN_PROGRESS"
    }
}

extension AWSConnection {
    /// `build --follow`: the build's log read while it runs (`FollowedLogSource`), its phases and first matches
    /// shown on `live` as they appear, until CodeBuild says it finished and the log settled. The diagnosis is
    /// made by the same analysis as `diagnoseBuild`, merged with the last `BatchGetBuilds` record, so it is what
    /// `build ID` gives on the finished log. Ctrl-C ends the follow: the lines read so far are diagnosed, partial.
    func followBuild(id: String, catalog: CompiledCatalog, pageSize: Int?, pacing: FollowPacing,
                     live: FollowLiveView, warn: (String) -> Void) throws -> Diagnosis {
        var latest = try codeBuild.build(id: id)
        if latest.hasFinished {
            live.alreadyComplete(status: latest.buildStatus)
            return try diagnoseBuild(id: id, catalog: catalog, pageSize: pageSize, warn: warn)
        }
        let location = try BuildLogLocation(for: latest)
        let interrupt = InterruptSignal()
        interrupt.install()
        defer { interrupt.uninstall() }
        live.started(status: latest.buildStatus)
        let source = FollowedLogSource(
            client: logs, group: location.group, stream: location.stream, pageSize: pageSize, pacing: pacing,
            isComplete: { [codeBuild] in
                latest = try codeBuild.build(id: id)
                if latest.hasFinished { live.buildCompleted(status: latest.buildStatus) }
                return latest.hasFinished
            },
            interrupted: { interrupt.isRaised },
            onPoll: { live.polled($0) })
        let merge: ModelRefinement = { APIBuildMerge.merge(latest, into: &$0) }
        defer { live.finish() }
        do {
            let diagnosis = try diagnose(source, catalog: catalog, refine: merge, events: { live.handle($0) })
            if interrupt.isRaised, diagnosis.source.partial { live.interrupted() }
            return diagnosis
        } catch let missing as CloudWatchLogsError where latest.hasFinished {
            // The build ended without ever writing a log (it died while provisioning), as in `diagnoseBuild`.
            live.finish()
            warn("\(missing.userMessage); diagnosing \(id) from CodeBuild's phase records only")
            return try diagnose(NoLogLines(displayName: source.displayName), catalog: catalog, refine: merge)
        }
    }
}

import Analyze
import ArgumentParser
import Fetch

/// `analyze --baseline GOOD.log`: one log of a build that went well, indexed once and compared with every input.
struct LocalBaselineOption: ParsableArguments {
    @Option(help: ArgumentHelp("A log of a build that went well: report the lines, commands and phase durations "
                               + "that are new in each input.", valueName: "log"),
            completion: .file())
    var baseline: String?

    func validate() throws {
        if baseline == "-" { throw ValidationError("--baseline needs a log file; stdin cannot be a baseline.") }
    }

    /// The baseline's index, read once; nil without `--baseline`. A baseline that did not succeed is allowed, with
    /// a warning: lines it shares with the failed build are then not reported as new.
    func load(limits: InputLimits?, warn: (String) -> Void) throws -> BaselineIndex? {
        guard let baseline else { return nil }
        let sources: [LineSource]
        do {
            sources = try LocalInputs.expand([baseline], options: LineReaderOptions(limits: limits ?? .namedFile),
                                             unseenOptions: LineReaderOptions(limits: limits ?? .unseenInput))
        } catch {
            throw InputError.baselineUnreadable(message: ErrorText.message(for: error))
        }
        guard sources.count == 1, let source = sources.first else {
            throw InputError.baselineNotOneLog(path: baseline, count: sources.count)
        }
        let index: BaselineIndex
        do {
            index = try BaselineIndexer.index(source)
        } catch {
            throw InputError.baselineUnreadable(message: ErrorText.message(for: error))
        }
        BaselineWarnings.check(index, warn: warn)
        return index
    }
}

/// What is worth a warning about a baseline that was read.
enum BaselineWarnings {
    static func check(_ index: BaselineIndex, warn: (String) -> Void) {
        switch index.status {
        case .succeeded:
            break
        case .unknown, .inProgress:
            // A log that stops before the build's end (no final phase) says nothing either way.
            warn("warning: the baseline \(index.name) does not show that its build succeeded (\(index.status.rawValue)); "
                 + "lines it shares with the failed build are not reported as new")
        default:
            warn("warning: the baseline \(index.name) did not succeed (\(index.status.rawValue)); "
                 + "lines it shares with the failed build are not reported as new")
        }
        if index.partial { warn("warning: the baseline \(index.name) was read only in part; more lines may look new") }
        if index.linesNotIndexed > 0 {
            warn("warning: the baseline \(index.name) has more than \(BaselineIndex.maxLineHashes) distinct lines; "
                 + "\(index.linesNotIndexed) were not indexed")
        }
    }
}

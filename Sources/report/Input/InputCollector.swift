import Fetch
import Foundation

/// One input the user named, resolved: a build log ready to read, or the reason it cannot be.
enum CollectedInput {
    case source(LineSource)
    case unreadable(name: String, error: Error)
}

/// Turns the command line's paths into line sources, one path at a time, so that one unreadable path is
/// reported on its own and does not sink the others.
enum InputCollector {
    /// `limits` (from `--max-bytes`/`--max-lines`) apply to every input; without them stdin and a
    /// directory's files get `InputLimits.unseenInput`, a named file `InputLimits.namedFile`.
    static func collect(_ paths: [String], limits: InputLimits? = nil) -> [CollectedInput] {
        let named = LineReaderOptions(limits: limits ?? .namedFile)
        let unseen = LineReaderOptions(limits: limits ?? .unseenInput)
        return paths.flatMap { path -> [CollectedInput] in
            do {
                return try LocalInputs.expand([path], options: named, unseenOptions: unseen).map(CollectedInput.source)
            } catch {
                return [.unreadable(name: path, error: error)]
            }
        }
    }
}


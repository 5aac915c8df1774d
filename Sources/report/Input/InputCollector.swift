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
    static func collect(_ paths: [String]) -> [CollectedInput] {
        paths.flatMap { path -> [CollectedInput] in
            do {
                return try LocalInputs.expand([path]).map(CollectedInput.source)
            } catch {
                return [.unreadable(name: path, error: error)]
            }
        }
    }
}


import ArgumentParser
import Fetch
import Foundation

extension LogTimeBound {
    /// `millis(from:now:)` for `validate()`: a bad time is a usage error naming its option, raised
    /// before any request is made.
    static func validated(_ text: String, option: String, now: Date) throws -> Int64 {
        do {
            return try millis(from: text, now: now)
        } catch let error as LogTimeBoundError {
            throw ValidationError("\(option): \(error.userMessage)")
        }
    }
}

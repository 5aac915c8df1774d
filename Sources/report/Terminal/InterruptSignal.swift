import Dispatch
import Foundation

/// Ctrl-C while following a build: the first SIGINT only raises a flag the follow loop checks (it then
/// reports what it read, marked partial); a second one ends the process at once, as SIGINT normally does.
final class InterruptSignal: @unchecked Sendable {
    private let lock = NSLock()
    private var raised = false
    private var source: DispatchSourceSignal?

    var isRaised: Bool {
        lock.lock()
        defer { lock.unlock() }
        return raised
    }

    /// Takes SIGINT over until `uninstall()`.
    func install() {
        // Ignored as a signal so it is only delivered to the dispatch source.
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler { [weak self] in self?.receive() }
        source.resume()
        self.source = source
    }

    func uninstall() {
        source?.cancel()
        source = nil
        signal(SIGINT, SIG_DFL)
    }

    private func receive() {
        lock.lock()
        let again = raised
        raised = true
        lock.unlock()
        if again {
            signal(SIGINT, SIG_DFL)
            kill(getpid(), SIGINT)
        }
    }
}

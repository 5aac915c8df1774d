import Analyze
import Fetch
import Parse
import XCTest

/// The live news `diagnose(_:catalog:events:)` gives while lines arrive (what `build --follow` shows): phase starts
/// and completions and each rule's first match, in log order, without changing the diagnosis.
final class AnalysisEventTests: XCTestCase {
    private let log = """
        [Container] 2024/03/06 10:00:00.000000 Entering phase BUILD
        [Container] 2024/03/06 10:00:01.000000 Running command docker push $REPOSITORY_URI:latest
        denied: Your authorization token has expired. Reauthenticate and try again.
        denied: Your authorization token has expired. Reauthenticate and try again.
        [Container] 2024/03/06 10:00:02.000000 Command did not exit successfully docker push $REPOSITORY_URI:latest exit status 1
        [Container] 2024/03/06 10:00:02.000000 Phase complete: BUILD State: FAILED
        [Container] 2024/03/06 10:00:02.000000 Entering phase UPLOAD_ARTIFACTS

        """

    func testPhasesAndFirstMatchesArriveInLogOrderAndTheDiagnosisIsUnchanged() throws {
        let catalog = try CompiledCatalog(rules: BuiltinCatalog.rules)
        let source = InMemoryLogSource(bytes: Array(log.utf8), displayName: "push.log")
        var events: [AnalysisEvent] = []
        let observed = try diagnose(source, catalog: catalog, events: { events.append($0) })
        let plain = try diagnose(source, catalog: catalog)

        let phases = events.compactMap { event -> PhaseEvent? in
            if case .phase(let phase) = event { return phase } else { return nil }
        }
        XCTAssertEqual(phases, [.started(name: "BUILD", line: 1), .completed(name: "BUILD", status: .failed, line: 6),
                                .started(name: "UPLOAD_ARTIFACTS", line: 7)])
        let matches = events.compactMap { event -> String? in
            if case .firstMatch(let id, _, _, let line, let phase) = event { return "\(id)@\(line)/\(phase ?? "-")" }
            return nil
        }
        // The second `denied:` line is no news: each rule is announced once.
        XCTAssertEqual(matches.first, "ecr-auth-token-expired@3/BUILD")
        XCTAssertEqual(matches.filter { $0.hasPrefix("ecr-auth-token-expired@") }.count, 1)
        XCTAssertTrue(matches.contains("command-exited-non-zero@5/BUILD"), "\(matches)")
        XCTAssertEqual(observed, plain)
        XCTAssertEqual(observed.rootCause?.ruleId, "ecr-auth-token-expired")
    }
}

import Analyze
import Fetch
import Foundation
import XCTest

/// Runs every realistic CodeBuild log under `Fixtures/logs` through the whole pipeline and compares
/// the diagnosis with the fixture's `NAME.expected.json`. Expectations say what a senior engineer
/// would call the root cause; they are never edited to match what the engine happens to say.
final class FixtureDiagnosisTests: XCTestCase {
    /// Fewer fixtures than this means files went missing.
    static let minimumFixtureCount = 40

    func testEveryFixtureIsDiagnosedAsExpected() throws {
        let expectations = try FixtureFiles.expectations(in: FixtureFiles.logs)
        XCTAssertGreaterThanOrEqual(expectations.count, Self.minimumFixtureCount,
                                    "only \(expectations.count) fixtures in \(FixtureFiles.logs.path)")
        var failing: [String] = []
        for expectationURL in expectations {
            let name = FixtureFiles.name(of: expectationURL)
            let problems = mismatches(forFixtureAt: expectationURL)
            for problem in problems {
                XCTFail("\(name): \(problem)")
            }
            if !problems.isEmpty { failing.append(name) }
        }
        if !failing.isEmpty {
            // One line to read first: which fixtures, out of how many.
            XCTFail("\(failing.count) of \(expectations.count) fixtures differ: \(failing.joined(separator: ", "))")
        }
    }

    /// Every log has an expectation and every expectation a log, so nothing is silently skipped.
    func testEveryFixtureLogHasAnExpectation() throws {
        let logs = Set(try FixtureFiles.logFiles(in: FixtureFiles.logs).map(FixtureFiles.name(of:)))
        let expected = Set(try FixtureFiles.expectations(in: FixtureFiles.logs).map(FixtureFiles.name(of:)))
        XCTAssertEqual(logs.subtracting(expected).sorted(), [], "logs without NAME.expected.json")
        XCTAssertEqual(expected.subtracting(logs).sorted(), [], "expectations without NAME.log or NAME.log.gz")
        XCTAssertGreaterThanOrEqual(logs.count, Self.minimumFixtureCount)
    }

    /// One case in every form (plain, gzip, CloudWatch export, get-log-events JSON): the same diagnosis,
    /// the right detected shape, and the diagnosis the case's expectation names.
    func testEveryFormOfACaseGivesTheSameDiagnosis() throws {
        let forms = try FixtureFiles.logFiles(in: FixtureFiles.forms)
        XCTAssertGreaterThanOrEqual(forms.count, 4, "plain, gzip, export and JSON forms expected")
        let expectationURL = FixtureFiles.forms.appendingPathComponent("ecr-auth-expired.expected.json")
        let expectation = try FixtureExpectation(contentsOf: expectationURL)

        var diagnoses: [(name: String, diagnosis: Diagnosis)] = []
        for form in forms {
            do {
                let diagnosis = try FixtureFiles.diagnose(form)
                diagnoses.append((form.lastPathComponent, diagnosis))
                for problem in expectation.mismatches(in: diagnosis) {
                    XCTFail("\(form.lastPathComponent): \(problem)")
                }
                XCTAssertEqual(diagnosis.source.shape, Self.shape(ofFormNamed: form.lastPathComponent),
                               "\(form.lastPathComponent): detected shape")
            } catch {
                XCTFail("\(form.lastPathComponent): \(Self.describe(error))")
            }
        }
        guard let reference = diagnoses.first else { return }
        for other in diagnoses.dropFirst() {
            XCTAssertEqual(Summary(other.diagnosis), Summary(reference.diagnosis),
                           "\(other.name) differs from \(reference.name)")
        }
    }

    // MARK: - Helpers

    private func mismatches(forFixtureAt expectationURL: URL) -> [String] {
        let expectation: FixtureExpectation
        do {
            expectation = try FixtureExpectation(contentsOf: expectationURL)
        } catch {
            return ["cannot read expectation: \(Self.describe(error))"]
        }
        guard let log = FixtureFiles.log(for: expectationURL) else {
            return ["no NAME.log or NAME.log.gz beside the expectation"]
        }
        do {
            return expectation.mismatches(in: try FixtureFiles.diagnose(log))
        } catch {
            return ["diagnosis threw: \(Self.describe(error))"]
        }
    }

    /// The forms are named `CASE.plain.log`, `CASE.log.gz`, `CASE.export.log` and `CASE.events.log`.
    private static func shape(ofFormNamed name: String) -> InputShape {
        if name.contains(".export.") { return .cloudwatchExport }
        if name.contains(".events.") { return .logEventsJSON }
        return .raw
    }

    private static func describe(_ error: Error) -> String {
        (error as? UserFacingError)?.userMessage ?? String(describing: error)
    }

    /// The parts of a diagnosis that must not depend on the input's form.
    private struct Summary: Equatable, CustomStringConvertible {
        var rootCause: String?
        var ruleId: String?
        var status: String
        var failedPhase: String?
        var failedCommand: String?
        var evidence: [String]

        init(_ diagnosis: Diagnosis) {
            let build = diagnosis.build
            rootCause = diagnosis.rootCause?.category.rawValue
            ruleId = diagnosis.rootCause?.ruleId
            status = build.status.rawValue
            failedPhase = build.firstFailingPhase.flatMap { build.phases.indices.contains($0) ? build.phases[$0].name : nil }
            failedCommand = build.firstFailingCommand.flatMap { build.command(at: $0) }?.text
            evidence = diagnosis.rootCause?.evidence.map(\.line.text) ?? []
        }

        var description: String {
            "rootCause=\(rootCause ?? "none") rule=\(ruleId ?? "none") status=\(status) "
                + "phase=\(failedPhase ?? "none") command=\(failedCommand ?? "none") evidence=\(evidence)"
        }
    }
}

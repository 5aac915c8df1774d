@testable import Analyze
import Fetch
import Foundation
import Parse
import XCTest

/// The whole-block literal scan's contract: a log read with the analyzer observing the reader's blocks (one
/// Vectorscan pass per block, the per-line literal matcher only on lines where a literal occurs) gets exactly the
/// diagnosis the per-line matcher alone gives it — on every fixture, every form, the real-log corpus and a
/// generated mix built to break it (literals split by colour codes, at block edges, past the line cut, in every
/// case), in blocks from 7 bytes to the reader's default.
final class BlockScanEquivalenceTests: XCTestCase {
    private static let catalog = try! CompiledCatalog(rules: RuleSet.builtinRules)

    /// Lines the block scan let the analyzer pass over, over every `diagnosis(observing: true)` of a test.
    private var passedOver = 0

    private func diagnosis(of bytes: [UInt8], options: LineReaderOptions, observing: Bool,
                           catalog: CompiledCatalog = catalog) throws -> Diagnosis {
        let source = InMemoryLogSource(bytes: bytes, displayName: "log", options: options)
        let analyzer = Analyzer(catalog: catalog)
        let parser = PhaseParser(sink: analyzer)
        let outcome = try source.readLines(observingBlocks: observing ? analyzer.blockObserver : nil) { parser.consume($0) }
        let diagnosis = analyzer.finish(build: parser.finish(), source: SourceInfo(name: "log", outcome: outcome))
        if observing { passedOver += analyzer.linesPassedOverByBlockScan } else { XCTAssertEqual(analyzer.linesPassedOverByBlockScan, 0) }
        return diagnosis
    }

    override func tearDown() {
        // Equal diagnoses prove nothing if the block scan never let a line go by.
        XCTAssertGreaterThan(passedOver, 0, "the block scan passed over no line")
        super.tearDown()
    }

    func testALineIsPassedOverOnlyWhenNoLiteralEndsInsideItAndOnlyInsideTheBlock() {
        let database = BlockLiteralDatabase(patterns: [.init("denied", caseInsensitive: true, value: 0),
                                                       .init("Exact", caseInsensitive: false, value: 1)])
        let hits = BlockLiteralHits(database: database)
        var block = Array("clean line\nAccess DENIED here\nexact is not Exact\nden\nied split\n".utf8)
        block.withUnsafeMutableBufferPointer { mutable in
            let all = UnsafeBufferPointer(mutable)
            hits.observe(all)
            func line(_ start: Int, _ count: Int) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: all[start..<start + count]) }
            XCTAssertEqual(hits.mayHoldLiteral(line(0, 10)), false)
            XCTAssertEqual(hits.mayHoldLiteral(line(11, 18)), true, "caseless literal")
            XCTAssertEqual(hits.mayHoldLiteral(line(30, 18)), true, "case-sensitive literal")
            XCTAssertEqual(hits.mayHoldLiteral(line(30, 12)), false, "`exact is no`: wrong case only")
            XCTAssertEqual(hits.mayHoldLiteral(line(49, 3)), false, "a literal split by a newline is in neither line")
            let elsewhere = Array("Access denied".utf8)
            elsewhere.withUnsafeBufferPointer { XCTAssertNil(hits.mayHoldLiteral($0), "not a slice of the block") }
            hits.observe(UnsafeBufferPointer(start: nil, count: 0))
            XCTAssertNil(hits.mayHoldLiteral(line(0, 10)), "the block is gone")
        }
        passedOver += 1
    }

    private func assertSameBothWays(_ bytes: [UInt8], _ name: String, blockSizes: [Int],
                                    maxLineLength: Int = LineReaderOptions.standard.maxLineLength,
                                    catalog: CompiledCatalog = catalog) throws {
        for blockSize in blockSizes {
            let options = LineReaderOptions(blockSize: blockSize, maxLineLength: maxLineLength)
            let perLine = try diagnosis(of: bytes, options: options, observing: false, catalog: catalog)
            let blocks = try diagnosis(of: bytes, options: options, observing: true, catalog: catalog)
            XCTAssertEqual(blocks, perLine, "\(name), blocks of \(blockSize) bytes, lines cut at \(maxLineLength)")
        }
    }

    private func files(in directory: URL) throws -> [URL] {
        try FixtureFiles.logFiles(in: directory)
    }

    func testEveryFixtureFormAndCorpusLogGetsTheSameDiagnosisWithBlockScanning() throws {
        let real = FixtureFiles.root.appendingPathComponent("real", isDirectory: true)
        let logs = try files(in: FixtureFiles.logs) + files(in: FixtureFiles.forms) + files(in: real)
        XCTAssertGreaterThan(logs.count, 150, "the fixture and corpus logs are missing")
        var findings = 0
        for log in logs {
            let bytes = try [UInt8](Data(contentsOf: log))
            try assertSameBothWays(bytes, log.lastPathComponent, blockSizes: [LineReaderOptions.standard.blockSize, 61])
            findings += try diagnosis(of: bytes, options: .standard, observing: true).findings.count
        }
        // The comparison means something only if the logs produce findings.
        XCTAssertGreaterThan(findings, logs.count)
    }

    func testAGeneratedMixGetsTheSameDiagnosisInEveryBlockSize() throws {
        let mix = Self.generatedMix(lines: 3_000, seed: 7)
        let perLine = try diagnosis(of: mix, options: .standard, observing: false)
        XCTAssertGreaterThan(perLine.findings.count, 10, "the mix must make rules fire")
        try assertSameBothWays(mix, "generated mix", blockSizes: [7, 64, 1_000, 4_096, LineReaderOptions.standard.blockSize])
        // Lines cut short: a literal past the cut is not in the line either way.
        try assertSameBothWays(mix, "generated mix", blockSizes: [50, 4_096], maxLineLength: 90)
    }

    func testTheMixAsGzipAndAsACloudWatchExportGetsTheSameDiagnosis() throws {
        let mix = Self.generatedMix(lines: 1_500, seed: 11)
        let gzip = try GzipCompression.compress(mix)
        try assertSameBothWays(gzip, "generated mix, gzip", blockSizes: [333, LineReaderOptions.standard.blockSize])
        var export: [UInt8] = []
        for line in mix.split(separator: 0x0A, omittingEmptySubsequences: false) {
            export += Array("2024-05-02T10:11:12.345Z ".utf8) + line + [0x0A]
        }
        try assertSameBothWays(export, "generated mix, export", blockSizes: [97, LineReaderOptions.standard.blockSize])
    }

    func testManyRulesWithCommonLiteralsGetTheSameDiagnosis() throws {
        let rules = RuleSet.builtinRules + SyntheticRules.make(count: 300, commonEvery: 10)
        let catalog = try CompiledCatalog(rules: rules, checks: CheckKind.builtin)
        try assertSameBothWays(Self.generatedMix(lines: 1_000, seed: 3), "mix, ×3 synthetic rules",
                               blockSizes: [128, LineReaderOptions.standard.blockSize], catalog: catalog)
    }

    /// Rules selected together share one regex scan (`RegexGroupDatabase`), and the block path skips a regex whose
    /// required run (`RequiredLiteral`) is not on the line: both must give the reference diagnosis (prefilter off:
    /// every rule's literal test and regex on every line), on lines where the grouped regexes do match, in any
    /// case, around non-ASCII text, with the run split by a colour code or missing.
    func testRegexGroupsAndRequiredRunsGiveTheReferenceDiagnosis() throws {
        let synthetic = SyntheticRules.make(count: 120, commonEvery: 3)
        let catalog = try CompiledCatalog(rules: RuleSet.builtinRules + synthetic, checks: CheckKind.builtin)
        XCTAssertGreaterThan(catalog.regexGroups.count, 3)
        XCTAssertGreaterThan(catalog.hasRequiredLiteral.filter { $0 }.count, 40)
        let reference = try catalog.withPrefilter(false)
        var text = String(decoding: Self.generatedMix(lines: 400, seed: 5), as: UTF8.self)
        text = String(text[..<text.range(of: "[Container] 2024/05/02 10:11:12.000000 Command did not exit")!.lowerBound])
        var random = SplitMix(seed: 9)
        for rule in synthetic where rule.regex?.contains("never") == true {
            let example = rule.triggering[0]
            switch random.next() % 6 {
            case 0: text += example.uppercased() + "\n"
            case 1: text += "café " + example + "\n"
            case 2: text += example.replacingOccurrences(of: "never", with: "ne\u{1B}[1mver") + "\n"
            case 3: text += example.replacingOccurrences(of: "synthetic-never", with: "synthetic-") + "\n"
            default: text += example + "\n"
            }
        }
        text += "[Container] 2024/05/02 10:11:12.000000 Command did not exit successfully make exit status 2\n"
        let bytes = Array(text.utf8)
        let expected = try diagnosis(of: bytes, options: .standard, observing: false, catalog: reference)
        XCTAssertGreaterThan(expected.findings.filter { $0.ruleId.hasPrefix("synthetic-") }.count, 10,
                             "grouped regexes must match some lines")
        for blockSize in [61, 4_096, LineReaderOptions.standard.blockSize] {
            let options = LineReaderOptions(blockSize: blockSize, maxLineLength: LineReaderOptions.standard.maxLineLength)
            XCTAssertEqual(try diagnosis(of: bytes, options: options, observing: true, catalog: catalog), expected,
                           "blocks of \(blockSize)")
            XCTAssertEqual(try diagnosis(of: bytes, options: options, observing: false, catalog: catalog), expected,
                           "per line, blocks of \(blockSize)")
        }
    }

    /// A caseless regex matches a line whose required run is spelled with a character that folds to ASCII (the
    /// Kelvin sign folds to `k`): the line is not ASCII, so the rule stays a candidate without its run, in blocks
    /// as per line.
    func testANonASCIILineRunsACaselessRegexWithoutItsRequiredRun() throws {
        let rule = testRule("kelvin-fold", literals: ["cbt-fold"], regex: #"cbt-fold (?<n>\d+) kelvin-run"#,
                            caseInsensitive: true)
        let catalog = try CompiledCatalog(rules: [rule], checks: [])
        XCTAssertEqual(catalog.hasRequiredLiteral, [true])
        let text = "[Container] 2024/05/02 10:11:12.000000 Entering phase BUILD\n"
            + "cbt-fold 12 \u{212A}elvin-run\n"
            + "cbt-fold 13 not here\n"
            + "[Container] 2024/05/02 10:11:12.000000 Phase complete: BUILD State: FAILED\n"
        let bytes = Array(text.utf8)
        let expected = try diagnosis(of: bytes, options: .standard, observing: false, catalog: catalog.withPrefilter(false))
        XCTAssertEqual(expected.findings.first { $0.ruleId == "kelvin-fold" }?.evidence.first?.line.number, 2)
        for blockSize in [7, LineReaderOptions.standard.blockSize] {
            let options = LineReaderOptions(blockSize: blockSize, maxLineLength: LineReaderOptions.standard.maxLineLength)
            XCTAssertEqual(try diagnosis(of: bytes, options: options, observing: true, catalog: catalog), expected)
        }
    }

    /// A deterministic CodeBuild-shaped log whose output lines are noise around the catalog's own literals, often
    /// disguised: upper-cased, split by an ANSI colour code, followed by trailing blanks and CR, or put at the end
    /// of a line long enough to be cut.
    static func generatedMix(lines: Int, seed: UInt64) -> [UInt8] {
        var random = SplitMix(seed: seed)
        let literals = catalog.prefilterLiterals
        let noise = ["Step 3/9 : RUN make", "Tests run: 12, Failures: 0, Errors: 0", "npm WARN deprecated left-pad",
                     "#12 [builder 4/7] COPY . .", "Downloading https://repo.example/artifact.jar", "ok  \tpkg/util\t0.01s"]
        var text = "[Container] 2024/05/02 10:11:12.000000 Entering phase INSTALL\n"
        var phase = 0
        let phases = ["INSTALL", "PRE_BUILD", "BUILD", "POST_BUILD"]
        for index in 0..<lines {
            if index % 250 == 249, phase < phases.count - 1 {
                text += "[Container] 2024/05/02 10:11:12.000000 Phase complete: \(phases[phase]) State: SUCCEEDED\n"
                phase += 1
                text += "[Container] 2024/05/02 10:11:12.000000 Entering phase \(phases[phase])\n"
            }
            if index % 40 == 0 {
                text += "[Container] 2024/05/02 10:11:12.000000 Running command \(random.pick(["docker build -t app .", "npm ci", "mvn -B package", "aws ecr get-login-password | docker login"]))\n"
            }
            var literal = random.pick(literals)
            switch random.next() % 8 {
            case 0: literal = literal.uppercased()
            case 1 where literal.count > 2:
                // Colour codes inside the literal: only the cleaned line holds it.
                let cut = literal.index(literal.startIndex, offsetBy: literal.count / 2)
                literal = "\u{1B}[31m" + literal[..<cut] + "\u{1B}[0m" + literal[cut...]
            case 2: literal += "   \r"
            case 3: literal = String(repeating: "x", count: Int(random.next() % 120)) + " " + literal
            default: break
            }
            switch random.next() % 3 {
            case 0: text += random.pick(noise) + "\n"
            case 1: text += random.pick(noise) + " " + literal + "\n"
            default: text += literal + " " + random.pick(noise) + "\n"
            }
        }
        text += "[Container] 2024/05/02 10:11:12.000000 Command did not exit successfully make exit status 2\n"
        text += "[Container] 2024/05/02 10:11:12.000000 Phase complete: \(phases[phase]) State: FAILED\n"
        text += "[Container] 2024/05/02 10:11:12.000000 Phase context status code: COMMAND_EXECUTION_ERROR Message: Error while executing command: make. Reason: exit status 2\n"
        return Array(text.utf8)
    }
}

/// A small deterministic generator (SplitMix64), so the mix is the same on every run and machine.
private struct SplitMix {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }

    mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }
}

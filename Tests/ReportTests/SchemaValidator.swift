import Foundation
import XCTest

/// Validates a JSON document against a schema in `docs/schema/` with python3's `jsonschema`.
/// Missing python3 or the module is a failure with the fix, never a silent pass.
enum SchemaValidator {
    struct Invalid: Error, CustomStringConvertible { var description: String }

    static var schemaDirectory: URL {
        GoldenFile.directory.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("docs/schema")
    }

    static func assertValid(_ json: String, schema: String, file: StaticString = #filePath, line: UInt = #line) throws {
        do {
            try validate(json, schema: schema)
        } catch {
            XCTFail("\(error)", file: file, line: line)
        }
    }

    static func validate(_ json: String, schema: String) throws {
        let script = """
            import json, sys
            try:
                import jsonschema
            except ImportError:
                print("python3 module jsonschema missing: pip install jsonschema"); sys.exit(3)
            schema = json.load(open(sys.argv[1]))
            errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(json.load(sys.stdin)), key=str)
            for e in errors[:5]:
                print("/".join(str(p) for p in e.absolute_path), e.message)
            sys.exit(1 if errors else 0)
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, schemaDirectory.appendingPathComponent(schema).path]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        try process.run()
        input.fileHandleForWriting.write(Data(json.utf8))
        try input.fileHandleForWriting.close()
        let report = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if process.terminationStatus != 0 {
            throw Invalid(description: "\(schema): \(report.isEmpty ? "python3 failed (status \(process.terminationStatus))" : report)")
        }
    }
}

import Foundation

/// Validates a JSON document against a schema in `docs/schema/` with python3's `jsonschema` (Draft 2020-12).
/// A missing python3 or module is a failure that says the fix, never a silent pass.
public enum JSONSchemaValidation {
    public struct Invalid: Error, CustomStringConvertible {
        public var description: String
    }

    /// `docs/schema/` of this checkout.
    public static var schemaDirectory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/schema")
    }

    /// Throws `Invalid` naming the first few errors (path and message) when `json` does not match `schema`.
    public static func validate(_ json: String, schema: String) throws {
        let script = """
            import json, sys
            try:
                import jsonschema
            except ImportError:
                print("python3 module jsonschema missing: pip install jsonschema (make deps)"); sys.exit(3)
            schema = json.load(open(sys.argv[1]))
            errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(json.load(sys.stdin)), key=str)
            for e in errors[:5]:
                print("/".join(str(p) for p in e.absolute_path), e.message)
            sys.exit(1 if errors else 0)
            """
        let result = try PythonRun.run(["-c", script, schemaDirectory.appendingPathComponent(schema).path],
                                       input: Data(json.utf8), mergeErrors: true)
        let report = String(decoding: result.output, as: UTF8.self)
        if result.status != 0 {
            throw Invalid(description: "\(schema): \(report.isEmpty ? "python3 failed (status \(result.status))" : report)")
        }
    }
}

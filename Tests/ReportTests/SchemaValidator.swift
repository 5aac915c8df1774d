import Foundation
import TestSupport
import XCTest

/// `JSONSchemaValidation` (TestSupport) as an XCTest assertion.
enum SchemaValidator {
    static func assertValid(_ json: String, schema: String, file: StaticString = #filePath, line: UInt = #line) throws {
        do {
            try validate(json, schema: schema)
        } catch {
            XCTFail("\(error)", file: file, line: line)
        }
    }

    static func validate(_ json: String, schema: String) throws {
        try JSONSchemaValidation.validate(json, schema: schema)
    }
}

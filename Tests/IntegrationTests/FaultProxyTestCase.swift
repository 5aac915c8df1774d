import Foundation
import XCTest

/// An integration test whose requests go through the tests' fault proxy (`Tests/Support/fault_proxy.py`) in front
/// of the shared moto_server: a fresh proxy per test, and the seeded user's keys.
class FaultProxyTestCase: MotoIntegrationTestCase {
    var proxy: FaultProxy!

    override func setUpWithError() throws {
        try super.setUpWithError()
        proxy = try FaultProxy(upstream: moto.server.endpoint)
        addTeardownBlock { [proxy] in proxy?.stop() }
    }

    var keys: [String: String] {
        ["AWS_ACCESS_KEY_ID": moto.manifest.credentials.accessKeyId,
         "AWS_SECRET_ACCESS_KEY": moto.manifest.credentials.secretAccessKey]
    }
}

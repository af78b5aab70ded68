import AuthCore
import Foundation
import TestSupport
import Testing

@testable import FlowerhubKit

/// The client's configuration is checked when the client is created.
@Suite("Client configuration")
struct ClientConfigurationTests {
    static let invalid: [(String, @Sendable (inout FlowerhubClient.Configuration) -> Void)] = [
        ("origin", { $0.origin = "portal.flowerhub.se" }),
        ("origin", { $0.origin = "https://portal.flowerhub.se/login" }),
        ("maxRateLimitRetries", { $0.maxRateLimitRetries = -1 }),
        ("retryAfterCap", { $0.retryAfterCap = .seconds(-1) }),
        ("backoffCap", { $0.backoffCap = .milliseconds(-5) }),
        ("maxConcurrency", { $0.maxConcurrency = -2 }),
    ]

    @Test("a value that cannot work is refused with an error naming it", arguments: 0..<invalid.count)
    func refused(index: Int) {
        let (name, change) = Self.invalid[index]
        var configuration = FlowerhubClient.Configuration()
        change(&configuration)
        let error = #expect(throws: APIError.self, "\(name)") {
            _ = try FlowerhubClient(configuration: configuration, transport: MockTransport())
        }
        #expect(error?.kind == .invalidConfiguration)
        #expect(error?.message.contains(name) == true, "\(name)")
    }

    @Test("the defaults, an origin with a port and a zero concurrency limit are accepted")
    func accepted() throws {
        _ = try FlowerhubClient(configuration: FlowerhubClient.Configuration(), transport: MockTransport())
        let configuration = FlowerhubClient.Configuration(
            origin: "http://127.0.0.1:8080", maxRateLimitRetries: 0, retryAfterCap: .zero, maxConcurrency: 0)
        _ = try FlowerhubClient(configuration: configuration, transport: MockTransport())
    }

    @Test("the default transport is the process-wide shared one")
    func sharedTransport() throws {
        let client = try FlowerhubClient()
        #expect((client.api.transport as? URLSessionTransport) === URLSessionTransport.shared)
    }
}

import AuthCore
import Foundation
import HTTPTypes
import Logging
import Synchronization
import TestSupport
import VendorFixtures

@testable import FlowerhubKit

/// The portal base URL the tests expect in recorded requests.
let portalBase = "https://api.portal.flowerhub.se"

/// A Flowerhub fixture as a scripted response.
func fh(_ name: String, _ status: Int = 200, headers: HTTPFields = [:]) -> MockResponse {
    .fixture(status, "flowerhub/\(name)", headers: headers)
}

/// `Set-Cookie` header fields, one per cookie.
func setCookies(_ cookies: String...) -> HTTPFields {
    var fields = HTTPFields()
    for cookie in cookies { fields.append(HTTPField(name: .setCookie, value: cookie)) }
    return fields
}

/// A thread-safe list, for callbacks.
final class Recorder<Element: Sendable>: Sendable {
    private let items = Mutex<[Element]>([])

    func append(_ item: Element) {
        items.withLock { $0.append(item) }
    }

    var all: [Element] { items.withLock { $0 } }
    var count: Int { items.withLock { $0.count } }
}

/// A client, its transport, its clock and its callback recorders.
struct Harness {
    let client: FlowerhubClient
    let transport: MockTransport
    let clock: TestClock
    let authFailures: Recorder<Int>
    let apiErrors: Recorder<String>

    init(
        transport: MockTransport = MockTransport(),
        clock: TestClock = TestClock(),
        logger: Logger? = nil,
        configure: (inout FlowerhubClient.Configuration) -> Void = { _ in }
    ) async throws {
        var configuration = FlowerhubClient.Configuration(
            timeZone: TimeZone(identifier: "UTC")!, timeSource: clock, random: .seeded(7))
        configure(&configuration)
        let authFailures = Recorder<Int>()
        let apiErrors = Recorder<String>()
        self.client = try FlowerhubClient(configuration: configuration, transport: transport, logger: logger)
        await client.setOnAuthFailed { authFailures.append(1) }
        await client.setOnAPIError { apiErrors.append(String(describing: $0)) }
        self.transport = transport
        self.clock = clock
        self.authFailures = authFailures
        self.apiErrors = apiErrors
    }

    /// Paths of every request, in order.
    var paths: [String] { transport.requests.map(\.path) }
}

/// The two forms of every call: the throwing one, and the `…Result` one that returns HTTP and
/// payload errors.
enum CallForm: String, CaseIterable, Sendable {
    case throwing
    case returningErrors
}

/// The message of a FlowerhubError or the description of any other error.
func message(of error: (any Error)?) -> String {
    if let error = error as? FlowerhubError { return error.message }
    return error.map { String(describing: $0) } ?? ""
}

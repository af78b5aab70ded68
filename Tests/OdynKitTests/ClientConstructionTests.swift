import AuthCore
import Foundation
import HTTPTypes
import TestSupport
import Testing

@testable import OdynKit

@Suite("Client construction")
struct ClientConstructionTests {
    @Test(
        "base URLs are trimmed and end with a slash",
        arguments: [
            ("  https://x.test/api/v2.0 ", "https://x.test/api/v2.0/"),
            ("https://x.test", "https://x.test/"),
            ("\thttps://api.example.com/v2.0/\n", "https://api.example.com/v2.0/"),
            ("HTTPS://X.test/p", "HTTPS://X.test/p/"),
        ])
    func baseURLCleanup(input: String, expected: String) throws {
        #expect(try OdynClient.normalizeBaseURL(input).absoluteString == expected)
        let client = try BC.client(transport: MockTransport(), baseURL: input)
        #expect(client.baseURL.absoluteString == expected)
    }

    @Test(
        "bad base URLs are refused with a reason",
        arguments: [
            ("", "URL cannot be empty"),
            ("   ", "URL cannot be empty"),
            ("no_scheme.com", "valid scheme"),
            ("ftp://x", "valid scheme"),
            ("//host/p", "valid scheme"),
            ("mailto:a@b", "valid scheme"),
            ("https://", "valid domain"),
            ("https:///p", "valid domain"),
            ("https:host", "valid domain"),
            ("https://x.test?a=1", "query"),
            ("https://x.test/#frag", "fragment"),
            ("https://ex ample.com/", "whitespace"),
            ("https://user:pw@x.test/", "credentials"),
        ])
    func badBaseURLs(input: String, reason: String) {
        let error = BC.syncError { try OdynClient.normalizeBaseURL(input) }
        guard case .invalidURL(let message)? = error?.kind else {
            Issue.record("expected invalidURL for \(input), got \(String(describing: error))")
            return
        }
        #expect(message.contains(reason))
    }

    @Test("plain http to a host that is not loopback is refused; loopback is allowed")
    func plainHTTP() throws {
        let error = BC.syncError {
            try BC.client(transport: MockTransport(), baseURL: "http://bc.example.com:7048/BC/")
        }
        guard case .invalidURL(let message)? = error?.kind else {
            Issue.record("expected invalidURL, got \(String(describing: error))")
            return
        }
        #expect(message.contains("http"))
        #expect(
            try BC.client(transport: MockTransport(), baseURL: "http://127.0.0.1:7048/BC").baseURL.absoluteString
                == "http://127.0.0.1:7048/BC/")
    }

    @Test(
        "timeouts must be finite and positive",
        arguments: [
            (0.0, 1.0), (-10.0, 1.0), (1.0, 0.0), (Double.nan, 1.0), (Double.infinity, 1.0), (1.0, -Double.infinity),
        ])
    func badTimeouts(connect: Double, read: Double) {
        let error = BC.syncError { try OdynTimeout(connect: connect, read: read) }
        guard case .invalidTimeout(let reason)? = error?.kind else {
            Issue.record("expected invalidTimeout, got \(String(describing: error))")
            return
        }
        #expect(reason.contains("Timeout values"))
    }

    @Test("the default timeout is 60 s + 60 s and each attempt gets connect + read")
    func timeoutReachesTransport() async throws {
        #expect(OdynTimeout.default == (try OdynTimeout(connect: 60, read: 60)))
        let transport = MockTransport()
        transport.enqueue(.fixture(200, "odyn/vendors-empty.json"))
        let client = try OdynClient(
            baseURL: BC.api, session: BC.session(), timeout: OdynTimeout(connect: 5, read: 25.5), transport: transport,
            timeSource: TestClock()
        )
        _ = try await client.get(BC.customers)
        #expect(transport.requests.first?.timeout == .milliseconds(30_500))
        #expect(client.timeout.description == "(5.0, 25.5)")
    }

    @Test("retries below one are refused", arguments: [0, -1])
    func badRetries(retries: Int) {
        #expect(BC.syncError { try OdynSession(retries: retries) }?.kind == .invalidRetry(retries))
        #expect(BC.syncError { try OdynSession.bearer("t", retries: retries) }?.kind == .invalidRetry(retries))
    }

    @Test("backoff factors must be finite and above zero", arguments: [0.0, -1.0, Double.infinity, -Double.infinity])
    func badBackoff(factor: Double) {
        #expect(BC.syncError { try OdynSession(backoffFactor: factor) }?.kind == .invalidBackoffFactor(factor))
    }

    @Test("a NaN backoff factor is refused")
    func nanBackoff() {
        let error = BC.syncError { try OdynRetrySettings(backoffFactor: .nan) }
        guard case .invalidBackoffFactor(let value)? = error?.kind else {
            Issue.record("expected invalidBackoffFactor")
            return
        }
        #expect(value.isNaN)
    }

    @Test("statuses outside 100-599 are refused", arguments: [[500, 99], [600], [-1, 503]])
    func badForcelist(list: [Int]) {
        #expect(BC.syncError { try OdynSession(statusForcelist: list) }?.kind == .invalidStatusForcelist(list))
    }

    @Test("session defaults match Odyn's documentation")
    func sessionDefaults() throws {
        let session = try OdynSession()
        #expect(session.retry.retries == 5)
        #expect(session.retry.backoffFactor == 2)
        #expect(session.retry.statusForcelist == [429, 500, 502, 503, 504])
        #expect(session.retry.policy.maxAttempts == 6)
        #expect(session.retry.policy.retryAfterStatuses == [413, 429, 503])
        let delays = (1...5).map { session.retry.policy.backoff.rawDelay(forRetry: $0) }
        #expect(delays == [.seconds(2), .seconds(4), .seconds(8), .seconds(16), .seconds(32)])
        #expect(try OdynSession(statusForcelist: []).retry.policy.retryableStatuses.isEmpty)
        let custom = try OdynSession.basic(
            username: "u", password: "p", retries: 3, backoffFactor: 0.5, statusForcelist: [500])
        #expect(custom.retry == (try OdynRetrySettings(retries: 3, backoffFactor: 0.5, statusForcelist: [500])))
    }

    @Test("empty credentials are refused")
    func emptyCredentials() {
        #expect(
            BC.syncError { try OdynSession.bearer("  ") }?.kind
                == .invalidRequest(reason: "bearer token must not be empty"))
        #expect(
            BC.syncError { try OdynSession.basic(username: "", password: "p") }?.kind
                == .invalidRequest(reason: "username must not be empty"))
        #expect(
            BC.syncError { try OdynSession.apiKey("") }?.kind == .invalidRequest(reason: "API key must not be empty"))
        #expect(BC.syncError { try EntraClientCredentials(tenantId: "a/b", clientId: "c", clientSecret: "s") } != nil)
        #expect(BC.syncError { try EntraClientCredentials(tenantId: "t", clientId: " ", clientSecret: "s") } != nil)
    }

    @Test("the description shows URL and timeout but never the session")
    func description() throws {
        let client = try BC.client(transport: MockTransport())
        #expect(client.description == "OdynClient(baseURL: '\(BC.api)', timeout: (60.0, 60.0))")
        #expect(!client.description.contains(BC.bearer.revealed))
        #expect(client.session.retry.retries == 5)
        #expect(client.logger == nil)
    }

    @Test("maxConcurrentRequests limits requests in flight")
    func concurrencyLimit() async throws {
        let transport = MockTransport(yieldsWhileInFlight: 20) { _ in .fixture(200, "odyn/vendors-empty.json") }
        let client = try OdynClient(
            baseURL: BC.api, session: BC.session(), maxConcurrentRequests: 2, transport: transport,
            timeSource: TestClock()
        )
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<6 { group.addTask { _ = try await client.get("vendors") } }
            try await group.waitForAll()
        }
        #expect(transport.requests.count == 6)
        #expect(transport.peakInFlight <= 2)
        #expect(transport.peakInFlight >= 1)
    }
}

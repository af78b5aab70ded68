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
        #expect(error?.code == .invalidURL, "\(input)")
        #expect(error?.message.contains(reason) == true, "\(input)")
    }

    @Test("plain http to a host that is not loopback is refused; loopback is allowed")
    func plainHTTP() throws {
        let error = BC.syncError {
            try BC.client(transport: MockTransport(), baseURL: "http://bc.example.com:7048/BC/")
        }
        #expect(error?.code == .invalidURL)
        #expect(error?.message.contains("http") == true)
        #expect(
            try BC.client(transport: MockTransport(), baseURL: "http://127.0.0.1:7048/BC").baseURL.absoluteString
                == "http://127.0.0.1:7048/BC/")
    }

    @Test(
        "timeouts must be above zero and at most one day",
        arguments: [Duration.zero, .seconds(-10), .milliseconds(-1), .seconds(86_401), .seconds(1e12)])
    func badTimeouts(timeout: Duration) {
        var configuration = OdynClient.Configuration(baseURL: BC.api)
        configuration.timeout = timeout
        let error = BC.syncError { try OdynClient(configuration: configuration, transport: MockTransport()) }
        #expect(error?.code == .invalidTimeout)
        #expect(error?.message.contains("timeout must be above 0") == true)
    }

    @Test("the default timeout is 120 s (Odyn's 60 s + 60 s) and each attempt gets the configured one")
    func timeoutReachesTransport() async throws {
        #expect(OdynClient.Configuration().timeout == .seconds(120))
        let transport = MockTransport()
        transport.enqueue(.fixture(200, "odyn/vendors-empty.json"))
        var configuration = OdynClient.Configuration(baseURL: BC.api, session: try BC.session())
        configuration.timeout = .milliseconds(30_500)
        configuration.timeSource = TestClock()
        let client = try OdynClient(configuration: configuration, transport: transport)
        _ = try await client.get(BC.customers)
        #expect(transport.requests.first?.timeout == .milliseconds(30_500))
        #expect(client.configuration.timeout == .milliseconds(30_500))
    }

    @Test("retries below one are refused", arguments: [0, -1])
    func badRetries(retries: Int) {
        let error = BC.syncError { try OdynRetrySettings(retries: retries) }
        #expect(error?.code == .invalidRetry)
        #expect(error?.message == "retries must be between 1 and 1000, got \(retries)")
    }

    @Test("backoff factors must be finite and above zero", arguments: [0.0, -1.0, Double.infinity, -Double.infinity])
    func badBackoff(factor: Double) {
        let error = BC.syncError { try OdynRetrySettings(backoffFactor: factor) }
        #expect(error?.code == .invalidBackoffFactor)
        #expect(error?.message == "backoffFactor must be a finite number above 0, got \(factor)")
    }

    @Test("a NaN backoff factor is refused")
    func nanBackoff() {
        let error = BC.syncError { try OdynRetrySettings(backoffFactor: .nan) }
        #expect(error?.code == .invalidBackoffFactor)
        #expect(error?.message.hasSuffix("got nan") == true)
    }

    @Test("statuses outside 100-599 are refused", arguments: [[500, 99], [600], [-1, 503]])
    func badForcelist(list: [Int]) {
        let error = BC.syncError { try OdynRetrySettings(statusForcelist: list) }
        #expect(error?.code == .invalidStatusForcelist)
        #expect(error?.message.hasSuffix("got \(list.first { !(100...599).contains($0) } ?? 0)") == true)
    }

    @Test("retry defaults match Odyn's documentation")
    func retryDefaults() throws {
        let retry = OdynClient.Configuration().retry
        #expect(retry == .default)
        #expect(retry.retries == 5)
        #expect(retry.backoffFactor == 2)
        #expect(retry.statusForcelist == [429, 500, 502, 503, 504])
        #expect(retry.policy.maxAttempts == 6)
        #expect(retry.policy.retryAfterStatuses == [413, 429, 503])
        let delays = (1...5).map { retry.policy.backoff.rawDelay(forRetry: $0) }
        #expect(delays == [.seconds(2), .seconds(4), .seconds(8), .seconds(16), .seconds(32)])
        #expect(try OdynRetrySettings(statusForcelist: []).policy.retryableStatuses.isEmpty)
        let custom = try OdynRetrySettings(retries: 3, backoffFactor: 0.5, statusForcelist: [500])
        #expect(custom != retry)
        #expect(custom == (try OdynRetrySettings(retries: 3, backoffFactor: 0.5, statusForcelist: [500])))
    }

    @Test("empty credentials are refused")
    func emptyCredentials() {
        #expect(
            BC.syncError { try OdynSession.bearer("  ") }
                == OdynError(.invalidRequest, "bearer token must not be empty"))
        #expect(
            BC.syncError { try OdynSession.basic(username: "", password: "p") }
                == OdynError(.invalidRequest, "username must not be empty"))
        #expect(BC.syncError { try OdynSession.apiKey("") } == OdynError(.invalidRequest, "API key must not be empty"))
        #expect(
            BC.syncError { try EntraClientCredentials(tenantId: "a/b", clientId: "c", clientSecret: "s") }?.code
                == .invalidRequest)
        #expect(
            BC.syncError { try EntraClientCredentials(tenantId: "t", clientId: " ", clientSecret: "s") }?.code
                == .invalidRequest)
        #expect(
            BC.syncError {
                try EntraClientCredentials(tenantId: "t", clientId: "c", clientSecret: "s", authorityHost: "::")
            }?.code == .invalidURL)
    }

    @Test("the description shows URL and timeout but never the session")
    func description() throws {
        let client = try BC.client(transport: MockTransport())
        #expect(client.description == "OdynClient(baseURL: '\(BC.api)', timeout: 120.0 seconds)")
        #expect(!client.description.contains(BC.bearer.revealed))
        #expect(client.configuration.retry.retries == 5)
        #expect(client.logger == nil)
    }

    @Test("maxConcurrentRequests limits requests in flight")
    func concurrencyLimit() async throws {
        let transport = MockTransport(yieldsWhileInFlight: 20) { _ in .fixture(200, "odyn/vendors-empty.json") }
        let configuration = OdynClient.Configuration(
            baseURL: BC.api, session: try BC.session(), maxConcurrentRequests: 2, timeSource: TestClock())
        let client = try OdynClient(configuration: configuration, transport: transport)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<6 { group.addTask { _ = try await client.get("vendors") } }
            try await group.waitForAll()
        }
        #expect(transport.requests.count == 6)
        #expect(transport.peakInFlight <= 2)
        #expect(transport.peakInFlight >= 1)
    }

    @Test("a concurrency limit or page settings below one are refused, naming the value")
    func badLimits() {
        var configuration = OdynClient.Configuration(baseURL: BC.api)
        configuration.maxConcurrentRequests = 0
        #expect(
            BC.syncError { try OdynClient(configuration: configuration, transport: MockTransport()) }
                == OdynError(.invalidConfiguration, "maxConcurrentRequests must be at least 1 (or nil), got 0"))
        configuration.maxConcurrentRequests = nil
        configuration.pagination = ODataPagination(maxPages: 0)
        #expect(
            BC.syncError { try OdynClient(configuration: configuration, transport: MockTransport()) }?.code
                == .invalidConfiguration)
        configuration.pagination = ODataPagination(maxPageSize: -1)
        #expect(
            BC.syncError { try OdynClient(configuration: configuration, transport: MockTransport()) }?.code
                == .invalidConfiguration)
    }

    @Test("a configuration for an environment points at its API route")
    func environmentConfiguration() throws {
        let environment = BCEnvironment(tenantId: BC.tenant, environment: "Sandbox")
        let configuration = OdynClient.Configuration.environment(environment, session: try BC.session())
        #expect(configuration.baseURL == BC.api)
        let client = try OdynClient(configuration: configuration, transport: MockTransport())
        #expect(client.baseURL.absoluteString == BC.api)
        let custom = OdynClient.Configuration.environment(
            environment, route: .custom(publisher: "contoso", group: "app", version: "v1.0"), session: .unauthenticated)
        #expect(custom.baseURL.hasSuffix("/Sandbox/api/contoso/app/v1.0/"))
    }

    @Test("a base URL with a query is refused without repeating its values, which may be secret")
    func queryNotEchoed() {
        let error = BC.syncError { try OdynClient.normalizeBaseURL("https://x.test/api?sig=canary-sig-value") }
        #expect(error?.code == .invalidURL)
        #expect(error?.message.contains("query") == true)
        #expect(error?.message.contains("canary-sig-value") == false)
    }
}

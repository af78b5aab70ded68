import AuthCore
import Foundation
import HTTPTypes
import Synchronization
import TestSupport
import Testing

@testable import ViessmannKit

/// A thread-safe counter.
final class Counter: Sendable {
    private let value = Mutex(0)

    func next() -> Int {
        value.withLock {
            $0 += 1
            return $0
        }
    }
}

@Suite("HTTP errors (scenarios 10, 11 and 12)")
struct ErrorMappingTests {
    func failure(_ response: MockResponse) async throws -> (APIError, MockTransport) {
        let transport = MockTransport { _ in response }
        let client = try apiClient(transport)
        let error = await caught { _ = try await client.installations() }
        return (try #require(error as? APIError, "\(String(describing: error))"), transport)
    }

    @Test("401, 403, 404, 400 with validation details, 422, 500, 502, 409 map by status with Viessmann's body")
    func statuses() async throws {
        let cases: [(MockResponse, Int, APIError.Kind, String?, String?)] = [
            (vi("error_forbidden.json", 403), 403, .client, "PACKAGE_NOT_PAID_FOR", "req-22bb33cc"),
            (vi("error_device_not_found.json", 404), 404, .client, "DEVICE_NOT_FOUND", "req-33cc44dd"),
            (vi("error_validation.json", 400), 400, .client, "VALIDATION_ERROR", "req-0a1b2c3d"),
            (vi("error_validation.json", 422), 422, .client, "VALIDATION_ERROR", "req-0a1b2c3d"),
            (vi("error_internal.json", 500), 500, .server, "INTERNAL_ERROR", "req-5e6f7a8b"),
            (vi("error_internal.json", 502), 502, .server, "INTERNAL_ERROR", "req-5e6f7a8b"),
            (vi("error_device_offline.json", 409), 409, .client, "DEVICE_COMMUNICATION_ERROR", nil),
        ]
        for (response, status, kind, type, id) in cases {
            let (error, transport) = try await failure(response)
            #expect(error.status == status)
            #expect(error.kind == kind, "\(status): \(error.kind)")
            #expect(error.vendorCode == type)
            let body = try #require(error.vendorError(as: ViessmannServiceError.self))
            #expect(body.errorType == type)
            if let id { #expect(body.errorID == id) }
            #expect(transport.requests.count == 1, "\(status)")
        }
    }

    @Test("401: the provider is asked for a newer token once; the same token again means signing in again")
    func unauthorized() async throws {
        let (error, transport) = try await failure(vi("error_unauthorized.json", 401))
        #expect(error.requiresReauthentication)
        #expect(transport.requests.count == 1)
        let rotating = MockTransport { _ in vi("error_unauthorized.json", 401) }
        let counter = Counter()
        let client = try ViessmannClient(
            configuration: .init(tokens: .provider(ClosureTokenProvider { Secret("t-\(counter.next())") })),
            transport: rotating)
        let second = await caught { _ = try await client.installations() }
        #expect((second as? APIError)?.requiresReauthentication == true)
        #expect(rotating.requests.count == 2)
        let bearers = rotating.requests.map { $0.headers[.authorization] }
        #expect(bearers.first == "Bearer t-1")
        #expect(bearers.last != bearers.first)
    }

    @Test("validation details are joined into the message")
    func validationDetails() async throws {
        let (error, _) = try await failure(vi("error_validation.json", 400))
        #expect(error.vendorMessage == #"Validation Error: "slope" must be less than or equal to 3.5 (path: slope)"#)
        let body = try #require(error.vendorError(as: ViessmannServiceError.self))
        #expect(body.validationErrors == [.init(message: #""slope" must be less than or equal to 3.5"#, path: "slope")])
    }

    @Test("device offline: DEVICE_COMMUNICATION_ERROR with extendedPayload.reason")
    func deviceOffline() async throws {
        let (error, _) = try await failure(vi("error_device_offline.json", 400))
        let body = try #require(error.vendorError(as: ViessmannServiceError.self))
        #expect(body.isDeviceCommunicationError)
        #expect(body.extendedReason == "DEVICE_OFFLINE")
        #expect(body.extendedPayload?["httpStatusCode"] == "NotFound")
    }

    @Test("429 with Retry-After: rateLimited, retryAfter 30 s, limitReset from ms, exactly one request")
    func rateLimitWithRetryAfter() async throws {
        let (error, transport) = try await failure(vi("error_rate_limit.json", 429, headers: [.retryAfter: "30"]))
        #expect(error.kind == .rateLimited)
        #expect(error.isTransient)
        #expect(error.retryAfter == .seconds(30))
        #expect(error.vendorCode == "RATE_LIMIT_EXCEEDED")
        let body = try #require(error.vendorError(as: ViessmannServiceError.self))
        #expect(body.errorID == "req-77cc88dd")
        #expect(body.limitReset == Date(timeIntervalSince1970: 1_762_117_200))
        #expect(body.limitName == "ViCare day limit")
        #expect(body.requestCountLimit == 1450)
        #expect(transport.requests.count == 1)
    }

    @Test("429 without Retry-After: no retryAfter, the ten-minute limit's reset still readable")
    func rateLimitWithout() async throws {
        let (error, transport) = try await failure(vi("error_rate_limit_10min.json", 429))
        #expect(error.kind == .rateLimited)
        #expect(error.retryAfter == nil)
        #expect(error.vendorError(as: ViessmannServiceError.self)?.requestCountLimit == 120)
        #expect(error.vendorError(as: ViessmannServiceError.self)?.limitReset != nil)
        #expect(transport.requests.count == 1)
    }

    @Test("429 with an HTTP-date Retry-After is read as seconds")
    func rateLimitDate() async throws {
        let clock = TestClock()
        let date = clock.now.addingTimeInterval(90)
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        let transport = MockTransport { _ in
            vi("error_rate_limit.json", 429, headers: [.retryAfter: formatter.string(from: date)])
        }
        let error = await caught { _ = try await apiClient(transport, clock: clock).installations() }
        let retryAfter = try #require((error as? APIError)?.retryAfter)
        #expect(retryAfter >= .seconds(89) && retryAfter <= .seconds(90))
    }

    @Test("a non-JSON error body still maps by status with message HTTP <status>")
    func htmlErrorBody() async throws {
        let (error, _) = try await failure(vi("malformed-bad_gateway.html", 502))
        #expect(error.kind == .server)
        #expect(error.status == 502)
        #expect(error.vendorMessage == "HTTP 502")
        #expect(error.vendorError(as: ViessmannServiceError.self)?.errorID == nil)
    }

    @Test("2xx bodies that are truncated, HTML or the wrong shape never crash")
    func malformedSuccess() async throws {
        for (name, isAPIError) in [
            ("malformed-truncated.json", true), ("malformed-bad_gateway.html", true),
            ("malformed-data_object.json", false), ("malformed-data_strings.json", false),
        ] {
            let transport = MockTransport { _ in vi(name) }
            let error = await caught { _ = try await apiClient(transport).installations() }
            if isAPIError {
                #expect((error as? APIError)?.kind == .invalidResponse, "\(name)")
            } else {
                #expect((error as? ViessmannError)?.code == .invalidResponse, "\(name)")
            }
        }
    }

    @Test("a transport failure is APIError transport; a hang ends at the time-out; cancellation is cancelled")
    func transport() async throws {
        let failing = MockTransport { _ in .failure(.cannotConnectToHost) }
        let error = await caught { _ = try await apiClient(failing).gateways() }
        #expect((error as? APIError)?.kind == .transport)
        #expect((error as? APIError)?.isTransient == true)
        let hanging = MockTransport { _ in .hang }
        let client = try apiClient(hanging)
        let task = Task { try await client.gateways() }
        while hanging.requests.isEmpty { await Task.yield() }
        task.cancel()
        let cancelled = await caught { _ = try await task.value }
        #expect((cancelled as? APIError)?.kind == .cancelled)
    }
}

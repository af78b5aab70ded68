import AuthCore
import Foundation
import HTTPTypes
import TestSupport
import Testing

@Suite("Retry in the pipeline")
struct RetryMiddlewareTests {
    let policy = try! APIRetryPolicy(maxAttempts: 3, backoff: .exponential(base: .seconds(1), factor: 2, jitter: .none))

    @Test("503, 503, 200 succeeds on the third attempt after 1 s and 2 s")
    func retriesServerErrors() async throws {
        let transport = MockTransport()
        transport.enqueue(.json(503, "{}"))
        transport.enqueue(.json(503, "{}"))
        transport.enqueue(.json(200, #"{"ok":true}"#))
        let clock = TestClock()
        let client = try TestHelpers.client(transport: transport, clock: clock, retryPolicy: policy)
        let value = try await client.send(Endpoint<JSONValue>.json(.get, "/thing"))
        #expect(value["ok"] == .bool(true))
        #expect(transport.requests.count == 3)
        #expect(clock.sleeps == [.seconds(1), .seconds(2)])
    }

    @Test("a 429's Retry-After replaces the backoff")
    func honoursRetryAfter() async throws {
        let transport = MockTransport()
        transport.enqueue(.json(429, "{}", headers: [.retryAfter: "7"]))
        transport.enqueue(.json(200, "{}"))
        let clock = TestClock()
        let client = try TestHelpers.client(transport: transport, clock: clock, retryPolicy: policy)
        _ = try await client.send(Endpoint<JSONValue>.json(.get, "/thing"))
        #expect(clock.sleeps == [.seconds(7)])
    }

    @Test("when retries run out the last status is surfaced with its attempt count")
    func exhausted() async throws {
        let transport = MockTransport()
        for _ in 0..<3 { transport.enqueue(.json(503, #"{"error":{"code":"Busy","message":"try later"}}"#)) }
        let client = try TestHelpers.client(transport: transport, retryPolicy: policy)
        let error = await TestHelpers.apiError { try await client.send(Endpoint<JSONValue>.json(.get, "/thing")) }
        #expect(error?.kind == .server)
        #expect(error?.status == 503)
        #expect(error?.vendorCode == "Busy")
        #expect(error?.attempts == 3)
        #expect(error?.isTransient == true)
    }

    @Test("POST is attempted once; DELETE and an explicitly idempotent POST are retried")
    func methodSafety() async throws {
        let transport = MockTransport()
        let client = try TestHelpers.client(transport: transport, retryPolicy: policy)
        transport.enqueue(.json(503, "{}"))
        _ = await TestHelpers.apiError { try await client.send(Endpoint<JSONValue>.json(.post, "/orders")) }
        #expect(transport.requests.count == 1)

        transport.enqueue(.json(503, "{}"))
        transport.enqueue(.status(204))
        _ = try await client.send(Endpoint<RawResponse>.raw(.delete, "/orders/1"))
        #expect(transport.requests.count == 3)

        transport.enqueue(.json(503, "{}"))
        transport.enqueue(.json(201, "{}"))
        _ = try await client.send(
            Endpoint<JSONValue>.json(.post, "/orders"), options: RequestOptions(isIdempotent: true))
        #expect(transport.requests.count == 5)
    }

    @Test("a single-use body is never replayed")
    func singleUseBody() async throws {
        let transport = MockTransport()
        transport.enqueue(.json(503, "{}"))
        let client = try TestHelpers.client(transport: transport, retryPolicy: policy)
        let stream = AsyncThrowingStream<Data, any Error> { continuation in
            continuation.yield(Data("chunk".utf8))
            continuation.finish()
        }
        let endpoint = Endpoint<RawResponse>.raw(.put, "/upload", body: APIRequestBody(stream: stream))
        let error = await TestHelpers.apiError { try await client.send(endpoint) }
        #expect(error?.status == 503)
        #expect(transport.requests.count == 1)
        #expect(transport.requests.first?.bodyText == "chunk")
    }

    @Test("connection failures are retried for any method; a dropped connection only for safe ones")
    func transportErrors() async throws {
        let transport = MockTransport()
        let client = try TestHelpers.client(transport: transport, retryPolicy: policy)
        transport.enqueue(.failure(.cannotConnectToHost))
        transport.enqueue(.json(201, "{}"))
        _ = try await client.send(Endpoint<JSONValue>.json(.post, "/orders"))
        #expect(transport.requests.count == 2)

        transport.enqueue(.failure(.networkConnectionLost))
        let error = await TestHelpers.apiError { try await client.send(Endpoint<JSONValue>.json(.post, "/orders")) }
        #expect(error?.kind == .transport)
        #expect(transport.requests.count == 3)

        transport.enqueue(.failure(.networkConnectionLost))
        transport.enqueue(.json(200, "{}"))
        _ = try await client.send(Endpoint<JSONValue>.json(.get, "/orders"))
        #expect(transport.requests.count == 5)

        transport.enqueue(.failure(.badURL))
        let permanent = await TestHelpers.apiError { try await client.send(Endpoint<JSONValue>.json(.get, "/orders")) }
        #expect(permanent?.kind == .transport)
        #expect(permanent?.isTransient == false)
        #expect(transport.requests.count == 6)
    }

    @Test("cancellation while waiting to retry stops the retries")
    func cancellationStopsRetries() async throws {
        let transport = MockTransport()
        for _ in 0..<3 { transport.enqueue(.json(503, "{}")) }
        let clock = TestClock(mode: .manual)
        let client = try TestHelpers.client(transport: transport, clock: clock, retryPolicy: policy)
        let task = Task { try await client.send(Endpoint<JSONValue>.json(.get, "/thing")) }
        await clock.waitForSleepers(1)
        task.cancel()
        let result = await task.result
        guard case .failure(let error as APIError) = result else {
            Issue.record("expected a cancellation error, got \(result)")
            return
        }
        #expect(error.kind == .cancelled)
        #expect(transport.requests.count == 1)
    }

    @Test("a cancelled task makes no request at all")
    func cancelledBeforeStart() async throws {
        let transport = MockTransport()
        transport.enqueue(.json(200, "{}"))
        let client = try TestHelpers.client(transport: transport, retryPolicy: policy)
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await client.send(Endpoint<JSONValue>.json(.get, "/thing"))
        }
        let result = await task.result
        guard case .failure(let error as APIError) = result else {
            Issue.record("expected a cancellation error")
            return
        }
        #expect(error.kind == .cancelled)
        #expect(transport.requests.isEmpty)
    }
}

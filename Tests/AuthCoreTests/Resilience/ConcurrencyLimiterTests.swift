import AuthCore
import Foundation
import Synchronization
import TestSupport
import Testing

actor Recorder {
    private(set) var values: [Int] = []
    func append(_ value: Int) { values.append(value) }
}

@Suite("Concurrency limit")
struct ConcurrencyLimiterTests {
    @Test("never more requests in flight than the limit")
    func peakWithinLimit() async throws {
        let transport = MockTransport(yieldsWhileInFlight: 50)
        for _ in 0..<30 { transport.enqueue(.json(200, "{}")) }
        let client = try TestHelpers.client(transport: transport) {
            $0.concurrencyLimiter = ConcurrencyLimiter(limit: 3)
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<30 { group.addTask { _ = try await client.send(Endpoint<JSONValue>.json(.get, "/x")) } }
            try await group.waitForAll()
        }
        #expect(transport.requests.count == 30)
        #expect(transport.peakInFlight <= 3)
        #expect(transport.peakInFlight >= 2)
    }

    @Test("without a limit the same load overlaps more, so the measurement can fail")
    func peakWithoutLimit() async throws {
        let transport = MockTransport(yieldsWhileInFlight: 50)
        for _ in 0..<30 { transport.enqueue(.json(200, "{}")) }
        let client = try TestHelpers.client(transport: transport)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<30 { group.addTask { _ = try await client.send(Endpoint<JSONValue>.json(.get, "/x")) } }
            try await group.waitForAll()
        }
        #expect(transport.peakInFlight > 3)
    }

    @Test("waiters are admitted first come, first served")
    func fifo() async throws {
        let limiter = ConcurrencyLimiter(limit: 1)
        let order = Recorder()
        let gate = AsyncStream<Void>.makeStream()
        let holder = Task { try await limiter.withSlot { for await _ in gate.stream { break } } }
        while await limiter.activeCount == 0 { await Task.yield() }
        var waiters: [Task<Void, any Error>] = []
        for index in 0..<5 {
            waiters.append(Task { try await limiter.withSlot { await order.append(index) } })
            for _ in 0..<200 { await Task.yield() }
        }
        gate.continuation.yield()
        try await holder.value
        for waiter in waiters { try await waiter.value }
        #expect(await order.values == [0, 1, 2, 3, 4])
    }

    @Test("a cancelled waiter leaves the queue without taking a slot")
    func cancellationSafe() async throws {
        let limiter = ConcurrencyLimiter(limit: 1)
        let gate = AsyncStream<Void>.makeStream()
        let holder = Task { try await limiter.withSlot { for await _ in gate.stream { break } } }
        while await limiter.activeCount == 0 { await Task.yield() }
        let waiter = Task { try await limiter.withSlot { 1 } }
        for _ in 0..<200 { await Task.yield() }
        waiter.cancel()
        let outcome = await waiter.result
        guard case .failure(let error as APIError) = outcome else {
            Issue.record("expected cancellation, got \(outcome)")
            return
        }
        #expect(error.kind == .cancelled)
        gate.continuation.yield()
        try await holder.value
        #expect(await limiter.activeCount == 0)
        #expect(try await limiter.withSlot { 2 } == 2)
    }

    @Test("raising the limit at run time admits waiters; nil removes it")
    func runtimeLimit() async throws {
        let limiter = ConcurrencyLimiter(limit: 1)
        let gate = AsyncStream<Void>.makeStream()
        let holder = Task { try await limiter.withSlot { for await _ in gate.stream { break } } }
        while await limiter.activeCount == 0 { await Task.yield() }
        let waiter = Task { try await limiter.withSlot { 7 } }
        for _ in 0..<200 { await Task.yield() }
        #expect(await limiter.activeCount == 1)
        await limiter.setLimit(2)
        #expect(try await waiter.value == 7)
        await limiter.setLimit(nil)
        #expect(await limiter.currentLimit == nil)
        gate.continuation.yield()
        try await holder.value
    }
}

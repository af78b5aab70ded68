/// Limits how many requests are in flight at once; the rest wait their turn in FIFO order.
///
/// The limit can be changed while requests run (raising it admits waiters at once; lowering it
/// lets running requests finish). A waiter whose task is cancelled leaves the queue without
/// taking a slot. `nil` or `0` means unlimited.
public actor ConcurrencyLimiter {
    private var limit: Int?
    private var inFlight = 0
    private var waiters: [(id: UInt64, continuation: CheckedContinuation<Void, any Error>)] = []
    private var nextID: UInt64 = 0

    /// Creates a limiter; `nil` or `0` is unlimited.
    public init(limit: Int?) {
        self.limit = ConcurrencyLimiter.normalise(limit)
    }

    /// The current limit; `nil` when unlimited.
    public var currentLimit: Int? { limit }

    /// How many requests hold a slot now.
    public var activeCount: Int { inFlight }

    /// Changes the limit; `nil` or `0` removes it.
    public func setLimit(_ newLimit: Int?) {
        limit = ConcurrencyLimiter.normalise(newLimit)
        admitWaiters()
    }

    /// Runs `operation` while holding a slot.
    ///
    /// - Throws: ``APIError`` of kind `cancelled` if the task is cancelled while waiting, or the operation's error.
    public func withSlot<T: Sendable>(_ operation: @Sendable () async throws -> T) async throws -> T {
        try await acquire()
        defer { release() }
        return try await operation()
    }

    private func acquire() async throws {
        if Task.isCancelled { throw APIError(kind: .cancelled, message: "cancelled while waiting for a request slot") }
        if hasCapacity, waiters.isEmpty {
            inFlight += 1
            return
        }
        nextID &+= 1
        let id = nextID
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                waiters.append((id, continuation))
                admitWaiters()
            }
        } onCancel: {
            Task { await self.cancelWaiter(id) }
        }
    }

    private func release() {
        inFlight -= 1
        admitWaiters()
    }

    private var hasCapacity: Bool {
        guard let limit else { return true }
        return inFlight < limit
    }

    private func admitWaiters() {
        while hasCapacity, !waiters.isEmpty {
            let waiter = waiters.removeFirst()
            inFlight += 1
            waiter.continuation.resume()
        }
    }

    private func cancelWaiter(_ id: UInt64) {
        guard let index = waiters.firstIndex(where: { $0.id == id }) else { return }
        let waiter = waiters.remove(at: index)
        waiter.continuation.resume(
            throwing: APIError(kind: .cancelled, message: "cancelled while waiting for a request slot"))
    }

    private static func normalise(_ limit: Int?) -> Int? {
        guard let limit, limit > 0 else { return nil }
        return limit
    }
}

import AuthCore
import Synchronization

/// The push websocket as an `AsyncSequence` of ``BticinoPushUpdate``s.
///
/// The connection was started by ``BticinoClient/pushEvents()`` and runs until ``stop()`` is
/// called, the consuming task is cancelled, or the iteration ends (a `break` out of `for try
/// await`: the iterator's end stops the connection, so a stream is iterated once); the socket is
/// then closed. It reconnects on its own and ends with an error only when the user has to sign in again.
///
/// **Overflow policy:** updates wait in a buffer of ``BticinoPushSettings/bufferCapacity``; when a
/// slow consumer lets it fill, the oldest waiting update is dropped and ``droppedCount`` grows.
/// Reading the socket never waits for the consumer.
public struct BticinoPushStream: AsyncSequence, Sendable {
    /// The updates.
    public typealias Element = BticinoPushUpdate

    let base: AsyncThrowingStream<BticinoPushUpdate, any Error>
    let stats: BticinoPushStats
    let task: Task<Void, Never>
    let runner: BticinoPushRunner

    /// Iterates the updates.
    public struct Iterator: AsyncIteratorProtocol {
        var base: AsyncThrowingStream<BticinoPushUpdate, any Error>.AsyncIterator
        let lifetime: BticinoPushIteration

        /// The next update; `nil` once the stream stopped.
        public mutating func next() async throws -> BticinoPushUpdate? {
            try await base.next()
        }
    }

    /// An iterator.
    public func makeAsyncIterator() -> Iterator {
        Iterator(base: base.makeAsyncIterator(), lifetime: BticinoPushIteration(task: task))
    }

    /// How many updates were dropped because the consumer was too slow.
    public var droppedCount: Int { stats.value.dropped }
    /// How many frames were skipped because they were not JSON.
    public var skippedFrames: Int { stats.value.skipped }
    /// How many retransmitted events were dropped.
    public var duplicateCount: Int { stats.value.duplicates }
    /// How many subscribe frames were sent (first subscriptions and renewals).
    public var subscribeCount: Int { stats.value.subscribes }

    /// Renews the subscription now with a fresh token on the live socket (pybticino's
    /// `resubscribe()`); the client also does it on its own before the token expires.
    ///
    /// - Throws: ``BticinoError`` `notConnected` while no socket is subscribed.
    public func resubscribe() async throws {
        try await runner.resubscribeNow()
    }

    /// Stops the connection and ends the stream.
    public func stop() {
        task.cancel()
    }
}

/// Stops the connection when the last copy of an iterator goes away (a `break` out of a loop).
final class BticinoPushIteration: Sendable {
    let task: Task<Void, Never>

    init(task: Task<Void, Never>) {
        self.task = task
    }

    deinit {
        task.cancel()
    }
}

/// Counters shared by the stream and its runner.
final class BticinoPushStats: Sendable {
    struct Counts: Sendable {
        var dropped = 0
        var skipped = 0
        var duplicates = 0
        var subscribes = 0
    }

    private let counts = Mutex(Counts())

    var value: Counts { counts.withLock { $0 } }

    func update(_ change: (inout Counts) -> Void) {
        counts.withLock { change(&$0) }
    }
}

extension BticinoClient {
    /// Connects to the push websocket and delivers typed events until stopped.
    ///
    /// ```swift
    /// for try await update in client.pushEvents() {
    ///     if let event = update.event, event.type == .incomingCall { print("ring at", event.homeName ?? "?") }
    /// }
    /// ```
    public func pushEvents() -> BticinoPushStream {
        let settings = configuration.push
        let (stream, continuation) = AsyncThrowingStream.makeStream(
            of: BticinoPushUpdate.self, throwing: (any Error).self,
            bufferingPolicy: .bufferingNewest(settings.bufferCapacity))
        let stats = BticinoPushStats()
        let runner = BticinoPushRunner(client: self, continuation: continuation, stats: stats)
        let task = Task { await runner.run() }
        continuation.onTermination = { _ in task.cancel() }
        return BticinoPushStream(base: stream, stats: stats, task: task, runner: runner)
    }
}

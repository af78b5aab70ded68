import AuthCore
import Logging

extension FlowerhubClient {
    /// The shortest polling interval accepted.
    public static let minimumPollingInterval: Duration = .seconds(5)

    /// Starts fetching the asset status every `interval`, reporting through callbacks.
    ///
    /// Each tick discovers the asset id if none is stored, then fetches the asset with default
    /// options. Timing is fixed-delay: the interval runs from the end of one fetch to the start
    /// of the next, on the client's `TimeSource`. A failed tick is reported to `onError` and
    /// polling goes on, except a failure that needs a new login, which is reported and ends it.
    /// Cancelling the returned task, ``stopPeriodicAssetFetch()`` or ``close()`` stop it cleanly.
    ///
    /// - Parameters:
    ///   - interval: At least 5 seconds (default 60).
    ///   - runImmediately: Fetch once before the first wait.
    ///   - onUpdate: Called with each fresh status.
    ///   - onError: Called with each failed tick.
    /// - Returns: The polling task.
    /// - Throws: ``FlowerhubError`` of code ``FlowerhubError/Code/invalidArgument`` for an interval
    ///   below 5 s, ``FlowerhubError/Code/alreadyRunning`` while polling runs.
    @discardableResult
    public func startPeriodicAssetFetch(
        interval: Duration = .seconds(60),
        runImmediately: Bool = false,
        onUpdate: (@Sendable (FlowerhubStatus) async -> Void)? = nil,
        onError: (@Sendable (any Error) async -> Void)? = nil
    ) throws -> Task<Void, Never> {
        try startPolling(interval: interval, runImmediately: runImmediately) { event in
            switch event {
            case .update(let status): await onUpdate?(status)
            case .failure(let error): await onError?(error)
            }
        } end: { fatal in
            if let fatal { await onError?(fatal) }
        }
    }

    /// Starts polling like ``startPeriodicAssetFetch(interval:runImmediately:onUpdate:onError:)``
    /// and returns the outcomes as an asynchronous sequence.
    ///
    /// Failed ticks arrive as ``FlowerhubPollEvent/failure(_:)`` and the sequence goes on; a
    /// failure that needs a new login ends it by throwing that error. Stopping polling finishes
    /// the sequence; cancelling the consuming task, or releasing the sequence, stops polling.
    ///
    /// - Parameters:
    ///   - interval: At least 5 seconds (default 60).
    ///   - runImmediately: Fetch once before the first wait.
    ///   - bufferingPolicy: What to keep when the consumer is slower than the ticks.
    public func periodicAssetStatus(
        interval: Duration = .seconds(60),
        runImmediately: Bool = false,
        bufferingPolicy: AsyncThrowingStream<FlowerhubPollEvent, any Error>.Continuation.BufferingPolicy =
            .bufferingNewest(16)
    ) throws -> AsyncThrowingStream<FlowerhubPollEvent, any Error> {
        let (stream, continuation) = AsyncThrowingStream.makeStream(
            of: FlowerhubPollEvent.self, throwing: (any Error).self, bufferingPolicy: bufferingPolicy)
        let task = try startPolling(interval: interval, runImmediately: runImmediately) { event in
            continuation.yield(event)
        } end: { fatal in
            continuation.finish(throwing: fatal)
        }
        continuation.onTermination = { _ in task.cancel() }
        return stream
    }

    /// Stops polling at once; safe to call when nothing runs. ``isAssetFetchRunning`` is `false` afterwards.
    public func stopPeriodicAssetFetch() {
        pollingRun?.task.cancel()
        pollingRun = nil
    }

    /// Whether periodic polling runs.
    public var isAssetFetchRunning: Bool { pollingRun != nil }

    func startPolling(
        interval: Duration,
        runImmediately: Bool,
        sink: @escaping @Sendable (FlowerhubPollEvent) async -> Void,
        end: @escaping @Sendable ((any Error)?) async -> Void
    ) throws -> Task<Void, Never> {
        guard interval >= Self.minimumPollingInterval else {
            throw FlowerhubError.invalidArgument(
                "polling interval must be at least 5 seconds, got \(Durations.seconds(interval)) s")
        }
        guard pollingRun == nil else { throw FlowerhubError.alreadyRunning }
        pollingGeneration += 1
        let id = pollingGeneration
        let timeSource = configuration.timeSource
        let task = Task { [weak self] in
            var outcome = PollTickOutcome.done
            if runImmediately { outcome = await self?.pollTick(sink) ?? .cancelled }
            while case .done = outcome {
                do {
                    try await timeSource.sleep(for: interval)
                } catch {
                    outcome = .cancelled
                    break
                }
                guard !Task.isCancelled, let client = self else {
                    outcome = .cancelled
                    break
                }
                outcome = await client.pollTick(sink)
            }
            if case .fatal(let error) = outcome { await end(error) } else { await end(nil) }
            await self?.pollingEnded(id)
        }
        pollingRun = PollingRun(id: id, task: task)
        logger?.debug("periodic asset fetch started", metadata: ["interval_s": "\(Durations.seconds(interval))"])
        return task
    }

    /// One poll: discover the asset id if needed, fetch the asset, report the status.
    func pollTick(_ sink: @Sendable (FlowerhubPollEvent) async -> Void) async -> PollTickOutcome {
        if Task.isCancelled { return .cancelled }
        do {
            if assetId == nil || assetId == 0 { try await fetchAssetId() }
            let fetch = try await fetchAsset()
            await sink(.update(fetch.flowerhubStatus))
            return .done
        } catch {
            if Task.isCancelled || error is CancellationError || (error as? APIError)?.kind == .cancelled {
                return .cancelled
            }
            if let apiError = error as? APIError, apiError.requiresReauthentication {
                logger?.error("periodic asset fetch stopped: a new login is needed")
                return .fatal(error)
            }
            logger?.warning("periodic asset fetch failed; polling goes on", metadata: LogSummary.of(error))
            await sink(.failure(error))
            return .done
        }
    }

    func pollingEnded(_ id: UInt64) {
        if pollingRun?.id == id { pollingRun = nil }
    }
}

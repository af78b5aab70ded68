/// Runs `operation`, throwing `timeoutError()` and cancelling it if it has not finished within `limit`.
///
/// `nil` runs the operation without a limit. The timer sleeps on `timeSource`, so tests drive it
/// with a virtual clock. Cancellation of the calling task cancels the operation as usual.
func withTimeLimit<T: Sendable>(
    _ limit: Duration?,
    timeSource: any TimeSource,
    timeoutError: @escaping @Sendable () -> APIError,
    operation: @escaping @Sendable () async throws -> T
) async throws -> T {
    guard let limit else { return try await operation() }
    guard limit > .zero else { throw timeoutError() }
    return try await withThrowingTaskGroup(of: T.self) { group in
        group.addTask { try await operation() }
        group.addTask {
            try await timeSource.sleep(for: limit)
            throw timeoutError()
        }
        defer { group.cancelAll() }
        guard let first = try await group.next() else { throw timeoutError() }
        return first
    }
}

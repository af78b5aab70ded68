import AuthCore

/// Runs `operation`, cancelling it and throwing `timeoutError()` when it has not finished within
/// `limit`. A limit of zero or less fails at once.
///
/// AsyncHTTPClient's own deadline stops at the response head, so the transport enforces the
/// limit over the whole attempt, body included, itself.
func withWholeAttemptLimit<T: Sendable>(
    _ limit: Duration,
    timeoutError: @escaping @Sendable () -> APIError,
    operation: @escaping @Sendable () async throws -> T
) async throws -> T {
    guard limit > .zero else { throw timeoutError() }
    return try await withThrowingTaskGroup(of: T.self) { group in
        group.addTask(operation: operation)
        group.addTask {
            try await SystemTimeSource().sleep(for: limit)
            throw timeoutError()
        }
        defer { group.cancelAll() }
        guard let first = try await group.next() else { throw timeoutError() }
        return first
    }
}

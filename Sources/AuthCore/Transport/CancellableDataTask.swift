import Dispatch
import Foundation
import Synchronization

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Runs one URLSession data task from async code, and cancels it without blocking the canceller.
///
/// FoundationNetworking's own `data(for:)` cancels its task synchronously inside the Swift task's
/// cancellation handler, which runs while the cancelling thread holds that task's lock. When a time
/// limit fired just as the response completed, the two threads waited on each other inside
/// FoundationNetworking and the call never returned. Here the handler only hands the cancel to
/// another queue, and the completion handler runs on the session's own queue, so neither side
/// waits while holding the other's lock.
enum CancellableDataTask {
    static func data(for request: URLRequest, session: URLSession) async throws -> (Data, URLResponse) {
        let state = DataTaskState()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation {
                (continuation: CheckedContinuation<(Data, URLResponse), any Error>) in
                let task = session.dataTask(with: request) { data, response, error in
                    if let error {
                        continuation.resume(throwing: error)
                    } else if let response {
                        continuation.resume(returning: (data ?? Data(), response))
                    } else {
                        continuation.resume(throwing: URLError(.badServerResponse))
                    }
                }
                state.start(task)
            }
        } onCancel: {
            state.cancel()
        }
    }
}

/// The task of one call and whether the call was cancelled, whichever happens first.
private final class DataTaskState: Sendable {
    private let state = Mutex<(task: URLSessionDataTask?, cancelled: Bool)>((nil, false))

    /// Starts `task`, or cancels it at once when the call was cancelled before the task existed
    /// (its completion handler then reports the cancellation).
    func start(_ task: URLSessionDataTask) {
        let cancelled = state.withLock { current -> Bool in
            current.task = task
            return current.cancelled
        }
        task.resume()
        if cancelled { Self.cancelLater(task) }
    }

    /// Marks the call cancelled and cancels its task, if it has one, on another queue.
    func cancel() {
        let task = state.withLock { current -> URLSessionDataTask? in
            current.cancelled = true
            return current.task
        }
        if let task { Self.cancelLater(task) }
    }

    private static func cancelLater(_ task: URLSessionDataTask) {
        let box = UncheckedTask(task: task)
        DispatchQueue.global().async { box.task.cancel() }
    }
}

/// URLSessionTask is thread-safe but not declared `Sendable` on every platform.
private struct UncheckedTask: @unchecked Sendable {
    let task: URLSessionDataTask
}

/// One outcome of a periodic asset fetch.
public enum FlowerhubPollEvent: Sendable {
    /// A fresh status.
    case update(FlowerhubStatus)
    /// A fetch failed; polling goes on (a failure that needs a new login ends polling instead).
    case failure(any Error)

    /// The status of an ``update(_:)``, else `nil`.
    public var status: FlowerhubStatus? {
        if case .update(let status) = self { return status }
        return nil
    }

    /// The error of a ``failure(_:)``, else `nil`.
    public var error: (any Error)? {
        if case .failure(let error) = self { return error }
        return nil
    }
}

/// The running poll loop of a client.
struct PollingRun: Sendable {
    let id: UInt64
    let task: Task<Void, Never>
}

/// How one tick ended.
enum PollTickOutcome: Sendable {
    case done
    case fatal(any Error)
    case cancelled
}

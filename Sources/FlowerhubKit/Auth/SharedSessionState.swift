import Synchronization

/// The client state the cookie session's refresh closure must reach: it is created before the
/// client actor exists, so it cannot call into it. Guarded by a mutex; holds no secrets.
final class SharedSessionState: Sendable {
    private struct State {
        var assetOwnerId: Int?
        var requestTimeout: Duration?
    }

    private let state: Mutex<State>

    init(requestTimeout: Duration?) {
        state = Mutex(State(assetOwnerId: nil, requestTimeout: requestTimeout))
    }

    var assetOwnerId: Int? {
        get { state.withLock { $0.assetOwnerId } }
        set { state.withLock { $0.assetOwnerId = newValue } }
    }

    var requestTimeout: Duration? {
        get { state.withLock { $0.requestTimeout } }
        set { state.withLock { $0.requestTimeout = newValue } }
    }

    /// The time limit of one attempt: the call's, else the client's; zero or less means none.
    func effectiveTimeout(_ call: Duration?) -> Duration? {
        guard let timeout = call ?? requestTimeout, timeout > .zero else { return nil }
        return timeout
    }
}

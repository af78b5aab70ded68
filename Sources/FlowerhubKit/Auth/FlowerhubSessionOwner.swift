import Synchronization

/// The asset owner the session acts for: set by a login, by the caller, and by a refresh answer.
///
/// AuthCore's ``CookieSession`` sends the refresh itself and runs the refresh endpoint's decoding
/// outside the client actor, so the id lives here, behind a mutex, rather than in the actor. It
/// holds nothing else and no secret.
final class FlowerhubSessionOwner: Sendable {
    private let id = Mutex<Int?>(nil)

    /// The asset owner id, or `nil`.
    var assetOwnerId: Int? {
        get { id.withLock { $0 } }
        set { id.withLock { $0 = newValue } }
    }
}

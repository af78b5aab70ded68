import AuthCore
import Synchronization

/// What the credential layer did during one OdynKit call: the credential values it put on the
/// requests, and the failures it threw while obtaining a credential.
///
/// The pipeline scrubs what it sends from the errors it builds, but OdynKit reads some bodies
/// itself (the inner answers of a `$batch`, a 2xx body that is not JSON), and only the client knows
/// whether a failure came from the token endpoint or from Business Central. The record is bound to
/// the calling task for the length of one ``OdynClient`` request.
final class CallRecord: Sendable {
    /// The record of the call running in this task, if any.
    @TaskLocal static var current: CallRecord?

    private struct State {
        var credentialValues: [String] = []
        var credentialFailures: [(url: String?, status: Int?)] = []
    }

    private let state = Mutex(State())

    /// Remembers the value of a credential header the authenticator set.
    func noteCredential(_ value: String) {
        state.withLock { state in
            if !state.credentialValues.contains(value) { state.credentialValues.append(value) }
        }
    }

    /// Remembers that obtaining or restoring a credential failed with `error`.
    func noteCredentialFailure(_ error: APIError) {
        state.withLock { $0.credentialFailures.append((error.url, error.status)) }
    }

    /// The credential header values sent during the call.
    var credentialValues: [String] { state.withLock { $0.credentialValues } }

    /// Whether `error` is one the credential layer threw (a token endpoint's answer), not an answer
    /// of Business Central: it carries the URL and status of a recorded credential failure.
    func isCredentialFailure(_ error: APIError) -> Bool {
        guard error.status != nil, error.url != nil else { return false }
        return state.withLock { state in
            state.credentialFailures.contains { $0.url == error.url && $0.status == error.status }
        }
    }
}

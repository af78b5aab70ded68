import AuthCore
import HTTPTypes

/// Wraps the session's authenticator to tell the running call (``CallRecord``) which credential
/// values it sent and which failures came from obtaining a credential rather than from Business Central.
struct RecordingAuthenticator: APIAuthenticator {
    let base: any APIAuthenticator

    func authenticate(_ request: inout HTTPRequest) async throws -> CredentialVersion {
        let before = request.headerFields
        let version: CredentialVersion
        do {
            version = try await base.authenticate(&request)
        } catch let error as APIError {
            CallRecord.current?.noteCredentialFailure(error)
            throw error
        }
        if let record = CallRecord.current {
            for field in request.headerFields where !before.contains(field) {
                record.noteCredential(field.value)
            }
        }
        return version
    }

    func recover(
        fromRejectionOf version: CredentialVersion,
        error: APIError,
        channel: RecoveryChannel
    ) async throws -> Bool {
        do {
            return try await base.recover(fromRejectionOf: version, error: error, channel: channel)
        } catch let failure as APIError {
            CallRecord.current?.noteCredentialFailure(failure)
            throw failure
        }
    }

    func isAuthenticationChallenge(_ error: APIError) -> Bool {
        base.isAuthenticationChallenge(error)
    }
}

extension RecordingAuthenticator: CustomReflectable {
    /// Shows nothing of the wrapped authenticator, which holds credentials.
    var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}

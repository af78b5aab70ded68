import AuthCore
import Logging

/// What the client logs about a failure: its kind and HTTP status, never its text.
///
/// Error texts quote what servers send, and an error page may print the request's `Cookie`
/// header or a submitted password in a form no scrubbing recognises (cut short, re-encoded).
/// Logs are kept long and shipped widely, so they get the kind and status only; the error
/// itself goes to the caller.
enum LogSummary {
    /// `error_kind` and `status` metadata for `error`.
    static func of(_ error: any Error) -> Logger.Metadata {
        switch error {
        case let apiError as APIError:
            return ["error_kind": "\(apiError.kind)", "status": "\(apiError.status.map(String.init) ?? "-")"]
        case let flowerhubError as FlowerhubError:
            return [
                "error_kind": "\(flowerhubError.code)", "status": "\(flowerhubError.status.map(String.init) ?? "-")",
            ]
        default:
            return ["error_kind": "\(type(of: error))", "status": "-"]
        }
    }
}

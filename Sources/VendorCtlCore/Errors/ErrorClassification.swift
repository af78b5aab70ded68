import ArgumentParser
import AuthCore
import FlowerhubKit
import Foundation
import OdynKit
import UtecKit
import ViessmannKit

/// Sorts an error into its exit-code class and the one line `vendorctl` prints for it.
///
/// Every text used here is already redacted by its type (AuthCore, the kits, the tool's own
/// failures), so the line never holds a password, token, cookie or client secret.
enum ErrorClassification {
    static func exitCode(for error: any Error) -> VendorCtlExitCode {
        switch error {
        case let failure as CommandFailure: return failure.exitCode
        case let apiError as APIError: return exitCode(for: apiError)
        case let flowerhub as FlowerhubError:
            return flowerhub.code == .invalidArgument ? .usage : .server
        case let odyn as OdynError: return exitCode(for: odyn)
        case let utec as UtecError: return utec.code == .deviceError || utec.code == .deviceMissing ? .refused : .usage
        case let viessmann as ViessmannError: return exitCode(for: viessmann)
        case let store as TokenStoreError:
            return store.code == .corrupt ? .authentication : .localFiles
        case is CancellationError: return .cancelled
        case is ValidationError: return .usage
        default: return .failure
        }
    }

    static func exitCode(for error: APIError) -> VendorCtlExitCode {
        if error.requiresReauthentication { return .authentication }
        switch error.kind {
        case .transport, .timeout: return .network
        case .server, .rateLimited, .invalidResponse, .decoding: return .server
        case .client: return .refused
        case .cancelled: return .cancelled
        case .invalidConfiguration: return .usage
        default: return .failure
        }
    }

    static func exitCode(for error: OdynError) -> VendorCtlExitCode {
        let serverSide: Set<OdynError.Code> = [
            .invalidODataResponse, .decodingFailed, .paginationLoop, .pageLimitReached, .untrustedNextLink,
        ]
        return serverSide.contains(error.code) ? .server : .usage
    }

    static func exitCode(for error: ViessmannError) -> VendorCtlExitCode {
        switch error.code {
        case .invalidResponse, .paginationLoop: return .server
        case .authorizationFlow: return .authentication
        default: return .usage
        }
    }

    /// `vendorctl: <class>: <reason>` on one line; a refused credential gets `hint` at the end.
    static func line(for error: any Error, signInHint hint: String = "sign in again") -> String {
        let code = exitCode(for: error)
        var reason = String(describing: error)
        if let apiError = error as? APIError, apiError.requiresReauthentication {
            reason += " (\(hint))"
        }
        let flat = reason.split(whereSeparator: \.isNewline).joined(separator: " ")
        return "vendorctl: \(code.label): \(flat)\n"
    }
}

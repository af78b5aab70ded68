import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Which network-level failures are worth retrying.
///
/// An explicit allow-list, like Alamofire's: every code not listed is permanent. Errors that
/// happen before the request can have reached the server (``connectionFailures``) are safe to
/// retry for any method; the others only for idempotent ones.
public struct TransientTransportErrors: Sendable, Equatable {
    /// Codes after which the request certainly never reached the server.
    public var connectionFailures: Set<URLError.Code>
    /// Codes after which the server may or may not have seen the request.
    public var midRequestFailures: Set<URLError.Code>

    /// Creates a list.
    public init(connectionFailures: Set<URLError.Code>, midRequestFailures: Set<URLError.Code>) {
        self.connectionFailures = connectionFailures
        self.midRequestFailures = midRequestFailures
    }

    /// The default list.
    ///
    /// Retried: cannot connect or resolve (DNS), not connected, connection lost mid-request,
    /// secure connection failed during the handshake, bad server response, time-outs.
    /// Not retried, on purpose: `cancelled` (the caller asked), `badURL`/`unsupportedURL`
    /// (will never work), certificate trust failures (retrying will not fix trust),
    /// `userAuthenticationRequired` (needs credentials), file and resource errors.
    public static let `default` = TransientTransportErrors(
        connectionFailures: [.cannotFindHost, .cannotConnectToHost, .dnsLookupFailed, .notConnectedToInternet],
        midRequestFailures: [
            .networkConnectionLost, .timedOut, .badServerResponse, .secureConnectionFailed,
            .cannotLoadFromNetwork, .resourceUnavailable,
        ]
    )

    /// An empty list: no transport error is retried.
    public static let none = TransientTransportErrors(connectionFailures: [], midRequestFailures: [])

    /// Whether `error` (a `URLError`, possibly under an `APIError`) is on the list.
    public func isTransient(_ error: (any Error)?) -> Bool {
        guard let code = urlErrorCode(error) else { return false }
        return connectionFailures.contains(code) || midRequestFailures.contains(code)
    }

    /// Whether `error` certainly happened before the server saw the request.
    public func isConnectionFailure(_ error: (any Error)?) -> Bool {
        guard let code = urlErrorCode(error) else { return false }
        return connectionFailures.contains(code)
    }

    private func urlErrorCode(_ error: (any Error)?) -> URLError.Code? {
        switch error {
        case let urlError as URLError: return urlError.code
        case let apiError as APIError: return urlErrorCode(apiError.underlying)
        default: return nil
        }
    }
}

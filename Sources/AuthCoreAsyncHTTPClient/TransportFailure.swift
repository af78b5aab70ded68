import AsyncHTTPClient
import AuthCore
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Turns AsyncHTTPClient and SwiftNIO failures into the errors URLSession reports for the same
/// failure, so ``AuthCore/TransientTransportErrors`` and the retry middleware decide alike
/// whichever transport a client uses.
enum TransportFailure {
    /// The ``APIError`` for a failure of an attempt.
    static func apiError(for error: any Error, method: String) -> APIError {
        if error is CancellationError || Task.isCancelled {
            return APIError(kind: .cancelled, message: "the request was cancelled", method: method, underlying: error)
        }
        if let tooLarge = error as? AsyncHTTPClientTransport.ResponseBodyTooLarge {
            return APIError(
                kind: .invalidResponse, message: "the response body is larger than \(tooLarge.limit) bytes",
                method: method, underlying: tooLarge)
        }
        if let clientError = error as? HTTPClientError, clientError == .alreadyShutdown {
            return APIError(kind: .invalidConfiguration, message: "the HTTP client was shut down", method: method)
        }
        return APIError.fromTransportFailure(urlError(for: error) ?? error, method: method, url: nil)
    }

    /// `error` as the `URLError` URLSession gives for the same failure, with `error` itself under
    /// `NSUnderlyingErrorKey`; `nil` when URLSession has no counterpart.
    static func urlError(for error: any Error) -> URLError? {
        if let urlError = error as? URLError { return urlError }
        guard let code = code(for: error) else { return nil }
        return URLError(code, userInfo: [NSUnderlyingErrorKey: error])
    }

    /// The `URLError` code of a failure.
    static func code(for error: any Error) -> URLError.Code? {
        switch error {
        case let error as HTTPClientError: return code(for: error)
        case let error as NIOConnectionError:
            // No connection was made to any address: DNS found none, or each refused or timed out.
            guard let first = error.connectionErrors.first else { return .cannotFindHost }
            return code(for: first.error) == .timedOut ? .timedOut : .cannotConnectToHost
        case let error as IOError: return code(errno: error.errnoCode)
        case let error as ChannelError: return code(for: error)
        case is HTTPParserError: return .badServerResponse
        case let error as NIOSSLExtraError:
            return error == .failedToValidateHostname || error == .serverHostnameImpossibleToMatch
                ? .serverCertificateUntrusted : .secureConnectionFailed
        case let error as NIOSSLError:
            if case .handshakeFailed(let reason) = error, isCertificateFailure(reason) {
                return .serverCertificateUntrusted
            }
            return .secureConnectionFailed
        case is BoringSSLError: return .secureConnectionFailed
        default: return nil
        }
    }

    private static func code(for error: HTTPClientError) -> URLError.Code? {
        switch error {
        case .remoteConnectionClosed, .uncleanShutdown: return .networkConnectionLost
        case .connectTimeout, .readTimeout, .writeTimeout, .deadlineExceeded, .tlsHandshakeTimeout,
            .socksHandshakeTimeout, .httpProxyHandshakeTimeout, .getConnectionFromPoolTimeout:
            return .timedOut
        case .cancelled, .requestStreamCancelled: return .cancelled
        case .redirectLimitReached, .redirectCycleDetected: return .httpTooManyRedirects
        case .invalidURL, .emptyHost, .emptyScheme, .missingSocketPath: return .badURL
        case .invalidProxyResponse, .bodyLengthMismatch,
            .identityCodingIncorrectlyPresent, .contentLengthMissing:
            return .badServerResponse
        case .proxyAuthenticationRequired: return .userAuthenticationRequired
        default: return nil
        }
    }

    private static func code(for error: ChannelError) -> URLError.Code? {
        switch error {
        case .connectTimeout: return .timedOut
        case .ioOnClosedChannel, .alreadyClosed, .eof, .outputClosed, .inputClosed: return .networkConnectionLost
        case .writeHostUnreachable: return .cannotConnectToHost
        default: return nil
        }
    }

    private static func code(errno: CInt) -> URLError.Code? {
        switch errno {
        case ECONNREFUSED, ENETUNREACH, EHOSTUNREACH, EHOSTDOWN, EADDRNOTAVAIL: return .cannotConnectToHost
        case ENETDOWN: return .notConnectedToInternet
        case ECONNRESET, ECONNABORTED, EPIPE, ENOTCONN, ESHUTDOWN: return .networkConnectionLost
        case ETIMEDOUT: return .timedOut
        default: return nil
        }
    }

    /// Whether a TLS handshake failed because the certificate was not trusted (retrying cannot fix
    /// that), rather than for a reason a new connection may not meet.
    private static func isCertificateFailure(_ error: BoringSSLError) -> Bool {
        guard case .sslError(let stack) = error else { return false }
        return stack.contains { $0.description.contains("CERTIFICATE_VERIFY_FAILED") }
    }
}

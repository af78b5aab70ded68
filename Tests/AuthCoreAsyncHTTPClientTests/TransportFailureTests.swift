import AsyncHTTPClient
import AuthCore
import Foundation
import NIOCore
import NIOHTTP1
import NIOSSL
import Testing

@testable import AuthCoreAsyncHTTPClient

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// SwiftNIO and AsyncHTTPClient failures become the `URLError` codes URLSession reports for the
/// same failure, so the retry rules treat both transports alike.
@Suite("AsyncHTTPClient failures as URLSession's")
struct TransportFailureTests {
    struct Mapping: Sendable, CustomStringConvertible {
        let error: any Error & Sendable
        let code: URLError.Code?
        let transient: Bool
        let connectionFailure: Bool
        var description: String { "\(error) -> \(code.map { "\($0.rawValue)" } ?? "no URLError")" }
    }

    static let mappings: [Mapping] = [
        Mapping(
            error: IOError(errnoCode: ECONNREFUSED, reason: "connect"), code: .cannotConnectToHost, transient: true,
            connectionFailure: true),
        Mapping(
            error: IOError(errnoCode: ECONNRESET, reason: "read"), code: .networkConnectionLost, transient: true,
            connectionFailure: false),
        Mapping(
            error: IOError(errnoCode: EPIPE, reason: "write"), code: .networkConnectionLost, transient: true,
            connectionFailure: false),
        Mapping(
            error: IOError(errnoCode: ETIMEDOUT, reason: "read"), code: .timedOut, transient: true,
            connectionFailure: false),
        Mapping(
            error: IOError(errnoCode: ENETDOWN, reason: "connect"), code: .notConnectedToInternet, transient: true,
            connectionFailure: true),
        Mapping(
            error: HTTPClientError.remoteConnectionClosed, code: .networkConnectionLost, transient: true,
            connectionFailure: false),
        Mapping(error: HTTPClientError.connectTimeout, code: .timedOut, transient: true, connectionFailure: false),
        Mapping(error: HTTPClientError.readTimeout, code: .timedOut, transient: true, connectionFailure: false),
        Mapping(
            error: HTTPClientError.redirectLimitReached, code: .httpTooManyRedirects, transient: false,
            connectionFailure: false),
        Mapping(
            error: HTTPClientError.bodyLengthMismatch, code: .badServerResponse, transient: true,
            connectionFailure: false),
        Mapping(error: HTTPClientError.invalidURL, code: .badURL, transient: false, connectionFailure: false),
        Mapping(
            error: ChannelError.connectTimeout(.seconds(1)), code: .timedOut, transient: true,
            connectionFailure: false),
        Mapping(error: ChannelError.eof, code: .networkConnectionLost, transient: true, connectionFailure: false),
        Mapping(
            error: HTTPParserError.invalidHeaderToken, code: .badServerResponse, transient: true,
            connectionFailure: false),
        Mapping(
            error: NIOSSLExtraError.failedToValidateHostname, code: .serverCertificateUntrusted, transient: false,
            connectionFailure: false),
        Mapping(
            error: NIOSSLError.handshakeFailed(.sslError([])), code: .secureConnectionFailed, transient: true,
            connectionFailure: false),
        Mapping(
            error: NIOSSLError.uncleanShutdown, code: .secureConnectionFailed, transient: true,
            connectionFailure: false),
    ]

    @Test("each failure maps to URLSession's code, and so to the same retry decision", arguments: mappings)
    func mapping(_ mapping: Mapping) {
        let error = TransportFailure.apiError(for: mapping.error, method: "GET")
        let urlError = error.underlying as? URLError
        #expect(urlError?.code == mapping.code)
        #expect(error.isTransient == mapping.transient)
        #expect(TransientTransportErrors.default.isConnectionFailure(error) == mapping.connectionFailure)
        #expect(error.url == nil)
        let original = urlError?.userInfo[NSUnderlyingErrorKey] as? any Error
        #expect(original.map { "\($0)" } == "\(mapping.error)", "the NIO error stays underneath")
    }

    @Test("time-outs are timeout errors, cancellations cancelled, unknown failures stay underneath as they are")
    func kinds() {
        #expect(TransportFailure.apiError(for: HTTPClientError.deadlineExceeded, method: "GET").kind == .timeout)
        #expect(TransportFailure.apiError(for: HTTPClientError.cancelled, method: "GET").kind == .cancelled)
        #expect(TransportFailure.apiError(for: CancellationError(), method: "GET").kind == .cancelled)
        let unknown = TransportFailure.apiError(for: ChannelError.unremovableHandler, method: "GET")
        #expect(unknown.kind == .transport)
        #expect(unknown.isTransient == false)
        #expect(unknown.underlying is ChannelError)
        let shutDown = TransportFailure.apiError(for: HTTPClientError.alreadyShutdown, method: "GET")
        #expect(shutDown.kind == .invalidConfiguration)
    }

    @Test("durations of any size become nanoseconds without overflow")
    func clampedNanoseconds() {
        typealias Configuration = AsyncHTTPClientTransport.Configuration
        #expect(Configuration.clampedNanoseconds(.milliseconds(1500)) == 1_500_000_000)
        #expect(Configuration.clampedNanoseconds(.seconds(Int64.max)) == .max)
        #expect(Configuration.clampedNanoseconds(Durations.limit) == .max)
        #expect(Configuration.clampedNanoseconds(.seconds(8_999_999_999)) == 8_999_999_999 * 1_000_000_000)
        #expect(Configuration.clampedNanoseconds(.seconds(-5)) == 1)
        #expect(Configuration.clampedNanoseconds(.zero) == 1)
    }
}

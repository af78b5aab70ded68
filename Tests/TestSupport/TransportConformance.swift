import AuthCore
import Foundation
import HTTPTypes

/// The behaviour every ``HTTPTransport`` of the project shares, checked over real sockets against
/// ``LoopbackHTTPServer``.
///
/// Each transport's test suite runs every ``Check`` against its transport, so URLSession and
/// AsyncHTTPClient cannot drift apart: a rule added here is a rule both must keep. A check
/// returns what it found wrong (empty when the transport conforms) instead of recording test
/// issues itself, so this target does not depend on a test framework:
///
/// ```swift
/// @Test("conforms to the shared transport rules", arguments: TransportConformance.Check.allCases)
/// func conformance(_ check: TransportConformance.Check) async {
///     let problems = await TransportConformance.run(check, transport: transport)
///     #expect(problems.isEmpty, "\(problems)")
/// }
/// ```
public enum TransportConformance {
    /// One rule of the transport contract.
    public enum Check: String, CaseIterable, Sendable, CustomStringConvertible {
        /// A JSON request and response travel intact, headers and query included.
        case roundTrip
        /// Error statuses come back as responses, so the client maps them (with `Retry-After`).
        case errorStatus
        /// The limit covers the whole attempt: it fires while the server is still sending bytes.
        case wholeAttemptTimeout
        /// A refused connection is a transient transport error that never reached the server.
        case refusedConnection
        /// A response cut short is a transient transport error.
        case truncatedResponse
        /// Cancelling the calling task ends the call at once, before the server answers.
        case cancellation
        /// Cookies live in the client's `CookieJar`, never in a store the transport shares.
        case cookiesInJar
        /// Repeated `Set-Cookie` fields arrive as separate cookies; commas in dates and values stay.
        case repeatedSetCookieFields
        /// `Authorization`, `Cookie` and `Proxy-Authorization` do not follow a redirect to another
        /// origin, and do not come back when the chain returns to the first one.
        case crossOriginRedirect
        /// A redirect within the origin keeps every header.
        case sameOriginRedirect
        /// 301 and 302 after a POST, and 303 after any method, continue as a GET without the body.
        case redirectToGet
        /// Other redirects (301 and 302 after PUT, 307, 308) keep the method.
        case redirectKeepsMethod
        /// Redirects that keep the method send the body again.
        case redirectResendsBody
        /// More than 20 redirects in a row fail as a permanent transport error.
        case redirectLimit
        /// 300, 304 and a redirect without `Location` come back as responses.
        case unfollowedRedirects

        /// What the check proves.
        public var description: String {
            switch self {
            case .roundTrip: "a JSON request and response travel intact"
            case .errorStatus: "error statuses come back as responses and map to typed errors"
            case .wholeAttemptTimeout: "the whole-attempt timeout fires although the server is still sending"
            case .refusedConnection: "a refused connection is a transient transport error"
            case .truncatedResponse: "a response cut short is a transient transport error"
            case .cancellation: "cancelling the task ends the call before the server answers"
            case .cookiesInJar: "cookies set over the wire are kept by the client's jar, not a shared store"
            case .repeatedSetCookieFields: "repeated Set-Cookie fields come back as separate cookies"
            case .crossOriginRedirect: "credentials do not follow a redirect to another origin"
            case .sameOriginRedirect: "a redirect within the origin keeps the credentials"
            case .redirectToGet: "301/302 after POST and 303 continue as GET without the body"
            case .redirectKeepsMethod: "301/302 after PUT, 307 and 308 keep the method"
            case .redirectResendsBody: "redirects that keep the method send the body again"
            case .redirectLimit: "more than 20 redirects fail as a permanent transport error"
            case .unfollowedRedirects: "300, 304 and a redirect without Location come back as responses"
            }
        }
    }

    /// Runs `check` against `transport` and returns what was wrong; empty when it conforms.
    ///
    /// The transport's default timeout should be a few seconds at least: some checks wait for a
    /// slow server and rely on a shorter limit or a cancellation to end the call.
    public static func run(_ check: Check, transport: any HTTPTransport) async -> [String] {
        var problems = Problems()
        do {
            switch check {
            case .roundTrip: try await roundTrip(transport, &problems)
            case .errorStatus: try await errorStatus(transport, &problems)
            case .wholeAttemptTimeout: try await wholeAttemptTimeout(transport, &problems)
            case .refusedConnection: try await refusedConnection(transport, &problems)
            case .truncatedResponse: try await truncatedResponse(transport, &problems)
            case .cancellation: try await cancellation(transport, &problems)
            case .cookiesInJar: try await cookiesInJar(transport, &problems)
            case .repeatedSetCookieFields: try await repeatedSetCookieFields(transport, &problems)
            case .crossOriginRedirect: try await crossOriginRedirect(transport, &problems)
            case .sameOriginRedirect: try await sameOriginRedirect(transport, &problems)
            case .redirectToGet: try await redirectToGet(transport, &problems)
            case .redirectKeepsMethod: try await redirectKeepsMethod(transport, &problems)
            case .redirectResendsBody: try await redirectResendsBody(transport, &problems)
            case .redirectLimit: try await redirectLimit(transport, &problems)
            case .unfollowedRedirects: try await unfollowedRedirects(transport, &problems)
            }
        } catch {
            problems.fail("unexpected error: \(error)")
        }
        return problems.list
    }
}

/// What a check found wrong.
struct Problems {
    private(set) var list: [String] = []

    mutating func expect(_ condition: Bool, _ message: @autoclosure () -> String) {
        if !condition { list.append(message()) }
    }

    mutating func fail(_ message: String) {
        list.append(message)
    }
}

extension TransportConformance {
    /// A client over `transport` for `server`, without retries.
    static func client(
        _ server: LoopbackHTTPServer, _ transport: any HTTPTransport,
        configure: (inout APIClient.Configuration) -> Void = { _ in }
    ) throws -> APIClient {
        var configuration = APIClient.Configuration(baseURL: server.baseURL, retryPolicy: .none)
        configure(&configuration)
        return try APIClient(configuration: configuration, transport: transport)
    }

    /// A request straight to `server`, for checks that look at what the transport alone does.
    static func request(_ method: HTTPRequest.Method, _ server: LoopbackHTTPServer, _ path: String) -> HTTPRequest {
        HTTPRequest(method: method, scheme: "http", authority: "127.0.0.1:\(server.port)", path: path)
    }

    /// A JSON body naming the echoed request header, or `none`.
    static func echo(_ name: String, of request: LoopbackRequest) -> LoopbackResponse {
        LoopbackResponse(
            status: 200, headers: [("Content-Type", "application/json")],
            body: Data(#"{"\#(name)":"\#(request.headers[name] ?? "none")"}"#.utf8))
    }
}

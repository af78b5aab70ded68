import Foundation
import HTTPTypes

/// One API operation: where it goes, what it sends, and how its answer is read.
///
/// Kits define their operations as `Endpoint` values and hand them to ``APIClient/send(_:options:)``.
/// The path is relative to the client's base URL, or an absolute `https` URL (pagination links).
public struct Endpoint<Response: Sendable>: Sendable {
    /// The HTTP method.
    public var method: HTTPRequest.Method
    /// The path relative to the base URL (percent-encoded as needed), or an absolute URL.
    /// It may already carry a query string; ``query`` is then appended with `&`.
    public var path: String
    /// Query parameters, percent-encoded strictly (a space is `%20`, `&`, `=`, `+` are escaped).
    public var query: [URLQueryItem]
    /// Header fields for this operation.
    public var headers: HTTPFields
    /// The request body.
    public var body: APIRequestBody?
    /// Whether the authentication layer applies credentials. `false` for login and token endpoints.
    public var requiresAuthentication: Bool
    /// Whether bodies carry secrets (credentials, tokens); such bodies are never kept in errors.
    public var containsSecrets: Bool
    /// Secret values this request sends that AuthCore cannot recognise by name; they are removed
    /// from every error built from the response, as are credentials, cookies and secret members
    /// of the body, which AuthCore finds itself.
    public var secrets: [Secret]
    /// Overrides whether repeating the request is safe; `nil` decides by method.
    public var isIdempotent: Bool?
    /// Which statuses count as success. Default: 2xx.
    public var acceptableStatus: @Sendable (Int) -> Bool
    /// The vendor's error-envelope reader; `nil` uses the client's.
    public var errorDecoder: ErrorEnvelopeDecoder?
    /// Turns an accepted response into the result.
    public var decode: @Sendable (RawResponse) throws -> Response

    /// Creates an endpoint.
    public init(
        method: HTTPRequest.Method,
        path: String,
        query: [URLQueryItem] = [],
        headers: HTTPFields = [:],
        body: APIRequestBody? = nil,
        requiresAuthentication: Bool = true,
        containsSecrets: Bool = false,
        secrets: [Secret] = [],
        isIdempotent: Bool? = nil,
        acceptableStatus: @escaping @Sendable (Int) -> Bool = { (200..<300).contains($0) },
        errorDecoder: ErrorEnvelopeDecoder? = nil,
        decode: @escaping @Sendable (RawResponse) throws -> Response
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
        self.requiresAuthentication = requiresAuthentication
        self.containsSecrets = containsSecrets
        self.secrets = secrets
        self.isIdempotent = isIdempotent
        self.acceptableStatus = acceptableStatus
        self.errorDecoder = errorDecoder
        self.decode = decode
    }

    /// The same request read differently.
    public func map<Other: Sendable>(_ transform: @escaping @Sendable (RawResponse) throws -> Other) -> Endpoint<Other>
    {
        Endpoint<Other>(
            method: method, path: path, query: query, headers: headers, body: body,
            requiresAuthentication: requiresAuthentication, containsSecrets: containsSecrets, secrets: secrets,
            isIdempotent: isIdempotent, acceptableStatus: acceptableStatus, errorDecoder: errorDecoder,
            decode: transform
        )
    }
}

import Foundation
import HTTPTypes

extension Endpoint where Response: Decodable {
    /// An endpoint whose JSON answer decodes into `Response`. Sets `Accept: application/json`.
    public static func json(
        _ method: HTTPRequest.Method,
        _ path: String,
        query: [URLQueryItem] = [],
        headers: HTTPFields = [:],
        body: APIRequestBody? = nil,
        requiresAuthentication: Bool = true,
        decoder: JSONDecoder = JSONDecoder()
    ) -> Endpoint {
        var fields = headers
        if fields[.accept] == nil { fields[.accept] = "application/json" }
        let box = JSONDecoderBox(decoder)
        return Endpoint(
            method: method, path: path, query: query, headers: fields, body: body,
            requiresAuthentication: requiresAuthentication,
            decode: { response in try JSONResponse.decode(Response.self, from: response, decoder: box.decoder) }
        )
    }
}

extension Endpoint where Response == RawResponse {
    /// An endpoint that returns the response as it came (after status checks).
    public static func raw(
        _ method: HTTPRequest.Method,
        _ path: String,
        query: [URLQueryItem] = [],
        headers: HTTPFields = [:],
        body: APIRequestBody? = nil,
        requiresAuthentication: Bool = true
    ) -> Endpoint {
        Endpoint(
            method: method, path: path, query: query, headers: headers, body: body,
            requiresAuthentication: requiresAuthentication, decode: { $0 }
        )
    }
}

/// Carries a `JSONDecoder` into `Sendable` values and `@Sendable` closures.
///
/// A decoder is only read from while decoding, never changed, so sharing one across tasks is safe;
/// `JSONDecoder` itself is not marked `Sendable` on every platform.
public struct JSONDecoderBox: @unchecked Sendable {
    /// The decoder.
    public let decoder: JSONDecoder

    /// Wraps `decoder`.
    public init(_ decoder: JSONDecoder = JSONDecoder()) {
        self.decoder = decoder
    }
}

/// Reading JSON bodies with errors that say what was wrong.
///
/// The errors carry the raw body but no URL and no excerpt: ``APIClient`` adds both, redacted
/// with the client's own redactor, when the error leaves ``APIClient/send(_:options:)``.
public enum JSONResponse {
    /// Decodes `type` from the response body.
    ///
    /// - Throws: ``APIError`` of kind `invalidResponse` for an empty body, an HTML page, or text
    ///   that is not JSON (malformed or truncated); of kind `decoding` for JSON of the wrong shape.
    public static func decode<T: Decodable>(
        _ type: T.Type, from response: RawResponse, decoder: JSONDecoder = JSONDecoder()
    ) throws -> T {
        try rejectNonJSON(response)
        do {
            return try decoder.decode(T.self, from: response.body)
        } catch let error as DecodingError {
            if (try? JSONSerialization.jsonObject(with: response.body, options: [.fragmentsAllowed])) == nil {
                throw malformed(response, underlying: error)
            }
            throw APIError(
                kind: .decoding, message: "response JSON does not match \(T.self): \(APIError.summary(of: error))",
                status: response.status, responseBody: response.body, underlying: error
            )
        }
    }

    /// Parses the body as any JSON value, with the same error rules as ``decode(_:from:decoder:)``.
    public static func parse(_ response: RawResponse) throws -> JSONValue {
        try rejectNonJSON(response)
        do {
            return try JSONValue(jsonData: response.body)
        } catch {
            throw malformed(response, underlying: error)
        }
    }

    /// Throws for an empty body or an HTML page.
    static func rejectNonJSON(_ response: RawResponse) throws {
        if response.body.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            throw APIError(
                kind: .invalidResponse, message: "empty body where JSON was expected", status: response.status)
        }
        if response.looksLikeHTML {
            throw APIError(
                kind: .invalidResponse, message: "HTML page where JSON was expected", status: response.status,
                responseBody: response.body
            )
        }
    }

    static func malformed(_ response: RawResponse, underlying: any Error) -> APIError {
        APIError(
            kind: .invalidResponse, message: "body is not valid JSON (malformed or truncated)", status: response.status,
            responseBody: response.body, underlying: underlying
        )
    }
}

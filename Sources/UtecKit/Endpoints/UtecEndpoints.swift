import AuthCore
import Foundation
import HTTPTypes

/// Every request UtecKit sends: one `POST action` with a JSON envelope, its typed reading, and
/// U-Tec's error-envelope decoder. Nothing else reaches the network.
enum UtecEndpoints {
    /// The action endpoint's path below the base URL.
    static let actionPath = "action"

    /// `request`, its answer read by `read`. Reads may be retried; commands and configuration
    /// changes may not. `secrets` are values in the payload to scrub from any error.
    static func action<Value: Sendable>(
        _ request: UtecActionRequest, secrets: [Secret] = [], headers extra: HTTPFields = [:],
        read: @escaping @Sendable (UtecActionResponse) throws -> Value
    ) throws -> Endpoint<Value> {
        try scrubbedAction(request, secrets: secrets, headers: extra) { response, _ in try read(response) }
    }

    /// Like ``action(_:secrets:headers:read:)``, and `read` also gets a function that removes every
    /// secret the request carried (the bearer token, `secrets`) from text taken from the answer:
    /// a server that echoes the token in a device's error message must not put it in a `UtecError`.
    static func scrubbedAction<Value: Sendable>(
        _ request: UtecActionRequest, secrets: [Secret] = [], headers extra: HTTPFields = [:],
        read: @escaping @Sendable (UtecActionResponse, _ scrub: @escaping @Sendable (String) -> String) throws -> Value
    ) throws -> Endpoint<Value> {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let body: APIRequestBody
        do {
            body = try APIRequestBody.json(request, encoder: encoder)
        } catch {
            throw UtecError(.invalidArgument, "the request payload cannot be encoded as JSON")
        }
        // Caller fields are kept, but the JSON content type, Accept and the credential are UtecKit's.
        let isWrite = !request.header.operation.isIdempotent
        var headers = HTTPFields(extra.filter { ![.contentType, .accept, .authorization].contains($0.name) })
        headers[.accept] = "application/json"
        return Endpoint(
            method: .post, path: actionPath, headers: headers, body: body, containsSecrets: !secrets.isEmpty,
            secrets: secrets, isIdempotent: request.header.operation.isIdempotent,
            errorDecoder: UtecErrorEnvelope.action,
            decode: { raw in
                // The secrets are gathered only when a text is scrubbed (an answer with a device error).
                let scrub: @Sendable (String) -> String = { text in
                    raw.sentSecretScrubber(redactor: .default, also: secrets)(text)
                }
                return try read(UtecEndpoints.response(from: raw, isWrite: isWrite), scrub)
            }
        )
    }

    /// The envelope of an accepted (2xx) answer. An empty (or white-space) body reads as `{}` for
    /// HTTP 204 and, when `isWrite` (a command, a configuration change, logout: nothing to read
    /// back), for any 2xx status; an empty 200 to a read is not JSON and is a decoding error.
    static func response(from raw: RawResponse, isWrite: Bool = false) throws -> UtecActionResponse {
        let blank = raw.body.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
        if blank, raw.status == 204 || (isWrite && (200..<300).contains(raw.status)) {
            return UtecActionResponse(header: nil, payload: [:])
        }
        return try UtecActionResponse(json: JSONResponse.parse(raw))
    }
}

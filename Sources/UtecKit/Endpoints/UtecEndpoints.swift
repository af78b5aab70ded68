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
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let body: APIRequestBody
        do {
            body = try APIRequestBody.json(request, encoder: encoder)
        } catch {
            throw UtecError(.invalidArgument, "the request payload cannot be encoded as JSON")
        }
        // Caller fields are kept, but the JSON content type, Accept and the credential are UtecKit's.
        var headers = HTTPFields(extra.filter { ![.contentType, .accept, .authorization].contains($0.name) })
        headers[.accept] = "application/json"
        return Endpoint(
            method: .post, path: actionPath, headers: headers, body: body, containsSecrets: !secrets.isEmpty,
            secrets: secrets, isIdempotent: request.header.operation.isIdempotent,
            errorDecoder: UtecErrorEnvelope.action,
            decode: { raw in try read(UtecEndpoints.response(from: raw)) }
        )
    }

    /// The envelope of an accepted answer; HTTP 204 (or an empty 2xx body) reads as `{}`.
    static func response(from raw: RawResponse) throws -> UtecActionResponse {
        if raw.body.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }), raw.status == 204 {
            return UtecActionResponse(header: nil, payload: [:])
        }
        return try UtecActionResponse(json: JSONResponse.parse(raw))
    }
}

import AuthCore
import Foundation

extension OdynError {
    /// Translates a pipeline error into the kit's typed error, keeping it underneath.
    ///
    /// Only a failure of obtaining a credential can be a token error: when `fromCredentialSource` is
    /// `true` (``OdynClient`` knows; it is `false` for errors of Business Central requests) and the
    /// token endpoint refused (HTTP 401/403, or an OAuth error such as `invalid_client`), the error is
    /// ``Kind/authentication(error:description:codes:)``. A token endpoint that answered 5xx or 429 is
    /// mapped by its status like any other answer, and stays transient. An `{"error": "…"}` body from
    /// Business Central is never read as a token error: a 429 with it is throttling, a 404 is not found.
    ///
    /// Otherwise HTTP 401 becomes ``Kind/unauthorized(code:message:correlationId:)``; 409/412 and
    /// `Request_EntityChanged` become ``Kind/concurrencyConflict(status:code:message:correlationId:)``;
    /// any other status becomes ``Kind/http(status:code:message:correlationId:)``.
    ///
    /// Codes and messages are read from the error's ``APIError/responseBody`` (falling back to
    /// ``APIError/vendorCode`` and ``APIError/vendorMessage``), which the pipeline has already
    /// scrubbed of every secret the request sent, and are bounded to ``APIError/maximumTextLength``.
    public static func from(_ error: APIError, fromCredentialSource: Bool = false) -> OdynError {
        let refused = error.requiresReauthentication || OAuth2TokenClient.isRefusal(error)
        if fromCredentialSource, error.status != nil, refused {
            let body = EntraTokenError.parse(error.responseBody)
            let code = (body?.error).map { $0.bounded(to: APIError.maximumTextLength / 4) } ?? error.vendorCode
            let description = (body?.errorDescription).map { $0.bounded() } ?? error.vendorMessage
            let kind = Kind.authentication(
                error: code ?? "authentication_failed", description: description, codes: body?.errorCodes ?? []
            )
            return OdynError(kind, apiError: error)
        }
        if error.kind == .cancelled { return OdynError(.cancelled, apiError: error) }
        if error.kind == .timeout && error.status == nil { return OdynError(.timeout, apiError: error) }
        if error.kind == .transport { return OdynError(.transport(reason: error.message), apiError: error) }
        if error.kind == .invalidConfiguration {
            return OdynError(.invalidRequest(reason: error.message), apiError: error)
        }
        guard let status = error.status else {
            if error.requiresReauthentication {
                return OdynError(
                    .authentication(error: "reauthentication_required", description: error.message, codes: []),
                    apiError: error)
            }
            if error.kind == .invalidResponse || error.kind == .decoding {
                return OdynError(.invalidODataResponse(reason: error.message), apiError: error)
            }
            return OdynError(.transport(reason: error.message), apiError: error)
        }
        if (200..<300).contains(status) {
            let unreadable = error.kind == .invalidResponse || error.kind == .decoding
            return OdynError(
                .invalidODataResponse(reason: unreadable ? error.message : "unexpected status \(status)"),
                apiError: error)
        }
        let body = BCServiceError.parse(error.responseBody)
        let code = (body?.code).map { $0.bounded(to: APIError.maximumTextLength / 4) } ?? error.vendorCode
        let message = (body?.message).map { $0.bounded() } ?? error.vendorMessage
        let correlation = body?.correlationId ?? message.flatMap(BCServiceError.correlationId(in:))
        if status == 401 {
            return OdynError(.unauthorized(code: code, message: message, correlationId: correlation), apiError: error)
        }
        if status == 409 || status == 412 || code == "Request_EntityChanged" {
            return OdynError(
                .concurrencyConflict(status: status, code: code, message: message, correlationId: correlation),
                apiError: error
            )
        }
        return OdynError(
            .http(status: status, code: code, message: message, correlationId: correlation), apiError: error)
    }
}

import Foundation
import HTTPTypes

/// Turns responses that are not successes into thrown ``APIError``s, reading the vendor's
/// error envelope and `Retry-After`, so every outer layer reasons about typed errors only.
struct ErrorMappingMiddleware: APIMiddleware {
    func intercept(
        _ request: HTTPRequest,
        body: APIRequestBody?,
        context: APICallContext,
        next: @escaping NextHandler
    ) async throws -> RawResponse {
        let response = try await next(request, body, context)
        let accepted = context.acceptableStatus(response.status)
        let found = context.errorDecoder(response)
        if accepted, found == nil { return response }
        // The vendor's texts are read again from a body with the request's secrets removed, so
        // neither the error nor the vendor's parsed error can carry an echoed password or token.
        let secrets = SentSecrets.values(
            request: response.sentRequest ?? request, body: response.sentBody, explicit: context.secrets,
            redactor: context.redactor
        )
        var scrubbed = response
        scrubbed.body = SecretVariants(secrets).clean(response.body)
        let details = context.errorDecoder(scrubbed) ?? found.map { VendorErrorDetails(kind: $0.kind) }
        throw APIError.from(response: scrubbed, request: request, details: details, context: context)
            .scrubbing(secrets).bounded()
    }
}

extension APIError {
    /// Builds the error for a response the endpoint does not accept.
    static func from(response: RawResponse, request: HTTPRequest, details: VendorErrorDetails?, context: APICallContext)
        -> APIError
    {
        let status = response.status
        let kind = details?.kind ?? Kind.forStatus(status)
        var safeHeaders = response.headers
        for field in response.headers where context.redactor.isSensitiveHeader(field.name) {
            safeHeaders[field.name] = nil
        }
        let retryAfter = RetryAfter.parse(response.headers[.retryAfter], now: context.timeSource.now)
        let message: String
        if response.looksLikeHTML {
            message = "HTTP \(status) with an HTML error page"
        } else if (200..<300).contains(status), details != nil {
            message = "the vendor reported an error in a successful response"
        } else if (200..<300).contains(status) {
            message = "unexpected status \(status)"
        } else {
            message = "HTTP \(status)"
        }
        return APIError(
            kind: kind,
            message: message,
            status: status,
            vendorCode: details?.code,
            vendorMessage: details?.message.map { context.redactor.scrub(text: $0) },
            vendorError: details?.vendorError,
            method: request.method.rawValue,
            url: context.redactor.redact(url: response.url),
            responseHeaders: safeHeaders,
            bodyExcerpt: context.redactor.excerpt(of: response.body, contentType: response.contentType),
            // Error bodies are kept for callers to parse (an OAuth error holds no token); a success
            // body on a secret-bearing endpoint may hold tokens, so it is dropped.
            responseBody: context.containsSecrets && (200..<300).contains(status) ? nil : response.body,
            retryAfter: retryAfter,
            attempts: context.attempt
        )
    }
}

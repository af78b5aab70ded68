import AuthCore
import Foundation

extension OdynError {
    /// Translates a pipeline error into the kit's typed error, keeping it underneath.
    ///
    /// Token-endpoint failures become ``Kind/authentication(error:description:codes:)``; HTTP 401 from
    /// Business Central becomes ``Kind/unauthorized(code:message:correlationId:)``; 409/412 and
    /// `Request_EntityChanged` become ``Kind/concurrencyConflict(status:code:message:correlationId:)``;
    /// any other status becomes ``Kind/http(status:code:message:correlationId:)`` with the parsed body.
    public static func from(_ error: APIError) -> OdynError {
        if let token = EntraTokenError.parse(error.responseBody) {
            return OdynError(.authentication(error: token.error, description: token.errorDescription, codes: token.errorCodes ?? []), apiError: error)
        }
        if error.kind == .cancelled { return OdynError(.cancelled, apiError: error) }
        if error.kind == .timeout && error.status == nil { return OdynError(.timeout, apiError: error) }
        if error.kind == .transport { return OdynError(.transport(reason: error.message), apiError: error) }
        if error.kind == .invalidConfiguration { return OdynError(.invalidRequest(reason: error.message), apiError: error) }
        guard let status = error.status else {
            if error.requiresReauthentication {
                return OdynError(.authentication(error: "reauthentication_required", description: error.message, codes: []), apiError: error)
            }
            if error.kind == .invalidResponse || error.kind == .decoding {
                return OdynError(.invalidODataResponse(reason: error.message), apiError: error)
            }
            return OdynError(.transport(reason: error.message), apiError: error)
        }
        if (200..<300).contains(status) {
            let unreadable = error.kind == .invalidResponse || error.kind == .decoding
            return OdynError(.invalidODataResponse(reason: unreadable ? error.message : "unexpected status \(status)"), apiError: error)
        }
        let body = BCServiceError.parse(error.responseBody)
        let code = body?.code ?? error.vendorCode
        let message = body?.message ?? error.vendorMessage
        let correlation = message.flatMap(BCServiceError.correlationId(in:))
        if status == 401 {
            return OdynError(.unauthorized(code: code, message: message, correlationId: correlation), apiError: error)
        }
        if status == 409 || status == 412 || code == "Request_EntityChanged" {
            return OdynError(.concurrencyConflict(status: status, code: code, message: message, correlationId: correlation), apiError: error)
        }
        return OdynError(.http(status: status, code: code, message: message, correlationId: correlation), apiError: error)
    }

    /// Runs `body`, translating any ``APIError`` it throws.
    static func translating<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as OdynError {
            throw error
        } catch let error as APIError {
            throw OdynError.from(error)
        } catch is CancellationError {
            throw OdynError(.cancelled)
        }
    }
}

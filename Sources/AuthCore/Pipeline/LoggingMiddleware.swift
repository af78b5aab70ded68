import Foundation
import HTTPTypes
import Logging

/// Logs each call once it ends, with redacted metadata only: method, URL (secret query values
/// removed), status, duration, attempts. At `trace` it adds the redacted request headers.
/// Nothing is logged unless the caller gave the client or the call a `Logger`.
struct LoggingMiddleware: APIMiddleware {
    func intercept(
        _ request: HTTPRequest,
        body: APIRequestBody?,
        context: APICallContext,
        next: @escaping NextHandler
    ) async throws -> RawResponse {
        let logger = context.logger
        let url = request.url.map { context.redactor.redact(url: $0) } ?? "-"
        var metadata: Logger.Metadata = [
            "operation": "\(context.operation)", "method": "\(request.method.rawValue)", "url": "\(url)",
        ]
        if logger.logLevel <= .trace {
            let headers = context.redactor.redact(headers: request.headerFields)
            logger.trace(
                "sending request",
                metadata: metadata.merging(["headers": .dictionary(headers.mapValues { .string($0) })]) { $1 }
            )
        }
        let started = ContinuousClock.now
        do {
            let response = try await next(request, body, context)
            metadata["status"] = "\(response.status)"
            metadata["duration_ms"] = "\(Self.milliseconds(since: started))"
            logger.debug("request succeeded", metadata: metadata)
            return response
        } catch {
            let failure = APIError.fromTransportFailure(error, method: request.method.rawValue, url: url)
            metadata["error_kind"] = "\(failure.kind)"
            metadata["status"] = "\(failure.status.map(String.init) ?? "-")"
            metadata["attempts"] = "\(failure.attempts)"
            metadata["duration_ms"] = "\(Self.milliseconds(since: started))"
            if let code = failure.vendorCode { metadata["vendor_code"] = "\(code)" }
            logger.debug("request failed", metadata: metadata)
            throw error
        }
    }

    private static func milliseconds(since start: ContinuousClock.Instant) -> Int64 {
        let elapsed = ContinuousClock.now - start
        return elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
    }
}

import AuthCore
import Foundation

/// Business Central's answer to a request it refused: the HTTP status and the error body
/// `{"error":{"code":"…","message":"…  CorrelationId:  <guid>."}}`.
///
/// Every `APIError` from a Business Central response carries one, whatever the body was (an
/// HTML page or a proxy's text gives `nil` code and message):
///
/// ```swift
/// if let service = error.vendorError(as: BCServiceError.self), service.isNotFound { … }
/// ```
///
/// The texts were read after the secrets the request sent were removed, and are bounded in
/// length like `APIError`'s. The questions a caller asks most (``isNotFound``,
/// ``isConcurrencyConflict``…) are answered here rather than on `APIError`, which belongs to
/// AuthCore.
public struct BCServiceError: Sendable, Equatable, Codable, CustomStringConvertible {
    /// The HTTP status of the answer (of the inner answer for a `$batch` operation); `nil` when
    /// the value was made from a body alone. Not part of the body, so not encoded.
    public var status: Int? = nil
    /// The error code, for example `BadRequest_NotFound` or `Request_EntityChanged`.
    public var code: String?
    /// The message as Business Central wrote it.
    public var message: String?

    enum CodingKeys: String, CodingKey {
        case code
        case message
    }

    /// Creates an error.
    public init(status: Int? = nil, code: String?, message: String?) {
        self.status = status
        self.code = code
        self.message = message
    }

    /// The correlation id Business Central puts at the end of the message, if any: quote it
    /// when you ask Microsoft support about a failure.
    public var correlationId: String? {
        message.flatMap(BCServiceError.correlationId(in:))
    }

    /// HTTP 401: Business Central refused the credentials (after one refresh, where the session can refresh).
    public var isUnauthorized: Bool { status == 401 }

    /// HTTP 403: the credentials are valid but lack permission.
    public var isForbidden: Bool { status == 403 }

    /// HTTP 404: the resource, or a segment of its path, does not exist.
    public var isNotFound: Bool { status == 404 }

    /// HTTP 429: Business Central throttled the call (the `APIError` says how long to wait in `retryAfter`).
    public var isThrottled: Bool { status == 429 }

    /// The record changed since its ETag was read: HTTP 409 or 412, or the code `Request_EntityChanged`.
    public var isConcurrencyConflict: Bool {
        status == 409 || status == 412 || code == "Request_EntityChanged"
    }

    /// `BCServiceError(status, code: message)`.
    public var description: String {
        let head = "BCServiceError(\(status.map(String.init) ?? "-")"
        let code = self.code.map { ", \($0)" } ?? ""
        let message = self.message.map { ": \($0)" } ?? ""
        return head + code + message + ")"
    }

    /// Reads a Business Central error body: `{"error":{"code","message"}}`, and leniently the
    /// other shapes proxies and gateways answer with (`{"error":"…","error_description":"…"}`,
    /// `{"code","message"}`). Texts are bounded; `nil` when the body is none of these.
    public static func parse(_ body: Data, status: Int? = nil) -> BCServiceError? {
        guard let details = VendorErrorDetails.parseCommon(body) else { return nil }
        return BCServiceError(
            status: status,
            code: details.code.map { $0.bounded(to: APIError.maximumTextLength / 4) },
            message: details.message.map { $0.bounded() }
        )
    }

    /// Pulls the GUID after `CorrelationId:` out of a message.
    public static func correlationId(in message: String) -> String? {
        guard let marker = message.range(of: "CorrelationId:") else { return nil }
        let rest = message[marker.upperBound...].drop(while: \.isWhitespace)
        let candidate = String(rest.prefix(36))
        return ODataLiteral.isGUID(candidate) ? candidate : nil
    }
}

import Foundation

/// What a vendor's own error envelope says: its code and message, and optionally which
/// ``APIError/Kind`` the failure really is (some vendors answer HTTP 200 with an error inside).
public struct VendorErrorDetails: Sendable, Equatable {
    /// The vendor's error code.
    public var code: String?
    /// The vendor's error message.
    public var message: String?
    /// A kind that overrides the one derived from the HTTP status.
    public var kind: APIError.Kind?
    /// The vendor's whole error, parsed into the kit's own type (for example OdynKit's
    /// `BCServiceError`); the error built from it carries it as ``APIError/vendorError``.
    public var vendorError: (any Sendable)?

    /// Creates vendor error details.
    public init(
        code: String? = nil, message: String? = nil, kind: APIError.Kind? = nil, vendorError: (any Sendable)? = nil
    ) {
        self.code = code
        self.message = message
        self.kind = kind
        self.vendorError = vendorError
    }

    /// Equal when code, message and kind are (the parsed vendor error is not compared).
    public static func == (lhs: VendorErrorDetails, rhs: VendorErrorDetails) -> Bool {
        lhs.code == rhs.code && lhs.message == rhs.message && lhs.kind == rhs.kind
    }
}

/// Reads a vendor error envelope out of a response.
///
/// It is called for every response. For a non-2xx response, returning `nil` still produces an
/// error (derived from the status). For a 2xx response, returning details turns it into an error.
/// For a response that is an error it is called once more, on the body with the secrets the
/// request sent removed: what it returns then is what the error carries.
public typealias ErrorEnvelopeDecoder = @Sendable (RawResponse) -> VendorErrorDetails?

extension VendorErrorDetails {
    /// Understands the common shapes for non-2xx responses: `{"error":{"code","message"}}`,
    /// OAuth's `{"error","error_description"}`, and `{"code","message"}` / `{"message"}`.
    /// 2xx responses are never treated as errors.
    public static let commonEnvelope: ErrorEnvelopeDecoder = { response in
        guard !(200..<300).contains(response.status) else { return nil }
        return parseCommon(response.body)
    }

    /// Parses the common error shapes from a body; `nil` if none matches.
    public static func parseCommon(_ body: Data) -> VendorErrorDetails? {
        guard let json = try? JSONValue(jsonData: body), case .object(let object) = json else { return nil }
        if case .object(let inner)? = object["error"] {
            return VendorErrorDetails(code: inner["code"]?.textValue, message: inner["message"]?.textValue)
        }
        if let error = object["error"]?.textValue {
            return VendorErrorDetails(code: error, message: object["error_description"]?.textValue)
        }
        let code = object["code"]?.textValue ?? object["errorCode"]?.textValue
        let message = object["message"]?.textValue ?? object["errorMessage"]?.textValue
        guard code != nil || message != nil else { return nil }
        return VendorErrorDetails(code: code, message: message)
    }
}

extension JSONValue {
    /// A string, or a number or boolean written as text; `nil` for null, arrays and objects.
    public var textValue: String? {
        switch self {
        case .string(let value): return value
        case .number(let value): return value.decimalValue.map { "\($0)" } ?? value.description
        case .bool(let value): return value ? "true" : "false"
        default: return nil
        }
    }
}

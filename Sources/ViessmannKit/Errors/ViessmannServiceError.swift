import AuthCore
import Foundation

/// Viessmann's error body, as the API sends it with a 4xx or 5xx status:
/// `{"viErrorId","statusCode","errorType","message","extendedPayload","validationErrors"}`.
///
/// It reaches callers as `apiError.vendorError(as: ViessmannServiceError.self)`; the
/// `APIError` also carries ``errorType`` as its `vendorCode` and ``message`` as its
/// `vendorMessage`. It is read from the body after the secrets the request sent were removed.
public struct ViessmannServiceError: Sendable, Equatable, Codable {
    /// One entry of `validationErrors`.
    public struct ValidationIssue: Sendable, Equatable, Codable {
        /// What is wrong.
        public var message: String
        /// The parameter concerned.
        public var path: String?

        enum CodingKeys: String, CodingKey {
            case message
            case path
        }

        /// Creates an issue.
        public init(message: String, path: String?) {
            self.message = message
            self.path = path
        }
    }

    /// The HTTP status the error came with.
    public var status: Int
    /// The request's error id (`viErrorId`), for Viessmann support.
    public var errorID: String?
    /// The error type, for example `RATE_LIMIT_EXCEEDED`, `DEVICE_COMMUNICATION_ERROR`, `VALIDATION_ERROR`.
    public var errorType: String?
    /// The message.
    public var message: String?
    /// A `reason` member at the top level, as some device-level errors send.
    public var reason: String?
    /// `extendedPayload`, as sent.
    public var extendedPayload: JSONValue?
    /// `validationErrors`.
    public var validationErrors: [ValidationIssue]

    enum CodingKeys: String, CodingKey {
        case status = "statusCode"
        case errorID = "viErrorId"
        case errorType
        case message
        case reason
        case extendedPayload
        case validationErrors
    }

    /// Creates an error body.
    public init(
        status: Int, errorID: String? = nil, errorType: String? = nil, message: String? = nil, reason: String? = nil,
        extendedPayload: JSONValue? = nil, validationErrors: [ValidationIssue] = []
    ) {
        self.status = status
        self.errorID = errorID
        self.errorType = errorType
        self.message = message
        self.reason = reason
        self.extendedPayload = extendedPayload
        self.validationErrors = validationErrors
    }

    /// `extendedPayload.reason` (for example `DEVICE_OFFLINE`), or the top-level `reason`.
    public var extendedReason: String? { extendedPayload?["reason"]?.textValue ?? reason }

    /// For a 429: when the limit renews (`extendedPayload.limitReset`, Unix milliseconds).
    public var limitReset: Date? {
        guard let milliseconds = extendedPayload?["limitReset"]?.doubleValue, milliseconds.isFinite,
            milliseconds > 0, milliseconds < 1e15
        else { return nil }
        return Date(timeIntervalSince1970: milliseconds / 1000)
    }

    /// For a 429: the name of the limit hit (`ViCare day limit`).
    public var limitName: String? { extendedPayload?["name"]?.stringValue }

    /// For a 429: how many calls the limit allows.
    public var requestCountLimit: Int? { extendedPayload?["requestCountLimit"]?.intValue }

    /// The message with the validation details, as the original joins them:
    /// `Validation Error: m1 (path: p1); m2 (path: p2)`.
    public var detailedMessage: String {
        let base = message ?? "HTTP \(status)"
        guard !validationErrors.isEmpty else { return base }
        let details = validationErrors.map { issue in
            issue.path.map { "\(issue.message) (path: \($0))" } ?? issue.message
        }
        return base + ": " + details.joined(separator: "; ")
    }

    /// Whether the device could not be reached (`DEVICE_COMMUNICATION_ERROR`).
    public var isDeviceCommunicationError: Bool { errorType == "DEVICE_COMMUNICATION_ERROR" }

    /// Reads the body leniently; `nil` when it is not a JSON object.
    static func parse(_ body: Data, status: Int) -> ViessmannServiceError? {
        guard let json = try? JSONValue(jsonData: body), case .object(let object) = json else { return nil }
        let issues = (object["validationErrors"]?.arrayValue ?? []).compactMap { entry -> ValidationIssue? in
            guard let message = entry["message"]?.textValue else { return nil }
            return ValidationIssue(message: message, path: entry["path"]?.textValue)
        }
        return ViessmannServiceError(
            status: status, errorID: object["viErrorId"]?.textValue, errorType: object["errorType"]?.textValue,
            message: object["message"]?.textValue, reason: object["reason"]?.textValue,
            extendedPayload: object["extendedPayload"], validationErrors: issues)
    }
}

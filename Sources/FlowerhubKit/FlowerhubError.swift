import AuthCore

/// Failures FlowerhubKit detects itself. HTTP, transport and authentication failures are
/// AuthCore's ``APIError`` (check ``APIError/requiresReauthentication`` to ask for a new login).
public enum FlowerhubError: Error, Sendable, Equatable {
    /// The body did not have the shape the endpoint needs ("expected dict", "expected list",
    /// "missing assetId field", "Failed to parse assetId", "flowerHubStatus …", "missing or invalid id",
    /// "missing user"). `url` is the full redacted URL.
    ///
    /// `payload` is the parsed body only when it is JSON of at most ``maximumPayloadSize`` bytes,
    /// with members of secret names (`password`, `token`, `cookie`…) and the secret values the
    /// request carried (the password, the session cookies) replaced; otherwise `nil`. An error is
    /// logged, stored and dumped far from the call, so it never carries a whole body or a secret.
    case invalidResponse(message: String, status: Int?, url: String?, payload: JSONValue?)
    /// An argument cannot work: a missing or zero id, a blank or malformed period, a polling interval below 5 s.
    case invalidArgument(String)
    /// Periodic polling is already running on this client.
    case alreadyRunning

    /// The most bytes of JSON an ``invalidResponse(message:status:url:payload:)`` keeps as its payload (16 KB).
    public static let maximumPayloadSize = 16 * 1024

    /// The human-readable message (never contains secrets or the payload).
    public var message: String {
        switch self {
        case .invalidResponse(let message, _, _, _): return message
        case .invalidArgument(let message): return message
        case .alreadyRunning: return "periodic asset fetch is already running; stop it first"
        }
    }

    /// The HTTP status for ``invalidResponse(message:status:url:payload:)``.
    public var statusCode: Int? {
        if case .invalidResponse(_, let status, _, _) = self { return status }
        return nil
    }
}

extension FlowerhubError: CustomStringConvertible {
    /// The message, plus status and URL for invalid responses; never the payload.
    public var description: String {
        switch self {
        case .invalidResponse(let message, let status, let url, _):
            var parts = ["FlowerhubError.invalidResponse: \(message)"]
            if let status { parts.append("HTTP \(status)") }
            if let url { parts.append(url) }
            return parts.joined(separator: "; ")
        case .invalidArgument(let message):
            return "FlowerhubError.invalidArgument: \(message)"
        case .alreadyRunning:
            return "FlowerhubError.alreadyRunning: \(message)"
        }
    }
}

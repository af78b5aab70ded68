import AuthCore

/// The outcome of one Flowerhub call: the HTTP exchange, the typed value, and any error.
///
/// In the default (throwing) form a returned result always succeeded. With
/// ``FlowerhubCallOptions/throwsOnError`` set to `false`, HTTP and payload errors are returned
/// here instead of thrown: check ``error`` (and ``statusCode``) before trusting ``value``.
public struct FlowerhubResult<Value: Sendable>: Sendable {
    /// The HTTP status of the final response.
    public var statusCode: Int
    /// The body parsed as JSON; `nil` for an empty or non-JSON body (HTML error pages).
    public var json: JSONValue?
    /// The raw body text.
    public var text: String
    /// The redacted URL of the request.
    public var url: String?
    /// The typed value; `nil` when the body could not be read (or, for a few endpoints, was `null`).
    public var value: Value?
    /// The HTTP or payload error, when the call was made with `throwsOnError: false`.
    public var error: (any Error)?

    /// Creates a result.
    public init(statusCode: Int, json: JSONValue?, text: String, url: String?, value: Value?, error: (any Error)?) {
        self.statusCode = statusCode
        self.json = json
        self.text = text
        self.url = url
        self.value = value
        self.error = error
    }

    /// The error's redacted description, or `nil`.
    public var errorMessage: String? {
        error.map { String(describing: $0) }
    }

    /// Whether the call succeeded: a 2xx status and no error.
    public var isSuccess: Bool {
        error == nil && (200..<300).contains(statusCode)
    }
}

extension FlowerhubResult where Value == AssetFetch {
    /// The asset object: the validated one, or the raw body object when validation failed.
    public var assetInfo: [String: JSONValue]? { value?.assetInfo ?? json?.objectValue }
    /// The validated status, or `nil` when validation failed.
    public var flowerhubStatus: FlowerHubStatus? { value?.flowerhubStatus }
}

extension FlowerhubResult where Value == Int {
    /// The discovered asset id.
    public var assetId: Int? { value }
}

extension FlowerhubResult where Value == UptimePie {
    /// Seconds up.
    public var uptime: Double? { value?.uptime }
    /// Seconds down.
    public var downtime: Double? { value?.downtime }
    /// Seconds without data.
    public var noData: Double? { value?.noData }
    /// Uptime over the whole month in percent.
    public var uptimeRatioTotal: Double? { value?.uptimeRatioTotal }
    /// Uptime over the time with data in percent.
    public var uptimeRatioActual: Double? { value?.uptimeRatioActual }
}

/// Which consumption the analytics call reads: `summary` (DHW, heating and total), or one of them.
public struct ViessmannConsumptionMetric: Hashable, Sendable, CustomStringConvertible {
    /// The metric's name: `summary`, `dhw`, `heating` or `total`.
    public let name: String
    /// The API properties it reads.
    public let properties: [String]

    private init(_ name: String, _ properties: [String]) {
        self.name = name
        self.properties = properties.map { "heating.power.consumption." + $0 }
    }

    /// DHW, heating and total.
    public static let summary = ViessmannConsumptionMetric("summary", ["dhw", "heating", "total"])
    /// Domestic hot water.
    public static let dhw = ViessmannConsumptionMetric("dhw", ["dhw"])
    /// Space heating.
    public static let heating = ViessmannConsumptionMetric("heating", ["heating"])
    /// Everything.
    public static let total = ViessmannConsumptionMetric("total", ["total"])

    /// A metric by name.
    ///
    /// - Throws: ``ViessmannError`` `invalidArgument` for any other name.
    public init(named name: String) throws {
        switch name {
        case "summary": self = .summary
        case "dhw": self = .dhw
        case "heating": self = .heating
        case "total": self = .total
        default:
            throw ViessmannError(.invalidArgument, "unknown metric '\(name)'; use summary, dhw, heating or total")
        }
    }

    /// The name.
    public var description: String { name }
}

/// The time resolution of an analytics request: `1d`, `1w`, `1m` or `1y`.
public struct ViessmannResolution: Hashable, Sendable, CustomStringConvertible {
    /// The API's name.
    public let rawValue: String

    private init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    /// One day.
    public static let day = ViessmannResolution("1d")
    /// One week.
    public static let week = ViessmannResolution("1w")
    /// One month.
    public static let month = ViessmannResolution("1m")
    /// One year.
    public static let year = ViessmannResolution("1y")

    /// A resolution by its API name.
    ///
    /// - Throws: ``ViessmannError`` `invalidArgument` for anything but `1d`, `1w`, `1m`, `1y`.
    public init(named name: String) throws {
        guard ["1d", "1w", "1m", "1y"].contains(name) else {
            throw ViessmannError(.invalidArgument, "unknown resolution '\(name)'; use 1d, 1w, 1m or 1y")
        }
        self.rawValue = name
    }

    /// The API's name.
    public var description: String { rawValue }
}

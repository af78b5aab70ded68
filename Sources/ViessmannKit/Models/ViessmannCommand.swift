import AuthCore

/// A command of an API feature: `{"name","uri","isExecutable","params":{…}}`.
public struct ViessmannCommand: Sendable, Equatable, Codable {
    /// The name, for example `setCurve`.
    public var name: String
    /// Where it is posted.
    public var uri: String
    /// Whether the device accepts it now.
    public var isExecutable: Bool
    /// The parameters, sorted by name (the API's own order).
    public var parameters: [ViessmannCommandParameter]

    enum CodingKeys: String, CodingKey {
        case name
        case uri
        case isExecutable
        case parameters = "params"
    }

    /// Creates a command.
    public init(name: String, uri: String, isExecutable: Bool = true, parameters: [ViessmannCommandParameter] = []) {
        self.name = name
        self.uri = uri
        self.isExecutable = isExecutable
        self.parameters = parameters
    }
}

/// A parameter of a command: `{"type","required","constraints":{…}}`.
public struct ViessmannCommandParameter: Sendable, Equatable, Codable {
    /// The name, for example `slope`.
    public var name: String
    /// The type, for example `number`.
    public var type: ViessmannParameterType
    /// `false` only when the API says `"required": false`; a missing flag means required.
    public var isRequired: Bool
    /// The constraints, from the parameter object and its `constraints`.
    public var constraints: ViessmannParameterConstraints

    enum CodingKeys: String, CodingKey {
        case name
        case type
        case isRequired = "required"
        case constraints
    }

    /// Creates a parameter.
    public init(
        name: String, type: ViessmannParameterType, isRequired: Bool = true,
        constraints: ViessmannParameterConstraints = ViessmannParameterConstraints()
    ) {
        self.name = name
        self.type = type
        self.isRequired = isRequired
        self.constraints = constraints
    }
}

/// A parameter's constraints as ViessmannKit checks them. Schedule constraints (`maxEntries`,
/// `modes`…) are in ``schedule``; the `efficient…Border` hints are not constraints and are dropped.
public struct ViessmannParameterConstraints: Sendable, Equatable, Codable {
    /// `min`.
    public var min: Double?
    /// `max`.
    public var max: Double?
    /// `step` or `stepping`.
    public var step: Double?
    /// `enum`.
    public var options: [JSONValue]
    /// `minLength`.
    public var minLength: Int?
    /// `maxLength`.
    public var maxLength: Int?
    /// `pattern` or `regEx`, matched from the start of the value.
    public var pattern: String?
    /// For `Schedule` parameters: `maxEntries`, `modes`, `defaultMode`, `resolution`, `overlapAllowed`.
    public var schedule: ViessmannScheduleConstraints?

    enum CodingKeys: String, CodingKey {
        case min
        case max
        case step
        case options = "enum"
        case minLength
        case maxLength
        case pattern
        case schedule
    }

    /// Creates constraints.
    public init(
        min: Double? = nil, max: Double? = nil, step: Double? = nil, options: [JSONValue] = [],
        minLength: Int? = nil, maxLength: Int? = nil, pattern: String? = nil,
        schedule: ViessmannScheduleConstraints? = nil
    ) {
        self.min = min
        self.max = max
        self.step = step
        self.options = options
        self.minLength = minLength
        self.maxLength = maxLength
        self.pattern = pattern
        self.schedule = schedule
    }
}

/// The constraints of a `Schedule` parameter.
public struct ViessmannScheduleConstraints: Sendable, Equatable, Codable {
    /// The most slots per day.
    public var maxEntries: Int?
    /// The modes a slot may use.
    public var modes: [String]
    /// The mode outside the slots.
    public var defaultMode: String?
    /// The minute grid slot times must be on.
    public var resolution: Int?
    /// Whether slots of one day may overlap.
    public var overlapAllowed: Bool?

    enum CodingKeys: String, CodingKey {
        case maxEntries
        case modes
        case defaultMode
        case resolution
        case overlapAllowed
    }

    /// Creates schedule constraints.
    public init(
        maxEntries: Int? = nil, modes: [String] = [], defaultMode: String? = nil, resolution: Int? = nil,
        overlapAllowed: Bool? = nil
    ) {
        self.maxEntries = maxEntries
        self.modes = modes
        self.defaultMode = defaultMode
        self.resolution = resolution
        self.overlapAllowed = overlapAllowed
    }
}

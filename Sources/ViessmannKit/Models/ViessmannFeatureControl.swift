/// How a flat feature is written: the command, its parameter for this value, and the constraints.
public struct ViessmannFeatureControl: Sendable, Equatable, Codable {
    /// The command's name, for example `setCurve`.
    public var commandName: String
    /// The parameter that carries this feature's value, for example `slope`.
    public var paramName: String
    /// Every parameter of the command, in key order (for `setCurve`: `shift`, `slope`).
    public var requiredParams: [String]
    /// The API feature's name; siblings are `<parent>.<param>`.
    public var parentFeatureName: String
    /// The command's URI; `""` when the API gave none.
    public var uri: String
    /// The constraints of ``paramName``, from the parameter, then its `constraints`, then the property.
    public var constraints: ViessmannParameterConstraints
    /// The type of ``paramName``.
    public var parameterType: ViessmannParameterType
    /// Every parameter of the command with its own type and constraints, in key order.
    public var parameters: [ViessmannCommandParameter]

    enum CodingKeys: String, CodingKey {
        case commandName
        case paramName
        case requiredParams
        case parentFeatureName
        case uri
        case constraints
        case parameterType
        case parameters
    }

    /// Creates a control.
    public init(
        commandName: String, paramName: String, requiredParams: [String], parentFeatureName: String, uri: String,
        constraints: ViessmannParameterConstraints = ViessmannParameterConstraints(),
        parameterType: ViessmannParameterType = .unknown(""), parameters: [ViessmannCommandParameter] = []
    ) {
        self.commandName = commandName
        self.paramName = paramName
        self.requiredParams = requiredParams
        self.parentFeatureName = parentFeatureName
        self.uri = uri
        self.constraints = constraints
        self.parameterType = parameterType
        self.parameters = parameters
    }

    /// `min` of the parameter.
    public var min: Double? { constraints.min }
    /// `max` of the parameter.
    public var max: Double? { constraints.max }
    /// `step`/`stepping` of the parameter.
    public var step: Double? { constraints.step }
    /// `enum` of the parameter.
    public var options: [JSONValue] { constraints.options }
    /// `minLength` of the parameter.
    public var minLength: Int? { constraints.minLength }
    /// `maxLength` of the parameter.
    public var maxLength: Int? { constraints.maxLength }
    /// `pattern`/`regEx` of the parameter.
    public var pattern: String? { constraints.pattern }

    /// The definition of a parameter by name.
    public func parameter(named name: String) -> ViessmannCommandParameter? {
        parameters.first { $0.name == name }
    }
}

/// A problem ViessmannKit found itself, before sending or in an answer that arrived intact: a bad
/// setting or argument, a value the command's constraints refuse, a read-only feature, an answer
/// of the wrong shape.
///
/// Everything that went wrong on the network — an HTTP error status, a refused token, a time-out,
/// a transport failure, cancellation, a body that is not JSON — is an AuthCore `APIError`
/// instead, with Viessmann's parsed error body reachable as
/// `error.vendorError(as: ViessmannServiceError.self)`.
///
/// ```swift
/// do {
///     _ = try await client.setFeature("heating.circuits.0.heating.curve.slope", to: 5.0, on: device)
/// } catch let error as ViessmannError where error.code == .validationFailed {
///     print(error.parameter ?? "-", error.rule ?? .type)  // slope, maximum
/// }
/// ```
///
/// Compare ``code`` with the static members of ``Code``; new codes can be added without breaking
/// callers. ``message`` names the bad value and never holds a credential.
public struct ViessmannError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What ViessmannKit refused.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let name: String

        private init(_ name: String) {
            self.name = name
        }

        /// A configuration value that cannot work (a base URL that is not https, a bad timeout, an empty client id).
        public static let invalidConfiguration = Code("invalidConfiguration")
        /// An argument refused before anything was sent (an unknown metric, a bad limit, devices of mixed gateways).
        public static let invalidArgument = Code("invalidArgument")
        /// A value a command's constraints refuse; ``ViessmannError/parameter`` and ``ViessmannError/rule`` say which.
        public static let validationFailed = Code("validationFailed")
        /// The feature has no command that writes it.
        public static let readOnlyFeature = Code("readOnlyFeature")
        /// No feature of that name on the device.
        public static let featureNotFound = Code("featureNotFound")
        /// A command needs a sibling value the device does not have (missing, disabled, not ready or null).
        public static let missingSiblingValue = Code("missingSiblingValue")
        /// A command URI that is empty or points to another host than the API (it would carry the token there).
        public static let untrustedCommandURI = Code("untrustedCommandURI")
        /// A 2xx answer of the wrong shape (no `data` list, entries that are not objects, duplicate names).
        public static let invalidResponse = Code("invalidResponse")
        /// A cursor that was already followed.
        public static let paginationLoop = Code("paginationLoop")
        /// Sign-in was not started, or the redirect did not come back as expected.
        public static let authorizationFlow = Code("authorizationFlow")
        /// A mock device that is not in the catalog.
        public static let unknownMockDevice = Code("unknownMockDevice")

        /// The code's name, for example `validationFailed`.
        public var description: String { name }
    }

    /// What ViessmannKit refused.
    public let code: Code
    /// What was wrong, naming the bad value; never a credential.
    public let message: String
    /// For ``Code/validationFailed`` and ``Code/missingSiblingValue``: the command parameter concerned.
    public let parameter: String?
    /// For ``Code/validationFailed``: the constraint that refused the value.
    public let rule: ViessmannValidationRule?

    /// Creates an error.
    public init(_ code: Code, _ message: String, parameter: String? = nil, rule: ViessmannValidationRule? = nil) {
        self.code = code
        self.message = message.count > 500 ? String(message.prefix(500)) + "…" : message
        self.parameter = parameter
        self.rule = rule
    }

    /// Always `false`: every check ViessmannKit makes gives the same answer when repeated.
    public var isTransient: Bool { false }

    /// `true` only for ``Code/authorizationFlow``: sign-in has to start again.
    public var requiresReauthentication: Bool { code == .authorizationFlow }

    /// `ViessmannError.<code>: <message>`.
    public var description: String { "ViessmannError.\(code): \(message)" }
}

/// The constraint of a command parameter a value broke.
public struct ViessmannValidationRule: Hashable, Sendable, CustomStringConvertible {
    private let name: String

    private init(_ name: String) {
        self.name = name
    }

    /// The value is not of the parameter's type (`number`, `string`, `boolean`, `Schedule`).
    public static let type = ViessmannValidationRule("type")
    /// Below `min`.
    public static let minimum = ViessmannValidationRule("minimum")
    /// Above `max`.
    public static let maximum = ViessmannValidationRule("maximum")
    /// Not on the `stepping` grid counted from `min` (or 0).
    public static let step = ViessmannValidationRule("step")
    /// Not one of the `enum` options.
    public static let enumeration = ViessmannValidationRule("enumeration")
    /// Shorter than `minLength`.
    public static let minimumLength = ViessmannValidationRule("minimumLength")
    /// Longer than `maxLength`.
    public static let maximumLength = ViessmannValidationRule("maximumLength")
    /// Does not match the `regEx` pattern.
    public static let pattern = ViessmannValidationRule("pattern")
    /// A required parameter has no value, or a parameter the command does not know was given.
    public static let required = ViessmannValidationRule("required")
    /// A schedule that is not days `mon`…`sun` of `HH:MM` slots within the constraints.
    public static let schedule = ViessmannValidationRule("schedule")

    /// The rule's name, for example `step`.
    public var description: String { name }
}

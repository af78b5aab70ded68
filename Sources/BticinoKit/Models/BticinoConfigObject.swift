import AuthCore

/// A configuration object (`do_not_disturb`, `professional_studio`): its on/off switch typed,
/// every member kept so that writing it back loses nothing the cloud sent.
///
/// Netatmo does not document these objects; BticinoKit reads `enabled` (a boolean, or `on`/`off`)
/// and keeps the rest in ``fields``.
public struct BticinoConfigObject: Sendable, Equatable, Codable {
    /// Whether the feature is on, when the object says.
    public var enabled: Bool?
    /// Every member of the object (including `enabled`).
    public var fields: [String: JSONValue]

    enum CodingKeys: String, CodingKey {
        case enabled
        case fields
    }

    /// Creates an object; ``enabled`` is written into ``fields`` when given.
    public init(enabled: Bool?, fields: [String: JSONValue] = [:]) {
        self.enabled = enabled
        var all = fields
        if let enabled { all["enabled"] = .bool(enabled) }
        self.fields = all
    }

    /// Reads an object from the wire.
    init(json: [String: JSONValue]) {
        self.fields = json
        switch json["enabled"] {
        case .bool(let flag)?: enabled = flag
        case .string(let text)?: enabled = text == "on" ? true : (text == "off" ? false : nil)
        case .number(let number)?: enabled = number.intValue.map { $0 != 0 }
        default: enabled = nil
        }
    }

    /// The wire object.
    var json: JSONValue { .object(fields) }
}

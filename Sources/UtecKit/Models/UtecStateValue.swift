import AuthCore

/// One reported state: `{"capability":"st.lock","name":"lockState","value":"Locked"}`.
public struct UtecStateValue: Sendable, Equatable, Codable {
    /// The capability it belongs to.
    public var capability: UtecCapability
    /// The attribute name, for example `lockState`.
    public var name: String
    /// The value: a string, a number or an object (a colour).
    public var value: JSONValue

    enum CodingKeys: String, CodingKey {
        case capability
        case name
        case value
    }

    /// Creates a state value.
    public init(capability: UtecCapability, name: String, value: JSONValue) {
        self.capability = capability
        self.name = name
        self.value = value
    }

    /// Whether this entry is `capability`/`name`, ignoring case.
    public func matches(_ capability: UtecCapability, _ name: String) -> Bool {
        self.capability == capability && UtecCaseInsensitive.equal(self.name, name)
    }
}

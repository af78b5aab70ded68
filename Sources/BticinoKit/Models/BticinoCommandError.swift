/// One module's refusal inside a `setstate` answer.
public struct BticinoCommandError: Sendable, Equatable, Codable {
    /// Netatmo's code (5: command not supported by the module).
    public var code: Int?
    /// The command, for example `lock`.
    public var command: String?
    /// The module id.
    public var moduleID: String?

    enum CodingKeys: String, CodingKey {
        case code
        case command
        case moduleID = "id"
    }

    /// Creates an error entry.
    public init(code: Int? = nil, command: String? = nil, moduleID: String? = nil) {
        self.code = code
        self.command = command
        self.moduleID = moduleID
    }
}

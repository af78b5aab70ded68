/// What `setstate` answered: `ok`, possibly with per-module errors (code 5: the module does not
/// support the command).
public struct BticinoSetStateResult: Sendable, Equatable, Codable {
    /// The server time of the answer (Unix seconds).
    public var timeServer: Int?
    /// Per-module errors, read at the top level and under `body`.
    public var errors: [BticinoCommandError]

    enum CodingKeys: String, CodingKey {
        case timeServer = "time_server"
        case errors
    }

    /// Creates a result.
    public init(timeServer: Int? = nil, errors: [BticinoCommandError] = []) {
        self.timeServer = timeServer
        self.errors = errors
    }

    /// Whether every module accepted the command.
    public var isSuccess: Bool { errors.isEmpty }
}

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

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

import AuthCore
import Foundation

/// The Flowerhub's connection status as last read from `GET /asset/{id}`.
public struct FlowerhubStatus: Sendable, Equatable, Codable {
    /// The status text, for example `"Connected"` or `"Disconnected"`.
    public var status: String?
    /// A CamelCase reason such as `"InverterDongleFoundAndComponentsAreRunning"`; may be missing.
    public var message: String?
    /// When the client read this status (the client's clock, not a server timestamp).
    public var updatedAt: Date?

    enum CodingKeys: String, CodingKey {
        case status
        case message
        case updatedAt = "updated_at"
    }

    /// Creates a status.
    public init(status: String?, message: String?, updatedAt: Date?) {
        self.status = status
        self.message = message
        self.updatedAt = updatedAt
    }
}

extension FlowerhubStatus {
    /// Same as ``updatedAt`` (the original library's `updated_timestamp`).
    public var updatedTimestamp: Date? { updatedAt }

    /// How old the status is at `now`, or `nil` when it has no timestamp.
    public func age(at now: Date) -> Duration? {
        ageSeconds(at: now).map { Durations.clamped(seconds: $0) }
    }

    /// How many seconds old the status is at `now` (negative if `now` is earlier), or `nil` when it has no timestamp.
    public func ageSeconds(at now: Date) -> TimeInterval? {
        updatedAt.map { now.timeIntervalSince($0) }
    }
}

import AuthCore
import Foundation

/// One action request: `{"header":{…}, "payload":{…}}`, posted to `/action`.
///
/// Build one with the static functions (one per namespace/name pair) or with
/// ``init(operation:payload:messageID:)`` for anything else.
public struct UtecActionRequest: Sendable, Equatable, Codable {
    /// The header.
    public var header: UtecActionHeader
    /// The payload (`{}` when there is nothing to say).
    public var payload: JSONValue

    enum CodingKeys: String, CodingKey {
        case header
        case payload
    }

    /// Creates a request.
    public init(
        operation: UtecOperation, payload: JSONValue = [:], messageID: String = UtecActionHeader.randomMessageID()
    ) {
        self.header = UtecActionHeader(operation: operation, messageID: messageID)
        self.payload = payload
    }

    /// `Uhome.Device` / `Discovery` with payload `{}`.
    public static func discovery(messageID: String = UtecActionHeader.randomMessageID()) -> UtecActionRequest {
        UtecActionRequest(operation: .discovery, messageID: messageID)
    }

    /// `Uhome.Device` / `Query` for several devices in one call.
    public static func query(
        _ devices: [UtecDeviceReference], messageID: String = UtecActionHeader.randomMessageID()
    ) -> UtecActionRequest {
        UtecActionRequest(
            operation: .query, payload: ["devices": .array(devices.map(\.json))], messageID: messageID)
    }

    /// `Uhome.Device` / `Command`: one command per device entry.
    public static func command(
        _ commands: [(device: UtecDeviceReference, command: UtecDeviceCommand)],
        messageID: String = UtecActionHeader.randomMessageID()
    ) throws -> UtecActionRequest {
        let entries = try commands.map { item -> JSONValue in
            var object = item.device.json.objectValue ?? [:]
            object["command"] = try JSONValue(jsonData: JSONEncoder().encode(item.command))
            return .object(object)
        }
        return UtecActionRequest(operation: .command, payload: ["devices": .array(entries)], messageID: messageID)
    }

    /// `Uhome.User` / `Get`.
    public static func userGet(messageID: String = UtecActionHeader.randomMessageID()) -> UtecActionRequest {
        UtecActionRequest(operation: .userGet, messageID: messageID)
    }

    /// `Uhome.User` / `Logout`.
    public static func userLogout(messageID: String = UtecActionHeader.randomMessageID()) -> UtecActionRequest {
        UtecActionRequest(operation: .userLogout, messageID: messageID)
    }

    /// `Uhome.Configure` / `Set`: `{"configure":{"notification":{"access_token":<secret>,"url":<url>}}}`.
    public static func setNotification(
        url: URL, secret: Secret, messageID: String = UtecActionHeader.randomMessageID()
    ) -> UtecActionRequest {
        let notification: JSONValue = ["access_token": .string(secret.revealed), "url": .string(url.absoluteString)]
        return UtecActionRequest(
            operation: .configureSet, payload: ["configure": ["notification": notification]], messageID: messageID)
    }

    /// `Uhome.Configure` / `Query` (undocumented).
    public static func configureQuery(messageID: String = UtecActionHeader.randomMessageID()) -> UtecActionRequest {
        UtecActionRequest(operation: .configureQuery, messageID: messageID)
    }
}

/// A device as a query or command names it: its id and, when known, its `customData` echoed back
/// under the documented camelCase key.
public struct UtecDeviceReference: Sendable, Equatable, Codable {
    /// The device id.
    public var id: String
    /// The device's `customData` from discovery.
    public var customData: JSONValue?

    enum CodingKeys: String, CodingKey {
        case id
        case customData
    }

    /// Creates a reference.
    public init(id: String, customData: JSONValue? = nil) {
        self.id = id
        self.customData = customData
    }

    /// A reference to `device`, with its custom data.
    public init(_ device: UtecDevice) {
        self.init(id: device.id, customData: device.customData)
    }

    var json: JSONValue {
        var object: [String: JSONValue] = ["id": .string(id)]
        if let customData, !customData.isNull, customData != [:] { object["customData"] = customData }
        return .object(object)
    }
}

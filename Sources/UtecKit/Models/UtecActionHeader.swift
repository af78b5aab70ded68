import AuthCore
import Foundation

/// The `header` of every action request and answer.
///
/// Decoding accepts the vendor's `playloadVersion` misspelling and a version written as a number,
/// and does not require a version (or a message id); encoding writes `payloadVersion`.
public struct UtecActionHeader: Sendable, Equatable, Codable {
    /// `namespace`.
    public var namespace: String
    /// `name`.
    public var name: String
    /// `messageId`: a fresh lower-case UUID v4 per request, echoed in the answer.
    public var messageID: String
    /// `payloadVersion`, `"1"`.
    public var payloadVersion: String

    enum CodingKeys: String, CodingKey {
        case namespace
        case name
        case messageID = "messageId"
        case payloadVersion
        case misspelledPayloadVersion = "playloadVersion"
        case legacyMessageID = "messageID"
    }

    /// Creates a header.
    public init(operation: UtecOperation, messageID: String, payloadVersion: String = "1") {
        self.namespace = operation.namespace
        self.name = operation.name
        self.messageID = messageID
        self.payloadVersion = payloadVersion
    }

    /// The namespace/name pair.
    public var operation: UtecOperation { UtecOperation(namespace: namespace, name: name) }

    /// A fresh lower-case UUID v4.
    public static func randomMessageID() -> String { UUID().uuidString.lowercased() }

    /// Decodes leniently (see the type's documentation).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        namespace = try container.decodeIfPresent(String.self, forKey: .namespace) ?? ""
        name = try container.decodeIfPresent(String.self, forKey: .name) ?? ""
        messageID =
            try container.decodeIfPresent(String.self, forKey: .messageID)
            ?? container.decodeIfPresent(String.self, forKey: .legacyMessageID) ?? ""
        // Like the kit's own reader: a number (`"payloadVersion":1`) is accepted as its text.
        let version =
            try container.decodeIfPresent(JSONValue.self, forKey: .payloadVersion)
            ?? container.decodeIfPresent(JSONValue.self, forKey: .misspelledPayloadVersion)
        payloadVersion = version?.lenientString ?? "1"
    }

    /// Encodes `namespace`, `name`, `messageId`, `payloadVersion`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(namespace, forKey: .namespace)
        try container.encode(name, forKey: .name)
        try container.encode(messageID, forKey: .messageID)
        try container.encode(payloadVersion, forKey: .payloadVersion)
    }

    /// Reads a header from JSON leniently (a number as `payloadVersion` is accepted).
    init(json: JSONValue) {
        namespace = json["namespace"]?.lenientString ?? ""
        name = json["name"]?.lenientString ?? ""
        messageID = (json["messageId"] ?? json["messageID"])?.lenientString ?? ""
        payloadVersion = (json["payloadVersion"] ?? json["playloadVersion"])?.lenientString ?? "1"
    }
}

import AuthCore

/// One entry of an installation's event history: a device error, a changed feature, a gateway
/// going on- or offline.
public struct ViessmannEvent: Sendable, Equatable, Codable {
    /// `eventType`, for example `device-error` or `feature-changed`.
    public var eventType: String
    /// When it happened (`eventTimestamp`, ISO 8601 as sent).
    public var eventTimestamp: String
    /// When the API recorded it (`createdAt`).
    public var createdAt: String?
    /// The gateway it concerns.
    public var gatewaySerial: String?
    /// The device it concerns.
    public var deviceID: String?
    /// The device's model.
    public var modelID: String?
    /// The event's details as sent.
    public var body: JSONValue

    enum CodingKeys: String, CodingKey {
        case eventType
        case eventTimestamp
        case createdAt
        case gatewaySerial
        case deviceID = "deviceId"
        case modelID = "modelId"
        case body
    }

    /// Creates an event.
    public init(
        eventType: String, eventTimestamp: String, createdAt: String? = nil, gatewaySerial: String? = nil,
        deviceID: String? = nil, modelID: String? = nil, body: JSONValue = .object([:])
    ) {
        self.eventType = eventType
        self.eventTimestamp = eventTimestamp
        self.createdAt = createdAt
        self.gatewaySerial = gatewaySerial
        self.deviceID = deviceID
        self.modelID = modelID
        self.body = body
    }
}

/// One page of the event history and the cursor of the next; `nil` on the last page.
public struct ViessmannEventPage: Sendable, Equatable, Codable {
    /// The events of this page.
    public var events: [ViessmannEvent]
    /// Pass it to ``ViessmannClient/eventHistory(installationID:window:limit:)`` for the next page.
    public var nextCursor: String?

    enum CodingKeys: String, CodingKey {
        case events
        case nextCursor
    }

    /// Creates a page.
    public init(events: [ViessmannEvent], nextCursor: String?) {
        self.events = events
        self.nextCursor = nextCursor
    }
}

/// Which part of the event history to read: the last days, or the page after a cursor.
public struct ViessmannEventWindow: Sendable, Equatable {
    enum Storage: Equatable {
        case lastDays(Int)
        case cursor(String)
    }

    let storage: Storage

    /// The events of the last `days` days (1…365).
    public static func lastDays(_ days: Int) -> ViessmannEventWindow { ViessmannEventWindow(storage: .lastDays(days)) }

    /// The page a previous page's ``ViessmannEventPage/nextCursor`` points to.
    public static func cursor(_ cursor: String) -> ViessmannEventWindow {
        ViessmannEventWindow(storage: .cursor(cursor))
    }
}

enum ViessmannEventParser {
    static func page(_ json: JSONValue) throws -> ViessmannEventPage {
        let events = try ViessmannResponseReader.dataObjects(json, what: "events").map { object in
            guard let type = object["eventType"]?.stringValue, let timestamp = object["eventTimestamp"]?.stringValue
            else {
                throw ViessmannError(.invalidResponse, "an event has no eventType or eventTimestamp")
            }
            return ViessmannEvent(
                eventType: type, eventTimestamp: timestamp, createdAt: object["createdAt"]?.stringValue,
                gatewaySerial: object["gatewaySerial"]?.stringValue, deviceID: object["deviceId"]?.stringValue,
                modelID: object["modelId"]?.stringValue, body: object["body"] ?? .object([:]))
        }
        return ViessmannEventPage(events: events, nextCursor: ViessmannResponseReader.nextCursor(json))
    }
}

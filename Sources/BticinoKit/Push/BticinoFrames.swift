import AuthCore
import Foundation

/// Writes the frames the websockets expect, keys in the order the official app sends them.
enum BticinoFrames {
    /// `{"action":"Subscribe","access_token":…,"app_type":"app_camera","platform":…,"version":…}`
    /// (exactly these five keys; no `filter`, which suppresses call events).
    static func pushSubscribe(token: Secret, platform: String, version: String) -> String {
        write([
            ("action", "Subscribe"), ("access_token", .string(token.revealed)), ("app_type", "app_camera"),
            ("platform", .string(platform)), ("version", .string(version)),
        ])
    }

    /// `{"action":"subscribe","access_token":…,"app_type":"app_security","version":"1.0","platform":"android"}`.
    static func signalingSubscribe(token: Secret) -> String {
        write([
            ("action", "subscribe"), ("access_token", .string(token.revealed)), ("app_type", "app_security"),
            ("version", "1.0"), ("platform", "android"),
        ])
    }

    /// An object with its members in the given order.
    static func write(_ members: [(String, JSONValue)]) -> String {
        let parts = members.map { key, value in
            "\(literal(.string(key))):\(literal(value))"
        }
        return "{" + parts.joined(separator: ",") + "}"
    }

    static func literal(_ value: JSONValue) -> String {
        (try? value.jsonData()).map { String(decoding: $0, as: UTF8.self) } ?? "null"
    }
}

import Foundation
import HTTPTypes

/// A request the sandbox received, as it arrived: method, path, query, header fields and body,
/// with the route it reached, the fault it met and the status it was answered with.
///
/// Its ``description`` names the method, path, query parameter names and status, and never a
/// query value, a header field or the body, so a failing assertion can print it.
public struct SandboxRecordedRequest: Sendable, CustomStringConvertible {
    /// The order of arrival, from 1.
    public let sequence: Int
    /// The vendor whose routes the path belongs to; `nil` for a path no vendor owns.
    public let vendor: SandboxVendor?
    /// The route's name within the vendor (for example `asset`); `nil` when no route matched.
    public let routeName: String?
    /// The method, upper case.
    public let method: String
    /// The path as received (percent-encoded, with the vendor's prefix).
    public let path: String
    /// The query as received, without `?`; `nil` when there was none.
    public let query: String?
    /// The header fields as received.
    public let headers: HTTPFields
    /// The body as received.
    public let body: Data
    /// When it arrived, on the sandbox's clock.
    public let receivedAt: Date
    /// The fault it met, described (`503`, `reset mid-body`…); `nil` when none.
    public let fault: String?
    /// The status it was answered with; `nil` while being answered, or when the connection was reset.
    public internal(set) var status: Int?

    /// The route it reached, as a ``SandboxRoute`` of this method.
    public var route: SandboxRoute {
        SandboxRoute(vendor: vendor, name: routeName, method: method)
    }

    /// The value of the header field `name`.
    public func header(_ name: String) -> String? {
        HTTPField.Name(name).flatMap { headers[$0] }
    }

    /// The query's parameters, percent-decoded, in order.
    public var queryItems: [URLQueryItem] {
        SandboxIncomingRequest.pairs(query ?? "", plusIsSpace: false).map {
            URLQueryItem(name: $0.name, value: $0.value)
        }
    }

    /// The value of the query parameter `name`, percent-decoded.
    public func queryValue(_ name: String) -> String? {
        queryItems.first { $0.name == name }?.value
    }

    /// The body as UTF-8 text.
    public var bodyText: String { String(decoding: body, as: UTF8.self) }

    /// `#3 GET /flowerhub/asset/880045 ?period → 200 [fault: 503]`, without query values.
    public var description: String {
        var text = "#\(sequence) \(method) \(path)"
        if !queryItems.isEmpty { text += " ?" + queryItems.map(\.name).joined(separator: "&") }
        text += " → " + (status.map(String.init) ?? "-")
        if let fault { text += " [fault: \(fault)]" }
        return text
    }
}

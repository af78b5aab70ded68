/// Which requests a fault or a query of the recording applies to: one route of one vendor, every
/// route of a vendor, or every route; optionally only one HTTP method.
///
/// ```swift
/// sandbox.faults.inject(.statusSequence([503, 503]), on: .flowerhub(.asset))
/// let patches = sandbox.requests(for: .businessCentral(.items).method("PATCH"))
/// let everything = sandbox.requests(for: .vendor(.entra))
/// ```
///
/// Each vendor's routes file adds a static function naming its routes (``flowerhub(_:)``,
/// ``businessCentral(_:)``, ``entra(_:)``). On the control endpoint a route is written
/// `vendor/route`, `vendor` or `*`, optionally preceded by a method: `GET flowerhub/asset`.
public struct SandboxRoute: Hashable, Sendable, CustomStringConvertible {
    /// The vendor; `nil` for every vendor.
    public let vendor: SandboxVendor?
    /// The route's name within the vendor (for example `asset`); `nil` for every route.
    public let name: String?
    /// The HTTP method (upper case); `nil` for every method.
    public let method: String?

    /// A route from its parts.
    public init(vendor: SandboxVendor?, name: String? = nil, method: String? = nil) {
        self.vendor = vendor
        self.name = vendor == nil ? nil : name
        self.method = method?.uppercased()
    }

    /// Every route of every vendor.
    public static let any = SandboxRoute(vendor: nil)

    /// Every route of `vendor`.
    public static func vendor(_ vendor: SandboxVendor) -> SandboxRoute {
        SandboxRoute(vendor: vendor)
    }

    /// This route, only for requests with `method` (for example `"PATCH"`).
    public func method(_ method: String) -> SandboxRoute {
        SandboxRoute(vendor: vendor, name: name, method: method)
    }

    /// Whether a request to `vendor`'s route `name` with `method` is one of these.
    public func matches(vendor: SandboxVendor?, name: String?, method: String) -> Bool {
        if let wanted = self.vendor, wanted != vendor { return false }
        if let wanted = self.name, wanted != name { return false }
        if let wanted = self.method, wanted != method.uppercased() { return false }
        return true
    }

    /// `GET flowerhub/asset`, `flowerhub/*` or `*`.
    public var description: String {
        let target: String
        switch (vendor, name) {
        case (nil, _): target = "*"
        case (let vendor?, nil): target = "\(vendor.name)/*"
        case (let vendor?, let name?): target = "\(vendor.name)/\(name)"
        }
        return method.map { "\($0) \(target)" } ?? target
    }

    /// Reads the control endpoint's spelling: `[METHOD ]vendor[/route]` or `*`; `nil` when malformed.
    public init?(parsing text: String) {
        let parts = text.split(separator: " ", omittingEmptySubsequences: true)
        guard (1...2).contains(parts.count) else { return nil }
        let method = parts.count == 2 ? String(parts[0]) : nil
        let target = parts[parts.count - 1]
        if target == "*" {
            self.init(vendor: nil, method: method)
            return
        }
        let pieces = target.split(separator: "/", omittingEmptySubsequences: false)
        guard (1...2).contains(pieces.count), !pieces[0].isEmpty else { return nil }
        let name = pieces.count == 2 && pieces[1] != "*" ? String(pieces[1]) : nil
        if pieces.count == 2, pieces[1].isEmpty { return nil }
        self.init(vendor: SandboxVendor(String(pieces[0])), name: name, method: method)
    }
}

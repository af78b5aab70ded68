/// One vendor API the sandbox emulates. Each routes file adds its own static member
/// (``flowerhub``, ``businessCentral``, ``entra``); the name is also the first part of a route's
/// name on the control endpoint (`flowerhub/asset`).
public struct SandboxVendor: Hashable, Sendable, CustomStringConvertible {
    /// The vendor's name, for example `flowerhub`.
    public let name: String

    /// A vendor by name.
    public init(_ name: String) {
        self.name = name
    }

    /// The name.
    public var description: String { name }
}

import Foundation
import VendorFixtures

/// The shared fixtures, read once and parsed in order-keeping JSON.
enum SandboxFixtures {
    /// The fixture at `path` (`"flowerhub/asset.json"`) as JSON; `null` when it is missing or not
    /// JSON, which the sandbox's own tests rule out.
    static func json(_ path: String) -> SandboxJSON {
        guard let data = try? Fixture.data(path), let json = try? SandboxJSON.parse(data) else { return .null }
        return json
    }

    /// The fixture's bytes; empty when it is missing.
    static func data(_ path: String) -> Data {
        (try? Fixture.data(path)) ?? Data()
    }

    /// The fixture's text; empty when it is missing.
    static func text(_ path: String) -> String {
        (try? Fixture.text(path)) ?? ""
    }
}

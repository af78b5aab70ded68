import AuthCore
import AuthCoreAsyncHTTPClient
import BticinoKit
import FlowerhubKit
import OdynKit
import UtecKit
import VendorSandbox
import ViessmannKit

/// What `vendorctl --version` prints: the tool's version, then the version of every library it
/// is built from, one `<product> <version>` per line (products are versioned and released apart).
enum VersionReport {
    /// Each product and its version, the tool first.
    static let products: [(name: String, version: String)] = [
        ("vendorctl", VendorCtlVersion.current),
        ("AuthCore", AuthCoreVersion.current),
        ("AuthCoreAsyncHTTPClient", AuthCoreAsyncHTTPClientVersion.current),
        ("FlowerhubKit", FlowerhubKitVersion.current),
        ("OdynKit", OdynKitVersion.current),
        ("BticinoKit", BticinoKitVersion.current),
        ("ViessmannKit", ViessmannKitVersion.current),
        ("UtecKit", UtecKitVersion.current),
        ("VendorSandbox", VendorSandboxVersion.current),
    ]

    /// The lines, joined.
    static var text: String {
        products.map { "\($0.name) \($0.version)" }.joined(separator: "\n")
    }
}

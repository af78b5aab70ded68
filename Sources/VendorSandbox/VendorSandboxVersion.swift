/// The version of VendorSandbox.
///
/// The one place the product's version is kept: the release script reads it and
/// tags `VendorSandbox-<version>`.
public enum VendorSandboxVersion {
    /// The product's version (Semantic Versioning).
    public static let current = "1.0.0"
}

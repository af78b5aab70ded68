/// The version of vendorctl (`vendorctl --version` prints it with every library's version).
///
/// The one place the tool's version is kept: the release script reads it and tags
/// `vendorctl-<version>`.
public enum VendorCtlVersion {
    /// The tool's version (Semantic Versioning).
    public static let current = "1.0.0"
}

/// The version `vendorctl --version` prints.
public enum VendorCtlVersion {
    /// The tool's version (Semantic Versioning).
    public static let current = "0.1.0"
}

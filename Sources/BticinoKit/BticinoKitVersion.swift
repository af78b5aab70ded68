/// The version of BticinoKit.
///
/// The one place the product's version is kept: the release script reads it and tags
/// `BticinoKit-<version>`.
public enum BticinoKitVersion {
    /// The product's version (Semantic Versioning).
    public static let current = "1.0.0"
}

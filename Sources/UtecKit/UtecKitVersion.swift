/// The version of UtecKit.
///
/// The one place the product's version is kept: the release script reads it and tags
/// `UtecKit-<version>`, and the client sends it in its `User-Agent`.
public enum UtecKitVersion {
    /// The product's version (Semantic Versioning).
    public static let current = "1.0.0"
}

/// The version of OdynKit.
///
/// The one place the product's version is kept: the release script reads it and tags
/// `OdynKit-<version>`, and the client sends it in its `User-Agent`.
public enum OdynKitVersion {
    /// The product's version (Semantic Versioning).
    public static let current = "1.0.0"
}

/// The version of AuthCore, the shared auth-and-transport core.
///
/// The one place the product's version is kept: the release script reads it and tags
/// `AuthCore-<version>`, and every kit sends it in its `User-Agent` after its own.
public enum AuthCoreVersion {
    /// The product's version (Semantic Versioning).
    public static let current = "1.0.0"
}

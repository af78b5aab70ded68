/// The version of ViessmannKit.
///
/// The one place the product's version is kept: the release script reads it and tags
/// `ViessmannKit-<version>`, and the client sends it in its `User-Agent`.
public enum ViessmannKitVersion {
    /// The product's version (Semantic Versioning).
    public static let current = "1.0.0"
}

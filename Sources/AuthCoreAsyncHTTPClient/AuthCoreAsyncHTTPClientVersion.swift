/// The version of AuthCoreAsyncHTTPClient, the AsyncHTTPClient transport.
///
/// The one place the product's version is kept: the release script reads it and
/// tags `AuthCoreAsyncHTTPClient-<version>`.
public enum AuthCoreAsyncHTTPClientVersion {
    /// The product's version (Semantic Versioning).
    public static let current = "1.0.0"
}

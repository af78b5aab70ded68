/// The `User-Agent` value a kit sends: its own product and version, then AuthCore's, then the
/// platform, e.g. `FlowerhubKit/1.2.0 AuthCore/1.1.0 (Linux)`.
///
/// Vendors see which library (and which release of it) made a request, which is what their
/// support asks for first; nothing about the user or the app is included.
public enum ProductUserAgent {
    /// The value for `product` at `version`, followed by AuthCore's version and the platform.
    ///
    /// Characters that are not allowed in an HTTP product token (RFC 9110, section 10.1.5) are left out.
    public static func value(product: String, version: String) -> String {
        "\(token(product))/\(token(version)) AuthCore/\(AuthCoreVersion.current) (\(platform))"
    }

    static var platform: String {
        #if os(Linux)
            "Linux"
        #elseif os(macOS)
            "macOS"
        #elseif os(iOS)
            "iOS"
        #elseif os(tvOS)
            "tvOS"
        #elseif os(watchOS)
            "watchOS"
        #elseif os(visionOS)
            "visionOS"
        #elseif os(Windows)
            "Windows"
        #else
            "unknown"
        #endif
    }

    private static func token(_ text: String) -> String {
        let allowed = Set("!#$%&'*+-.^_`|~")
        let kept = text.filter { $0.isASCII && ($0.isLetter || $0.isNumber || allowed.contains($0)) }
        return kept.isEmpty ? "unknown" : kept
    }
}

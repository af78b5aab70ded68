extension CookieJar {
    /// How much a jar keeps and sends, so a server cannot make every later request huge.
    ///
    /// The defaults follow what browsers enforce (RFC 6265 section 6.1 asks for at least 4096
    /// bytes per cookie, 50 per domain and 3000 in total, and browsers stop near those numbers).
    /// When a domain or the whole jar is full, expired cookies go first, then the least recently
    /// used ones (set or sent longest ago), as browsers do.
    public struct Limits: Sendable, Hashable {
        /// The default ``maximumCookieSize``: 4096 bytes.
        public static let defaultMaximumCookieSize = 4096
        /// The default ``maximumCookiesPerDomain``: 50.
        public static let defaultMaximumCookiesPerDomain = 50
        /// The default ``maximumCookies``: 3000.
        public static let defaultMaximumCookies = 3000
        /// The default ``maximumHeaderSize``: 8192 bytes, the request-header line limit of
        /// common servers (larger headers tend to be refused with 400 or 431 anyway).
        public static let defaultMaximumHeaderSize = 8192

        /// The largest name plus value, in UTF-8 bytes; a larger cookie is refused (not stored,
        /// and an existing cookie of that name is kept).
        public var maximumCookieSize: Int
        /// The most cookies kept for one domain.
        public var maximumCookiesPerDomain: Int
        /// The most cookies kept in the whole jar.
        public var maximumCookies: Int
        /// The largest `Cookie` header sent, in bytes. Cookies are added most specific path first;
        /// a cookie that would make the header longer is left out of that request.
        public var maximumHeaderSize: Int

        /// Creates limits; values below 1 are raised to 1.
        public init(
            maximumCookieSize: Int = Limits.defaultMaximumCookieSize,
            maximumCookiesPerDomain: Int = Limits.defaultMaximumCookiesPerDomain,
            maximumCookies: Int = Limits.defaultMaximumCookies,
            maximumHeaderSize: Int = Limits.defaultMaximumHeaderSize
        ) {
            self.maximumCookieSize = max(1, maximumCookieSize)
            self.maximumCookiesPerDomain = max(1, maximumCookiesPerDomain)
            self.maximumCookies = max(1, maximumCookies)
            self.maximumHeaderSize = max(1, maximumHeaderSize)
        }
    }
}
